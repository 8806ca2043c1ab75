/**
 * The plain-body fast path (src/lib/plain-body-html.ts) must write exactly the bytes of the full
 * renderer (remark-mdx, GFM, remark-rehype, section anchors) whenever it answers, and leave
 * everything else, code above all, to the full pipeline. Checked on the seeds, on generated
 * directives and on random bodies built from the characters and line starts that matter.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { createFullRenderer, type RenderBody } from '../../src/lib/directive-content.ts';
import { splitOrThrow } from '../../src/lib/directive-file.ts';
import { listDirectiveFiles } from '../../src/lib/entry-id.ts';
import { plainBodyHtml } from '../../src/lib/plain-body-html.ts';

let full: RenderBody;
beforeAll(async () => {
  full = await createFullRenderer();
});

const root = resolve(import.meta.dirname, '../..');
const bodyOf = (mdx: string): string => splitOrThrow('x.mdx', mdx).bodyWithLines;

async function same(body: string): Promise<boolean> {
  const fast = plainBodyHtml(body);
  if (fast === null) return false;
  expect(fast, JSON.stringify(body)).toBe(await full(body));
  return true;
}

describe('plain body HTML', () => {
  it("writes the full renderer's bytes for the generated directives, most of which take it", async () => {
    const docs = generateCorpus(400, 3);
    let fast = 0;
    for (const d of docs) if (await same(bodyOf(d.mdx.content))) fast++;
    expect(fast / docs.length).toBeGreaterThan(0.7);
  }, 120_000);

  it("writes the full renderer's bytes for the seeds and the test fixtures whenever it answers", async () => {
    for (const dir of ['content', 'tests/fixtures/site-content', 'tests/fixtures/search-content']) {
      const base = join(root, dir, 'directives');
      for (const rel of listDirectiveFiles(base)) await same(bodyOf(readFileSync(join(base, rel), 'utf8')));
    }
  });

  it('anchors section markers in paragraphs and list items as the rehype plugin does', async () => {
    const body = [
      '\n\n1\\. Ban Thường vụ yêu cầu \\< 50% \\& "x" \\> y:\nDòng hai',
      '- a) Một\n- b) Hai',
      'II. Phần hai',
      '2.1. Tiếp: \\{\\}',
      '1\\. Lặp lại\n',
    ].join('\n\n');
    expect(await same(body)).toBe(true);
    expect(plainBodyHtml(body)).toContain('<li id="muc-1-a" class="section">a) Một <a href="#muc-1-a"');
  });

  it('leaves markup, code and anything unusual to the full pipeline', () => {
    for (const body of [
      'Văn bản *nhấn mạnh*.',
      'import fs from "node:fs"',
      'Dòng\nexport const a = 1',
      'Xem https://example.org hoặc www.example.org, thư a@b.vn.',
      'Mức {độ}',
      '<b>đậm</b>',
      '# Tiêu đề',
      '1. danh sách có thứ tự',
      'Đoạn\n- mục ngay sau đoạn',
      '- mục\n\n- mục cách dòng',
      '- mục\nnối tiếp lười',
      '    mã thụt lề',
      'dòng có hai dấu cách  \nngắt dòng',
      'a | b\n--|--\n1 | 2',
      'A &amp; B',
      '~~gạch~~',
      '\\u{F8FF}'.replace('\\u{F8FF}', '\u{F8FF}'),
    ]) {
      expect(plainBodyHtml(body), body).toBeNull();
    }
  });

  it('agrees with the full renderer on random bodies', async () => {
    const safe = fc.constantFrom(
      'Ban',
      'Thường vụ',
      'tỉnh ủy',
      'phòng, chống',
      'dịch',
      'COVID-19',
      ' ',
      ' ',
      ' ',
      '.',
      ',',
      ':',
      ';',
      '"',
      "'",
      '(',
      ')',
      '/',
      '-',
      '+',
      '%',
      '1',
      '2',
      '10',
      '2021',
      '\\.',
      '\\<',
      '\\&',
      '\\{',
      '\\}',
      '\\*',
      '\\-',
      '\\+',
      '\\#',
      '\\[',
      '\\\\',
      '\\>',
      'đ',
      'Đ',
      'ư',
      'ơ',
      'ạ',
      'ễ',
      '?',
      '!',
      '…',
      '–',
      '=',
      '#',
    );
    const tricky = fc.constantFrom(
      '>',
      '*',
      '_',
      '`',
      '[',
      ']',
      '&',
      '<',
      'www.',
      'http://x.vn',
      '@',
      '\t',
      '\u00a0',
      '\u0001',
      'import',
      'export',
      '~',
    );
    const piece = fc.oneof({ arbitrary: safe, weight: 12 }, { arbitrary: tricky, weight: 1 });
    const start = fc.constantFrom(
      '',
      '',
      '',
      '- ',
      '+ ',
      '1\\. ',
      '2.1. ',
      'a) ',
      'đ) ',
      'II. ',
      '1. ',
      ' ',
      '#',
      '>',
      '-',
      '2)',
    );
    // Most lines trimmed, as an editor saves them; some keep their edge spaces.
    const line = fc
      .tuple(start, fc.array(piece, { maxLength: 12 }), fc.nat(4))
      .map(([s, ps, n]) => (n ? `${s}${ps.join('').trim()}` : s + ps.join('')));
    const loose = fc
      .array(fc.oneof(line, line, line, fc.constant('')), { minLength: 1, maxLength: 10 })
      .map((ls) => `\n\n${ls.join('\n')}\n`);
    // Well-formed documents too: paragraphs and lists separated by blank lines.
    const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => ps.join('').trim());
    const marked = fc
      .tuple(fc.constantFrom('', '', '1\\. ', '2.1. ', 'a) ', 'II. ', '3/ '), text)
      .map(([m, t]) => m + t);
    const para = fc.array(marked, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
    const list = fc
      .tuple(fc.constantFrom('- ', '+ '), fc.array(marked, { minLength: 1, maxLength: 4 }))
      .map(([b, items]) => items.map((i) => b + i).join('\n'));
    const doc = fc
      .array(fc.oneof(para, para, list), { minLength: 1, maxLength: 6 })
      .map((bs) => `\n\n${bs.join('\n\n')}\n`);
    const body = fc.oneof(loose, doc);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        if (await same(b)) answered++;
      }),
      { numRuns: 1500 },
    );
    // the generator must exercise the fast path, not only the refusals
    expect(answered).toBeGreaterThan(120);
  }, 300_000);
});
