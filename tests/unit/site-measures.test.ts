/**
 * The measures library for the site (src/lib/site/measures.ts): long-form rows, the CSV/JSON
 * exports, the index counts, the province × month grid and its SVG geometry, and the anchors that
 * link a measure to its sentence. On the archive's own seeds and on records written for the test.
 */
import { describe, expect, it } from 'vitest';
import { loadDirectives } from '../../src/lib/site/load.ts';
import type { DirectiveRecord } from '../../src/lib/site/archive.ts';
import type { DirectiveMeasure } from '../../src/lib/directive-schema.ts';
import {
  measureRows,
  measuresCsv,
  measuresJson,
  csvCell,
  MEASURE_COLUMNS,
  measureIndex,
  measureGrid,
  provinceMeasureGrid,
  gridGeometry,
  markEvidence,
  textFragment,
  cellText,
} from '../../src/lib/site/measures.ts';
import { MEASURES } from '../../src/lib/measures.ts';
import { parseCsv } from '../helpers/csv.ts';

const seeds = loadDirectives('content');
const template = seeds[0]!;

function record(
  id: string,
  province: string,
  date: string,
  measures: Array<Partial<DirectiveMeasure> & Pick<DirectiveMeasure, 'code' | 'action'>>,
): DirectiveRecord {
  return {
    id,
    data: {
      ...template.data,
      province,
      date,
      number: `${id.length}/CV-UBND`,
      docType: 'Công văn',
      measures: measures.map((m) => ({
        evidence: `Câu của ${id} về ${m.code}.`,
        scope: null,
        from: null,
        to: null,
        ...m,
      })),
    },
  };
}

const urlOf = (d: DirectiveRecord): string => `/van-ban/${d.id}/`;

describe('long-form rows', () => {
  it('has one row per directive and measure of the seeds, with the directive’s province, date and URL', () => {
    const rows = measureRows(seeds, urlOf);
    expect(rows.length).toBe(seeds.reduce((n, d) => n + d.data.measures.length, 0));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const d = seeds.find((x) => x.id === r.directiveId)!;
      expect(r.province).toBe(d.data.province);
      expect(r.date).toBe(d.data.date);
      expect(r.directiveUrl).toBe(`/van-ban/${d.id}/`);
      expect(d.data.measures.some((m) => m.code === r.code && m.action === r.action && m.evidence === r.evidence)).toBe(
        true,
      );
    }
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
  });
});

describe('CSV export', () => {
  const hostile = record('x/hostile', 'Cần Thơ', '2021-07-20', [
    { code: 'gatherings', action: 'impose', evidence: '=HYPERLINK("http://x.example","bấm")' },
    { code: 'masks-5k', action: 'impose', evidence: '+84 912 345 678, gọi ngay' },
    { code: 'testing', action: 'impose', evidence: '-1 là "âm tính"\nxuống dòng' },
    { code: 'movement', action: 'impose', evidence: '@chốt kiểm soát' },
    { code: 'schools', action: 'lift', evidence: '\tHọc sinh đi học trở lại.' },
  ]);
  const csv = measuresCsv(measureRows([...seeds, hostile], urlOf));

  it('starts with a UTF-8 BOM and a header row, lines end in CRLF', () => {
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(MEASURE_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips every row, Vietnamese text and quotes included', () => {
    const rows = parseCsv(csv.slice(1));
    const want = measureRows([...seeds, hostile], urlOf);
    expect(rows).toHaveLength(want.length + 1);
    const ev = MEASURE_COLUMNS.indexOf('evidence');
    for (const [i, w] of want.entries()) {
      const got = rows[i + 1]!;
      expect(got[MEASURE_COLUMNS.indexOf('province')]).toBe(w.province);
      expect(got[MEASURE_COLUMNS.indexOf('code')]).toBe(w.code);
      expect(got[ev]!.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(w.evidence);
    }
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const rows = parseCsv(csv.slice(1));
    const ev = rows.map((r) => r[MEASURE_COLUMNS.indexOf('evidence')]!);
    expect(ev).toContain(`'=HYPERLINK("http://x.example","bấm")`);
    expect(ev).toContain(`'+84 912 345 678, gọi ngay`);
    expect(ev).toContain(`'-1 là "âm tính"\nxuống dòng`);
    expect(ev).toContain(`'@chốt kiểm soát`);
    expect(ev).toContain(`'\tHọc sinh đi học trở lại.`);
    expect(ev.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
    expect(csvCell('2021-07-20')).toBe('2021-07-20');
  });
});

describe('JSON export', () => {
  it('lists the codes with labels and the same rows as the CSV', () => {
    const rows = measureRows(seeds, urlOf);
    const j = measuresJson(rows);
    expect(j.measures.map((m) => m.code)).toEqual(MEASURES.map((m) => m.code));
    expect(j.rows).toEqual(rows);
    expect(j.actions).toEqual({ impose: 'áp dụng', lift: 'nới lỏng, dỡ bỏ' });
  });
});

describe('index of measures', () => {
  it('counts directives, provinces, impose and lift per code, every code listed', () => {
    const recs = [
      record('a/1', 'Bắc Giang', '2021-05-17', [{ code: 'distancing-ct15', action: 'impose' }]),
      record('a/2', 'Bắc Giang', '2021-06-10', [{ code: 'distancing-ct15', action: 'lift' }]),
      record('b/1', 'Bắc Ninh', '2021-05-12', [
        { code: 'distancing-ct15', action: 'impose' },
        { code: 'masks-5k', action: 'impose' },
      ]),
    ];
    const idx = measureIndex(recs);
    expect(idx).toHaveLength(MEASURES.length);
    expect(idx.find((m) => m.code === 'distancing-ct15')).toMatchObject({
      directives: 3,
      provinces: 2,
      impose: 2,
      lift: 1,
    });
    expect(idx.find((m) => m.code === 'masks-5k')).toMatchObject({ directives: 1, provinces: 1, impose: 1, lift: 0 });
    expect(idx.find((m) => m.code === 'support')).toMatchObject({ directives: 0, provinces: 0 });
  });
});

describe('province × month grid', () => {
  const recs = [
    record('dn/1', 'Đà Nẵng', '2021-07-30', [{ code: 'distancing-ct16', action: 'impose', from: '2021-07-31' }]),
    record('dn/2', 'Đà Nẵng', '2021-09-15', [{ code: 'distancing-ct16', action: 'lift' }]),
    record('dn/3', 'Đà Nẵng', '2021-09-28', [{ code: 'distancing-ct16', action: 'impose' }]),
    record('ct/1', 'Cần Thơ', '2021-07-18', [
      { code: 'distancing-ct16', action: 'impose', from: '2021-07-19', scope: 'toàn thành phố' },
    ]),
    record('gl/1', 'Gia Lai', '2021-07-20', [{ code: 'masks-5k', action: 'impose' }]),
  ];
  const grid = measureGrid(recs, 'distancing-ct16', (slug) => `/tinh/${slug}/`);

  it('lists only the provinces that ordered the measure, in Vietnamese alphabetical order', () => {
    expect(grid.rows.map((r) => r.label)).toEqual(['Cần Thơ', 'Đà Nẵng']);
    expect(grid.rows[0]!.href).toBe('/tinh/can-tho/');
  });

  it('runs month by month from the first to the last, with no gap', () => {
    expect(grid.months).toEqual(['2021-07', '2021-08', '2021-09']);
  });

  it('puts a measure in the month it takes effect, and marks a month with both actions', () => {
    const dn = grid.rows.find((r) => r.label === 'Đà Nẵng')!;
    expect(dn.cells.map((c) => [c.month, c.state])).toEqual([
      ['2021-07', 'impose'],
      ['2021-09', 'both'],
    ]);
    expect(dn.cells[1]!.entries.map((e) => [e.id, e.action])).toEqual(
      [
        ['dn/2', 'lift'],
        ['dn/3', 'impose'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(cellText(grid.rows[0]!.cells[0]!)).toContain('áp dụng: Công văn số');
    expect(cellText(grid.rows[0]!.cells[0]!)).toContain('toàn thành phố');
    const anchors = grid.rows.flatMap((r) => r.cells.map((c) => c.anchor));
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('is empty for a measure nobody ordered', () => {
    expect(measureGrid(recs, 'support', () => '')).toEqual({ months: [], rows: [] });
  });

  it('gives a province its measures in the order of the code list', () => {
    const g = provinceMeasureGrid(
      [
        record('x/1', 'Huế', '2021-08-01', [
          { code: 'masks-5k', action: 'impose' },
          { code: 'distancing-ct15', action: 'impose' },
        ]),
      ],
      (c) => `/bien-phap/${c}/`,
    );
    expect(g.rows.map((r) => r.key)).toEqual(['distancing-ct15', 'masks-5k']);
    expect(g.rows[0]!.href).toBe('/bien-phap/distancing-ct15/');
  });

  it('draws every cell inside the picture, one per column and row, the label column fitting the longest name', () => {
    const g = gridGeometry(grid);
    for (const c of g.cells) {
      expect(c.x).toBeGreaterThanOrEqual(g.labelWidth);
      expect(c.x + c.size).toBeLessThanOrEqual(g.width);
      expect(c.y + c.size).toBeLessThanOrEqual(g.height);
    }
    expect(new Set(g.cells.map((c) => `${c.x},${c.y}`)).size).toBe(g.cells.length);
    expect(g.columns.filter((c) => c.year).map((c) => c.year)).toEqual(['2021']);
    expect(g.labelWidth).toBeGreaterThan('Đà Nẵng'.length * 6);
  });
});

describe('links from a measure to its sentence', () => {
  const m = (code: DirectiveMeasure['code'], evidence: string): DirectiveMeasure => ({
    code,
    action: 'impose',
    evidence,
    scope: null,
    from: null,
    to: null,
  });

  it('gives the sentence an id inside the text, escaped characters and all', () => {
    const html =
      '<p id="muc-1" class="section">1. Dừng hoạt động karaoke &amp; quán bar từ 0 giờ. Các chợ &lt;truyền ' +
      'thống&gt; vẫn mở.</p>';
    const out = markEvidence(html, [
      m('business-closure', 'Dừng hoạt động karaoke & quán bar từ 0 giờ.'),
      m('gatherings', 'Không có trong văn bản.'),
    ]);
    expect(out.html).toBe(
      '<p id="muc-1" class="section">1. <span class="measure-evidence" id="cau-business-closure">Dừng hoạt động ' +
        'karaoke &amp; quán bar từ 0 giờ.</span> Các chợ &lt;truyền thống&gt; vẫn mở.</p>',
    );
    expect(out.anchors.get('business-closure')).toBe('cau-business-closure');
    expect(out.anchors.get('gatherings')).toBeNull();
  });

  it('gives two measures of one sentence the same id, and never matches inside a tag', () => {
    const html = '<p title="Đeo khẩu trang.">Xem.</p><p>Đeo khẩu trang, khai báo y tế.</p>';
    const out = markEvidence(html, [
      m('masks-5k', 'Đeo khẩu trang, khai báo y tế.'),
      m('health-declaration', 'Đeo khẩu trang, khai báo y tế.'),
    ]);
    expect(out.html.match(/measure-evidence/g)).toHaveLength(1);
    expect(out.html.startsWith('<p title="Đeo khẩu trang.">')).toBe(true);
    expect(out.anchors.get('health-declaration')).toBe('cau-masks-5k');
    expect(
      markEvidence('<p title="Đeo khẩu trang.">x</p>', [m('masks-5k', 'Đeo khẩu trang.')]).anchors.get('masks-5k'),
    ).toBeNull();
  });

  it('falls back to a text fragment with commas and dashes encoded', () => {
    expect(textFragment('Đeo khẩu trang, 5K.')).toBe(
      `#:~:text=${encodeURIComponent('Đeo khẩu trang').replace(/-/g, '%2D')}%2C%205K.`,
    );
    const lastFour = 'sáu bảy tám chín mười'.split(' ').slice(-4).join(' ');
    expect(textFragment('một hai ba bốn năm sáu bảy tám chín mười')).toBe(
      `#:~:text=${encodeURIComponent('một hai ba bốn')},${encodeURIComponent(lastFour)}`,
    );
  });
});
