/**
 * Section anchors: the markers a paragraph may start with, the ids they get, the rehype plugin
 * run through the project's own Markdown processor, and the table of contents agreeing with it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { markdownProcessor } from '../../src/lib/markdown-processor.ts';
import { parseMarker, SectionIds, tableOfContents } from '../../src/lib/site/sections.ts';

/** Render with the site's own processor, so the test also guards that the plugin is in it. */
async function render(md: string): Promise<string> {
  const renderer = await markdownProcessor.createRenderer({} as never);
  return (await renderer.render(md)).code;
}
const ids = (html: string): string[] => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);

describe('parseMarker', () => {
  it.each([
    ['1. Ban Thường vụ', 'number', ['1']],
    ['2.1. Chỉ đạo', 'number', ['2', '1']],
    ['2.1 Nội dung', 'number', ['2', '1']],
    ['1/ Các cấp ủy', 'number', ['1']],
    ['3) Tiếp tục', 'number', ['3']],
    ['a) Rà soát', 'letter', ['a']],
    ['đ) Tổ chức', 'letter', ['dd']],
    ['II. NHIỆM VỤ', 'roman', ['ii']],
    ['  05. Sở Y tế', 'number', ['5']],
  ])('%s', (text, kind, parts) => {
    expect(parseMarker(text)).toMatchObject({ kind, parts });
  });
  it.each([
    'Tăng cường phòng, chống dịch',
    '1.5 triệu liều vắc xin đã tiêm',
    '2021 là năm khó khăn',
    '- Tăng cường tuần tra',
    'a)Không có khoảng trắng',
    'Ví dụ a) ở giữa câu',
  ])('no marker: %s', (text) => {
    expect(parseMarker(text)).toBeNull();
  });
});

describe('SectionIds', () => {
  it('nests letters under the last number and numbers under the last roman numeral', () => {
    const s = new SectionIds();
    const next = (t: string) => s.next(parseMarker(t)!);
    expect(['1. x', '2. x', '2.1. x', 'a) x', 'b) x', '3. x'].map(next)).toEqual([
      'muc-1',
      'muc-2',
      'muc-2-1',
      'muc-2-1-a',
      'muc-2-1-b',
      'muc-3',
    ]);
    const r = new SectionIds();
    expect(['I. x', '1. x', 'II. x', '1. x', 'a) x'].map((t) => r.next(parseMarker(t)!))).toEqual([
      'muc-i',
      'muc-i-1',
      'muc-ii',
      'muc-ii-1',
      'muc-ii-1-a',
    ]);
  });
  it('never repeats an id, even when a document restarts its numbering', () => {
    const s = new SectionIds();
    expect(['1. x', '2. x', '1. x', '1. x'].map((t) => s.next(parseMarker(t)!))).toEqual([
      'muc-1',
      'muc-2',
      'muc-1-2',
      'muc-1-3',
    ]);
  });
});

describe('rehype-section-anchors', () => {
  it('gives marked paragraphs and list items ids and a visible "#" link to themselves', async () => {
    const html = await render('Mở đầu.\n\n1\\. Một\n\n- a) hai\n- b) ba\n- Không đánh dấu\n\n2.1. Bốn');
    expect(ids(html)).toEqual(['muc-1', 'muc-1-a', 'muc-1-b', 'muc-2-1']);
    expect(html).toContain('<p id="muc-1" class="section">1. Một <a href="#muc-1" class="section-link"');
    expect(html).toMatch(/<li id="muc-1-a"[^>]*>a\) hai <a href="#muc-1-a"/);
    expect(html).toContain('<span class="visually-hidden">Liên kết đến mục 2.1</span>');
    // Unmarked blocks stay as they were.
    expect(html).toContain('<p>Mở đầu.</p>');
    expect(html).toContain('<li>Không đánh dấu</li>');
  });

  it('numbers a loose list item once, on the item, not on its paragraph', async () => {
    const html = await render('- a) hai\n\n- b) ba\n');
    expect(ids(html)).toEqual(['muc-a', 'muc-b']);
    expect(html.match(/section-link/g)).toHaveLength(2);
  });

  it('agrees with the table of contents on the long fixture directive', async () => {
    const file = readFileSync(
      resolve(import.meta.dirname, '../fixtures/site-content/directives/vinh-phuc/2021-11-08-cong-van-907-cv-tu.mdx'),
      'utf8',
    );
    const body = file.replace(/^---[\s\S]*?\n---\n/, '');
    const html = await render(body);
    const toc = tableOfContents(body);
    expect(toc.map((t) => t.id)).toEqual(['muc-1', 'muc-2', 'muc-3', 'muc-4', 'muc-5', 'muc-6']);
    for (const t of toc) expect(ids(html)).toContain(t.id);
    expect(ids(html)).toEqual(expect.arrayContaining(['muc-2-1', 'muc-2-1-a', 'muc-2-1-b', 'muc-2-2']));
    expect(toc[1]).toMatchObject({ marker: '2.', text: 'Ban cán sự đảng UBND tỉnh:' });
    expect(toc[0]!.text.length).toBeLessThanOrEqual(91);
  });

  it('keeps directive text as text: braces and angle brackets never become markup', async () => {
    const html = await render('1\\. Ký hiệu \\<script> và \\{x\\} chỉ là chữ.');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>');
    expect(html).toContain('{x}');
  });
});
