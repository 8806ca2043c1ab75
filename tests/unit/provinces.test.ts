import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PROVINCES, REGIONS, findProvince, successorLabel, provinceBySlug } from '../../src/lib/provinces.ts';

// A copy of the reference list the project was built against (tests/fixtures/reference/README).
const csv = readFileSync(new URL('../fixtures/reference/provinces-2021.csv', import.meta.url), 'utf8');
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name, kind, partyCommittee, capital, successor] = line.split(',');
    return { code, name, kind, partyCommittee, capital, successor };
  });

describe('province registry', () => {
  it('agrees with the reference list row by row', () => {
    expect(rows).toHaveLength(63);
    expect(PROVINCES).toHaveLength(63);
    for (const row of rows) {
      const p = PROVINCES.find((x) => x.code === row.code);
      expect(p, row.code).toBeDefined();
      expect(p!.name).toBe(row.name);
      expect(p!.kind).toBe(row.kind === 'tỉnh' ? 'province' : 'city');
      expect(p!.partyCommittee).toBe(row.partyCommittee);
      expect(p!.capital ?? '').toBe(row.capital);
      expect(p!.successor2025).toBe(row.successor);
    }
  });
  it('has unique slugs and codes, every province in a known region', () => {
    expect(new Set(PROVINCES.map((p) => p.slug)).size).toBe(63);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(63);
    for (const p of PROVINCES) expect(REGIONS).toContain(p.region);
    expect(provinceBySlug('thanh-hoa')?.name).toBe('Thanh Hóa');
  });
  it('finds provinces by the spellings met in real texts', () => {
    const cases: Array<[string, string]> = [
      ['Thanh Hoá', 'Thanh Hóa'],
      ['thanh hoa', 'Thanh Hóa'],
      ['Hoà Bình', 'Hòa Bình'],
      ['TP.HCM', 'Thành phố Hồ Chí Minh'],
      ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
      ['Sài Gòn', 'Thành phố Hồ Chí Minh'],
      ['BR-VT', 'Bà Rịa - Vũng Tàu'],
      ['Huế', 'Thừa Thiên Huế'],
      ['Đắc Lắc', 'Đắk Lắk'],
      ['Đắc Nông', 'Đắk Nông'],
      ['Kontum', 'Kon Tum'],
      ['tỉnh Vĩnh Phúc', 'Vĩnh Phúc'],
      ['Khánh Hoà'.normalize('NFD'), 'Khánh Hòa'],
      ['DIEN BIEN', 'Điện Biên'],
    ];
    for (const [input, name] of cases) expect(findProvince(input)?.name, input).toBe(name);
    expect(findProvince('Phan Rang')).toBeUndefined();
  });
  it('labels provinces merged in 2025 with what they belong to now', () => {
    expect(successorLabel(findProvince('Vĩnh Phúc')!)).toBe('nay thuộc tỉnh Phú Thọ');
    expect(successorLabel(findProvince('Bình Dương')!)).toBe('nay thuộc Thành phố Hồ Chí Minh');
    expect(successorLabel(findProvince('Hải Dương')!)).toBe('nay thuộc thành phố Hải Phòng');
    expect(successorLabel(findProvince('Thừa Thiên Huế')!)).toBe('nay là thành phố Huế');
    expect(successorLabel(findProvince('Thanh Hóa')!)).toBeNull();
  });
});
