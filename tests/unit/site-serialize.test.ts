import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { toCsv, directiveJson, CSV_COLUMNS, BOM } from '../../src/lib/site/serialize.ts';
import { withBase, paths, absoluteUrl } from '../../src/lib/site/urls.ts';
import { rawFilePath, listRawFiles } from '../../src/lib/site/provenance.ts';
import { parseCsv } from '../helpers/csv.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/site-content');
const records = loadDirectives(FIXTURES);

describe('CSV export', () => {
  const csv = toCsv(records, (d) => withBase('/', paths.directive(d.id)));
  it('starts with a UTF-8 BOM so Excel reads Vietnamese', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('has a header and one row per directive, every field round-tripping', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(records.length + 1);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as never);
    for (const [i, d] of records.entries()) {
      const r = rows[i + 1]!;
      expect(r[col('title')]).toBe(d.data.title);
      expect(r[col('number')]).toBe(d.data.number ?? '');
      expect(r[col('province')]).toBe(d.data.province);
      expect(r[col('url')]).toBe(`/van-ban/${d.id}/`);
    }
  });
  it('quotes commas, quotes and line breaks', () => {
    const tricky = { ...records[0]!, data: { ...records[0]!.data, title: 'Về "giãn cách", ngày 1\nvà 2' } };
    const rows = parseCsv(toCsv([tricky], () => 'u').slice(1));
    expect(rows[1]![CSV_COLUMNS.indexOf('title')]).toBe('Về "giãn cách", ngày 1\nvà 2');
  });
});

describe('JSON export', () => {
  it('carries url, id and the frontmatter fields, without the importer hash', () => {
    const d = { ...records[0]!, data: { ...records[0]!.data, importHash: 'a'.repeat(64) } };
    const j = directiveJson(d, '/van-ban/x/');
    expect(j).toMatchObject({
      url: '/van-ban/x/',
      id: d.id,
      number: d.data.number,
      docType: d.data.docType,
      date: d.data.date,
      issuer: d.data.issuer,
      province: d.data.province,
      title: d.data.title,
    });
    expect(j).not.toHaveProperty('importHash');
  });
});

describe('URLs under a base', () => {
  it('work at the root and under a sub-path', () => {
    expect(withBase('/', paths.directive('a/b'))).toBe('/van-ban/a/b/');
    expect(withBase('/kho', paths.province('vinh-phuc'))).toBe('/kho/tinh/vinh-phuc/');
    expect(withBase('/kho/', paths.raw('content/raw/x/y.txt'))).toBe('/kho/raw/x/y.txt');
    expect(absoluteUrl('https://example.org', '/kho/', paths.directive('a'))).toBe(
      'https://example.org/kho/van-ban/a/',
    );
  });
});

describe('provenance', () => {
  it('lists raw files and refuses paths that leave content/raw', () => {
    expect(listRawFiles(FIXTURES)).toContain('vp-907.txt');
    expect(rawFilePath('content/raw/vp-907.txt', FIXTURES)).toBe(resolve(FIXTURES, 'raw/vp-907.txt'));
    expect(() => rawFilePath('content/raw/../../etc/passwd', FIXTURES)).toThrow(/escapes/);
  });
});
