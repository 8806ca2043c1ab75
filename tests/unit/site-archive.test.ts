/**
 * The archive's structure on the fixture corpus (tests/fixtures/site-content), whose
 * directives cite each other by number the way real ones do: references, cited-by,
 * previous/next within a province, national documents, grouping, the 2025 label.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { buildArchive, nationalIssuer, type DirectiveRecord } from '../../src/lib/site/archive.ts';
import { groupByYearMonth, provincesByRegion, typesPresent, latest } from '../../src/lib/site/grouping.ts';
import { provinceLabel, issuerWithPlace, citationText, docLabel } from '../../src/lib/site/text.ts';
import { timelineGeometry, DEFAULT_TIMELINE } from '../../src/lib/site/timeline-svg.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/site-content');
const records = loadDirectives(FIXTURES);
const archive = buildArchive(records);
const byNumber = (n: string, province: string): DirectiveRecord =>
  records.find((r) => r.data.number === n && r.data.province === province)!;

describe('the fixture corpus', () => {
  it('loads every MDX file, validated, with ids from their paths', () => {
    expect(records.length).toBe(9);
    expect(archive.byId.has('vinh-phuc/2021-11-08-cong-van-907-cv-tu')).toBe(true);
  });
});

describe('references', () => {
  const vp907 = byNumber('907-CV/TU', 'Vĩnh Phúc');
  const vp12 = byNumber('12-CT/TU', 'Vĩnh Phúc');

  it('link a cited number to the directive of the same province that holds it', () => {
    const refs = archive.references(vp907.id);
    const toVp12 = refs.find((r) => r.ref.number === '12-CT/TU')!;
    expect(toVp12.target?.id).toBe(vp12.id);
  });

  it('match a number however it is typed ("907 CV TU" ~ "907-CV/TU")', () => {
    const later = records.find((r) => r.data.province === 'Vĩnh Phúc' && r.data.date === '2022-01')!;
    const refs = archive.references(later.id);
    expect(refs).toHaveLength(1);
    expect(refs[0]!.target?.id).toBe(vp907.id);
  });

  it('never link a provincial number to another province that reuses it', () => {
    const th = byNumber('469-CV/TU', 'Thanh Hóa');
    const ref = archive.references(th.id).find((r) => r.ref.number === '12-CT/TU')!;
    expect(ref.target).toBeNull();
    expect(ref.national).toBeNull();
  });

  it('never link across years: provincial serial numbers restart every January', () => {
    const fake: DirectiveRecord = {
      id: 'vinh-phuc/2022-03-01-x',
      data: {
        ...vp907.data,
        date: '2022-03-01',
        number: '1-CV/TU',
        references: [{ number: '12-CT/TU', docType: 'Chỉ thị', date: '2022-02-01' }],
      },
    };
    const dated = buildArchive([vp12, fake]).references(fake.id)[0]!;
    expect(dated.target).toBeNull();
    expect(dated.status).toBe('date-mismatch');
    const undated: DirectiveRecord = {
      ...fake,
      data: { ...fake.data, references: [{ ...fake.data.references[0]!, date: null }] },
    };
    expect(buildArchive([vp12, undated]).references(fake.id)[0]!.target?.id).toBe(vp12.id);
  });

  it('leave a cited provincial document the archive lacks unlinked', () => {
    const nt = records.find((r) => r.data.province === 'Ninh Thuận')!;
    const ref = archive.references(nt.id).find((r) => r.ref.number === '323-TB/TU')!;
    expect(ref.target).toBeNull();
    expect(ref.national).toBeNull();
  });
});

describe('cited by', () => {
  it('lists the directives that cite one, and only those', () => {
    const vp907 = byNumber('907-CV/TU', 'Vĩnh Phúc');
    expect(archive.citedBy(vp907.id).map((d) => d.data.date)).toEqual(['2022-01']);
    const hn17 = byNumber('17/CT-UBND', 'Hà Nội');
    expect(archive.citedBy(hn17.id).map((d) => d.data.docType)).toEqual(['Điện']);
    const th = byNumber('469-CV/TU', 'Thanh Hóa');
    expect(archive.citedBy(th.id)).toEqual([]);
  });
});

describe('national documents', () => {
  it('recognise central numbers by their issuer code', () => {
    expect(nationalIssuer('16/CT-TTg')).toBe('Thủ tướng Chính phủ');
    expect(nationalIssuer('128/NQ-CP')).toBe('Chính phủ');
    expect(nationalIssuer('15-CT/TW')).toBe('Trung ương Đảng');
    expect(nationalIssuer('12-CT/TU')).toBeNull();
    expect(nationalIssuer('17/CT-UBND')).toBeNull();
    expect(nationalIssuer('58/BVHTTDL-VHCS')).toBe('Bộ Văn hóa, Thể thao và Du lịch');
  });

  it('collect every directive citing one, most-cited first', () => {
    const nq128 = archive.national.find((n) => n.slug === '128-nq-cp')!;
    expect(nq128.citedBy.map((d) => d.data.province).sort()).toEqual([
      'Hà Nội',
      'Ninh Thuận',
      'Thanh Hóa',
      'Vĩnh Phúc',
    ]);
    expect(archive.national[0]!.slug).toBe('128-nq-cp');
    const ct16 = archive.national.find((n) => n.slug === '16-ct-ttg')!;
    expect(new Set(ct16.citedBy.map((d) => d.data.province))).toEqual(new Set(['Hà Nội', 'Thành phố Hồ Chí Minh']));
    expect(ct16.docType).toBe('Chỉ thị');
  });
});

describe('previous / next', () => {
  it('walk a province in date order, a month-only date after earlier days', () => {
    const vp = archive.byProvince.get('Vĩnh Phúc')!.map((d) => d.data.date);
    expect(vp).toEqual(['2021-05-10', '2021-11-08', '2022-01']);
    const [first, mid, last] = archive.byProvince.get('Vĩnh Phúc')!;
    expect(archive.previous(first!.id)).toBeNull();
    expect(archive.next(first!.id)?.id).toBe(mid!.id);
    expect(archive.previous(last!.id)?.id).toBe(mid!.id);
    expect(archive.next(last!.id)).toBeNull();
  });
  it('stay inside the province', () => {
    const hcm = archive.byProvince.get('Thành phố Hồ Chí Minh')!;
    expect(hcm).toHaveLength(1);
    expect(archive.previous(hcm[0]!.id)).toBeNull();
    expect(archive.next(hcm[0]!.id)).toBeNull();
  });
});

describe('grouping', () => {
  it('groups a province by year then month, chronologically', () => {
    const years = groupByYearMonth(archive.byProvince.get('Vĩnh Phúc')!);
    expect(years.map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([
      [2021, [5, 11]],
      [2022, [1]],
    ]);
  });
  it('lists all 63 provinces by region, with zero counts for those without directives', () => {
    const regions = provincesByRegion(archive.byProvince);
    const all = regions.flatMap((r) => r.provinces);
    expect(all).toHaveLength(63);
    expect(all.find((p) => p.province.name === 'Vĩnh Phúc')!.count).toBe(3);
    expect(all.find((p) => p.province.name === 'Cà Mau')!.count).toBe(0);
    expect(regions.reduce((s, r) => s + r.total, 0)).toBe(records.length);
  });
  it('lists the types present, each with a URL slug', () => {
    expect(typesPresent(archive.byProvince.get('Vĩnh Phúc')!)).toEqual([
      { docType: 'Công văn', slug: 'cong-van', count: 2 },
      { docType: 'Chỉ thị', slug: 'chi-thi', count: 1 },
    ]);
  });
  it('latest puts the newest first', () => {
    expect(latest(records, 2).map((d) => d.data.date)).toEqual(['2022-01', '2022-01']);
    expect(latest(records, 20).at(-1)!.data.date).toBe('2021-05-10');
  });
});

describe('labels and citation', () => {
  it('labels a province merged in 2025 with what it belongs to now', () => {
    expect(provinceLabel('Vĩnh Phúc')).toBe('Vĩnh Phúc — nay thuộc tỉnh Phú Thọ');
    expect(provinceLabel('Hà Nội')).toBe('Hà Nội');
  });
  it('names the issuer with its place, without doubling "thành phố"', () => {
    expect(issuerWithPlace('Thường trực Tỉnh ủy', 'Vĩnh Phúc')).toBe('Thường trực Tỉnh ủy Vĩnh Phúc');
    expect(issuerWithPlace('Chủ tịch UBND thành phố', 'Thành phố Hồ Chí Minh')).toBe(
      'Chủ tịch UBND Thành phố Hồ Chí Minh',
    );
  });
  it('builds a citation with issuer, number, date, title and permalink', () => {
    const vp907 = byNumber('907-CV/TU', 'Vĩnh Phúc');
    const c = citationText(vp907.data, 'https://example.org/van-ban/x/');
    expect(c).toContain('Thường trực Tỉnh ủy Vĩnh Phúc.');
    expect(c).toContain('Công văn số 907-CV/TU, ngày 08/11/2021');
    expect(c).toContain(`“${vp907.data.title}”`);
    expect(c.endsWith('https://example.org/van-ban/x/')).toBe(true);
    const noNumber = records.find((r) => r.data.docType === 'Điện')!;
    expect(docLabel(noNumber.data)).toBe('Điện');
    expect(citationText(noNumber.data, 'p')).toContain('Điện, tháng 1/2022');
  });
});

describe('national timeline geometry', () => {
  const g = timelineGeometry(records);
  it('has one lane per province with directives, one mark per directive', () => {
    expect(g.lanes.map((l) => l.province)).toHaveLength(new Set(records.map((r) => r.data.province)).size);
    expect(g.lanes.flatMap((l) => l.marks)).toHaveLength(records.length);
  });
  it('puts later directives further right on one shared axis, inside the drawing', () => {
    const marks = g.lanes.flatMap((l) => l.marks);
    const x = (id: string) => marks.find((m) => m.id === id)!.x;
    const vp = archive.byProvince.get('Vĩnh Phúc')!;
    expect(x(vp[0]!.id)).toBeLessThan(x(vp[1]!.id));
    expect(x(vp[1]!.id)).toBeLessThan(x(vp[2]!.id));
    for (const m of marks) {
      expect(m.x).toBeGreaterThan(0);
      expect(m.x).toBeLessThan(g.width);
    }
    expect(g.from).toBe('2021-05');
    expect(g.to).toBe('2022-01');
    // May 2021 .. January 2022 is nine months.
    expect(g.width).toBe(DEFAULT_TIMELINE.padding * 2 + 9 * DEFAULT_TIMELINE.monthWidth);
  });
  it('gives every mark an accessible name with province, document and date', () => {
    const m = g.lanes.flatMap((l) => l.marks).find((k) => k.id.includes('907'))!;
    expect(m.label).toBe(
      `Vĩnh Phúc, Công văn số 907-CV/TU, 08/11/2021: ${byNumber('907-CV/TU', 'Vĩnh Phúc').data.title}`,
    );
    expect(g.lanes.flatMap((l) => l.marks).filter((k) => k.monthOnly)).toHaveLength(
      records.filter((r) => r.data.date.length === 7).length,
    );
  });
  it('keeps same-day directives of one province apart, so every mark stays clickable', () => {
    const base = records.find((r) => r.data.date === '2021-11-08')!;
    const twins = [0, 1, 2].map((i) => ({ ...base, id: `${base.id}-${i}` }));
    const lane = timelineGeometry(twins).lanes[0]!;
    const positions = new Set(lane.marks.map((m) => `${m.x},${m.y}`));
    expect(positions.size).toBe(3);
    for (const m of lane.marks) expect(Math.abs(m.y - lane.y)).toBeLessThan(DEFAULT_TIMELINE.laneHeight / 2 - 6);
  });

  it('is empty, not broken, for an empty archive', () => {
    expect(timelineGeometry([]).lanes).toEqual([]);
  });
});
