/**
 * The search catalogue (filters, counts and date order beside the Pagefind index): what the
 * build writes is what the browser reads back, row for row, for the real content and for
 * archives with more distinct values than one character can hold.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { buildCatalogue, Catalogue, type CatalogueRow } from '../../src/lib/search/catalogue.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { FILTER_KEYS } from '../../src/lib/search/record.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const roundTrip = (rows: CatalogueRow[]): Catalogue => new Catalogue(JSON.parse(JSON.stringify(buildCatalogue(rows))));

describe('search catalogue', () => {
  it('gives back every directive of the repository with its province, type, issuer, year and date', async () => {
    const records = await readSearchRecords(join(ROOT, 'content/directives'), (id) => `/van-ban/${id}/`);
    const c = roundTrip(records.map((r) => r.meta));
    expect(c.size).toBe(records.length);
    records.forEach((r, row) => {
      expect(c.value('province', row)).toBe(r.meta.province);
      expect(c.value('docType', row)).toBe(r.meta.docType);
      expect(c.value('issuer', row)).toBe(r.meta.issuer);
      expect(c.value('year', row)).toBe(r.meta.date.slice(0, 4));
      expect(c.date(row)).toBe(r.meta.date);
    });
  });

  it('holds thousands of distinct values (two characters per row) without mixing rows up', () => {
    const rows: CatalogueRow[] = Array.from({ length: 5000 }, (_, i) => ({
      province: `Tỉnh ${i % 63}`,
      docType: i % 2 ? 'Công văn' : 'Chỉ thị',
      issuer: `Cơ quan ${i}`,
      date: `202${i % 3}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    const c = roundTrip(rows);
    for (const row of [0, 1, 63, 64, 4095, 4096, 4999]) {
      expect(c.value('issuer', row)).toBe(rows[row]!.issuer);
      expect(c.value('province', row)).toBe(rows[row]!.province);
      expect(c.date(row)).toBe(rows[row]!.date);
    }
  });

  it('orders by date with month-only dates before the days of that month, ties in index order', () => {
    const row = (date: string): CatalogueRow => ({ province: 'Hà Nội', docType: 'Công văn', issuer: 'UBND', date });
    const c = roundTrip([row('2021-11-08'), row('2021-11'), row('2020-03-01'), row('2021-11-08'), row('2022-01')]);
    expect(c.byDate(c.all(), 'asc')).toEqual([2, 1, 0, 3, 4]);
    expect(c.byDate(c.all(), 'desc')).toEqual([4, 0, 3, 1, 2]);
  });

  it('counts each filter with that filter lifted and the others kept', () => {
    const c = roundTrip([
      { province: 'Thanh Hóa', docType: 'Công văn', issuer: 'A', date: '2021-11-08' },
      { province: 'Thanh Hóa', docType: 'Kế hoạch', issuer: 'A', date: '2021-11-30' },
      { province: 'Vĩnh Phúc', docType: 'Công văn', issuer: 'B', date: '2021-11-08' },
      { province: 'Hà Nội', docType: 'Điện', issuer: 'C', date: '2022-01' },
    ]);
    const counts = c.counts(c.all(), { province: ['Thanh Hóa'], docType: ['Công văn'] });
    expect(counts.province).toEqual({ 'Thanh Hóa': 1, 'Vĩnh Phúc': 1 });
    expect(counts.docType).toEqual({ 'Công văn': 1, 'Kế hoạch': 1 });
    expect(counts.year).toEqual({ '2021': 1 });
    expect(Object.keys(counts).sort()).toEqual([...FILTER_KEYS].sort());
    // a value no directive has (an old shared link) matches nothing, and lifts nothing else
    expect(c.all().filter(c.matcher({ province: ['Atlantis'] }))).toEqual([]);
    expect(c.counts(c.all(), { province: ['Atlantis'] }).province).toEqual({
      'Thanh Hóa': 2,
      'Vĩnh Phúc': 1,
      'Hà Nội': 1,
    });
  });

  it('refuses a damaged or foreign file with a message, not wrong rows', () => {
    const file = buildCatalogue([{ province: 'Hà Nội', docType: 'Điện', issuer: 'C', date: '2022-01' }]);
    expect(() => new Catalogue({ ...file, version: 99 } as never)).toThrow(/unknown format/);
    expect(() => new Catalogue({ ...file, documents: 2 })).toThrow(/column province holds 1 rows, expected 2/);
    expect(() => new Catalogue({ ...file, columns: { ...file.columns, docType: { width: 1, data: 'Z' } } })).toThrow(
      /points past its values/,
    );
  });
});
