import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { mdxBodyText } from '../../src/lib/search/mdx-text.ts';
import { commonSyllables } from '../../src/lib/search/indexer.ts';
import { foldedDWords } from '../../src/lib/search/record.ts';
import { detectNumber, numberQueryToken } from '../../src/lib/search/intent.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('search records from the content files', () => {
  it('indexes every directive of the repository with the metadata its result shows', async () => {
    const records = await readSearchRecords(join(ROOT, 'content/directives'), (id) => `/van-ban/${id}/`);
    expect(records.length).toBeGreaterThanOrEqual(5);
    const hn = records.find((r) => r.meta.province === 'Hà Nội')!;
    expect(hn.url).toMatch(/^\/van-ban\/ha-noi\/[a-z0-9-]+\/$/);
    expect(hn.meta).toMatchObject({ province: 'Hà Nội', docType: 'Điện', issuer: expect.stringContaining('Thành ủy') });
    expect(hn.meta.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    // Pagefind gets no filters or sort: the catalogue does those (src/lib/search/catalogue.ts)
    expect(Object.keys(hn).sort()).toEqual(['content', 'language', 'meta', 'url']);
    // the text shown in excerpts ends where the index-only tail begins
    const text = hn.content.slice(0, Number(hn.meta.textLength));
    expect(text).toContain('Đinh Tiến Dũng');
    // đ is folded in the tail, so "dinh" reaches "Đinh"
    expect(hn.content.slice(Number(hn.meta.textLength)).split(/\s+/)).toEqual(expect.arrayContaining(['dinh', 'dung']));
  });

  it('adds a number token a typed number finds, for a directive with a number', async () => {
    const records = await readSearchRecords(join(ROOT, 'content/directives'), (id) => `/van-ban/${id}/`);
    const th = records.find((r) => r.meta.number === '469-CV/TU')!;
    for (const typed of ['469/CV-TU', 'CV 469', 'công văn 469']) {
      expect(th.content.split(/\s+/), typed).toContain(numberQueryToken(detectNumber(typed)!));
    }
  });

  it('names the file and field when a directive breaks the schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'search-rec-'));
    try {
      await mkdir(join(dir, 'ha-noi'));
      await writeFile(join(dir, 'ha-noi', 'x.mdx'), '---\ntitle: X\nprovince: Atlantis\n---\n\nText.\n');
      await expect(readSearchRecords(dir, (id) => id)).rejects.toThrow(
        /x\.mdx:\d+: frontmatter field "(number|docType|date|issuer|province|source)"/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('MDX body to plain text', () => {
  it('gives the text as read: escaped section markers unescaped, one line per block, braces kept as text', () => {
    const text = mdxBodyText(
      '---\ntitle: x\n---\n\n1\\. Ban Thường vụ \\{yêu cầu\\}\n\n- Các huyện \\<ủy\\>\n- *Khẩn*\n',
    );
    expect(text.split('\n')).toEqual(['1. Ban Thường vụ {yêu cầu}', 'Các huyện <ủy>', 'Khẩn']);
  });
});

describe('index helpers', () => {
  it('folds only the words that contain đ, once each', () => {
    expect(foldedDWords('Đinh Tiến Dũng, đồng chí Đinh')).toEqual(['dinh', 'dong']);
  });

  it('lists the syllables most directives contain, and none for a small archive', () => {
    const meta = {
      title: '',
      number: '',
      docType: '',
      date: '',
      province: '',
      issuer: '',
      urgency: '',
      measures: '',
      textLength: '0',
      bodyStart: '0',
    };
    const rec = (content: string) => ({ url: '', content, language: 'vi' as const, meta });
    const many = Array.from({ length: 600 }, (_, i) =>
      rec(i % 3 === 0 ? 'phòng chống dịch Vĩnh Phúc' : 'phòng chống dịch'),
    );
    expect(commonSyllables(many)).toEqual(['chong', 'dich', 'phong']);
    expect(commonSyllables(many.slice(0, 10))).toEqual([]);
  });
});

describe('what a record holds for honest matching', () => {
  it('urgency in the metadata line, cited numbers and variants as tokens, measures in the catalogue', async () => {
    const { record } = await import('../../scripts/bench/fake-pagefind.ts');
    const r = record(
      '/x/',
      {
        title: '𝐂𝐨̂𝐧𝐠 điện hỏa tốc',
        number: '12/CĐ-UBND',
        docType: 'Công điện',
        urgency: 'Hỏa tốc',
        references: [{ number: '15/CT-TTg', docType: 'Chỉ thị', date: null }],
        measures: [
          { code: 'testing', action: 'impose', evidence: 'x', scope: null, from: null, to: null },
          { code: 'distancing-ct16', action: 'impose', evidence: 'y', scope: null, from: null, to: null },
        ],
      },
      'Thực hiện Công văn số 469-CV/TU; phòng, chống vi rút SARS-CoV-2, xét nghiệm cho 100% người dân.',
    );
    const text = r.content.slice(0, Number(r.meta.textLength));
    const tail = r.content.slice(Number(r.meta.textLength)).split(/\s+/);
    expect(text.split('\n')[0]).toBe('Công điện hỏa tốc'); // look-alike letters read as letters
    expect(text.split('\n')[1]!.startsWith('Hỏa tốc · Công điện 12/CĐ-UBND')).toBe(true);
    expect(tail).toEqual(expect.arrayContaining(['so12cdubnd', 'dc15ctttg', 'dc469cvtu', 'vxvirus', 'vxcovid']));
    expect(tail).not.toContain('dc12cdubnd'); // its own number is not one it cites
    expect(r.meta).toMatchObject({ urgency: 'Hỏa tốc', measures: 'distancing-ct16,testing' });
  });
});
