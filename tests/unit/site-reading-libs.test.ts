/**
 * The reader-facing libraries behind the directive, hub, province and raw pages: review reasons
 * in Vietnamese, the provinces' response times to a national document, the 2025 mergers, the
 * decoded raw source (a TCVN3 file a browser cannot show), and the text as data.
 */
import { describe, expect, it } from 'vitest';

import { resolve } from 'node:path';
import { pageConfidence, reasonInVietnamese } from '../../src/lib/site/review-reasons.ts';
import { daysBetween, medianDays, provinceResponses, responseLabel } from '../../src/lib/site/national-response.ts';
import { absorbedProvinces, successorProvince, province2025 } from '../../src/lib/site/provinces-2025.ts';
import { rawContentType, readRawBytes, rawPageName } from '../../src/lib/site/raw-source.ts';
import { textBlocks, plainText } from '../../src/lib/site/plain-text.ts';
import { toJsonLines } from '../../src/lib/site/open-data.ts';
import { nationalDocumentFact, NATIONAL_DOCUMENTS } from '../../src/lib/national-documents.ts';
import { webUrlOfRemote } from '../../src/lib/site/repository.ts';
import { buildArchive } from '../../src/lib/site/archive.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { provinceByName } from '../../src/lib/provinces.ts';
import { encodeTcvn3 } from '../../src/lib/import/legacy-encodings.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('review reasons in Vietnamese', () => {
  it('says each reason the importer writes in Vietnamese, keeping the quoted values', () => {
    const cases: Array<[string, RegExp]> = [
      ['no issue date in the text; month of the publication date', /tháng báo đăng tin, không phải ngày ban hành/],
      [
        'the text gives "15/9" without a year; year taken from the publication date',
        /“15\/9” không kèm năm; năm suy ra từ ngày đăng tin/,
      ],
      ['the text gives "15/9" without a year; year taken from the same date written in full', /năm lấy từ chỗ khác/],
      [
        'no issue date; month of the latest date the text reports (15/1/2022)',
        /mốc thời gian muộn nhất văn bản nêu \(15\/1\/2022\)/,
      ],
      [
        'the date of the meeting or event the text opens with; the document may be dated a little later',
        /cuộc họp hoặc sự kiện/,
      ],
      ["two numbers could be this document's own: 12-CT/TU, 15-CT/TU", /12-CT\/TU, 15-CT\/TU/],
      ['inferred from the place "Vĩnh Yên"', /địa danh “Vĩnh Yên”/],
      ['from the portal address vinhphuc.gov.vn', /vinhphuc\.gov\.vn/],
      ['low confidence', /chưa chắc chắn/],
    ];
    for (const [en, vi] of cases) {
      const r = reasonInVietnamese(en);
      expect(r.text, en).toMatch(vi);
      expect(r.original, en).toBeNull();
      expect(r.text).not.toMatch(/\b(the|date|text|from)\b/);
    }
  });

  it('never hides a reason it does not know: a Vietnamese lead and the original words', () => {
    const r = reasonInVietnamese('a brand new reason');
    expect(r.text).toMatch(/cần người đối chiếu/);
    expect(r.original).toBe('a brand new reason');
  });

  it('gives the status and a note beside the date of a seed whose date came from the news report', () => {
    const records = loadDirectives(resolve(ROOT, 'content'));
    const flagged = records.find((d) => d.data.review.some((r) => r.field === 'date'))!;
    const c = pageConfidence(flagged.data);
    expect(c.status).toBe(flagged.data.reviewed ? 'Đã kiểm tra' : 'Chưa kiểm tra');
    expect(c.byField.get('date')?.[0]?.text).toBeTruthy();
    expect(
      pageConfidence({ reviewed: false, review: [], dateSource: 'publication' }).byField.get('date')?.[0]?.text,
    ).toMatch(/không ghi ngày; đây là ngày báo đăng tin/);
    expect(pageConfidence({ reviewed: true, review: [], dateSource: 'document' }).status).toBe('Đã kiểm tra');
  });
});

describe('national documents and response times', () => {
  it('holds the official dates of the main national documents, found by number typed any way', () => {
    expect(nationalDocumentFact('16/CT-TTg')?.date).toBe('2020-03-31');
    expect(nationalDocumentFact('16-CT/TTG')?.date).toBe('2020-03-31');
    expect(nationalDocumentFact('15/CT-TTg')?.date).toBe('2020-03-27');
    expect(nationalDocumentFact('19/CT-TTg')?.date).toBe('2020-04-24');
    expect(nationalDocumentFact('128/NQ-CP')?.date).toBe('2021-10-11');
    expect(new Set(NATIONAL_DOCUMENTS.map((d) => d.number)).size).toBe(NATIONAL_DOCUMENTS.length);
  });

  it('counts days from the national document, a month-only date as a range', () => {
    expect(daysBetween('2020-03-31', '2020-04-03')).toEqual([3, 3]);
    expect(daysBetween('2021-10-11', '2021-11')).toEqual([21, 50]);
    expect(responseLabel({ minDays: 3, maxDays: 3 })).toBe('3 ngày sau');
    expect(responseLabel({ minDays: 0, maxDays: 0 })).toBe('cùng ngày');
    expect(responseLabel({ minDays: 21, maxDays: 50 })).toBe('21–50 ngày sau');
  });

  it('lists each province once, with its first citing directive, fastest first', () => {
    const mk = (id: string, province: string, date: string) => ({
      id,
      data: {
        ...loadDirectives(resolve(ROOT, 'content'))[0]!.data,
        province,
        date,
        number: `${id}-CV/TU`,
        dateSource: 'document' as const,
        references: [{ number: '16/CT-TTg', docType: 'Chỉ thị', date: null }],
      },
    });
    const archive = buildArchive([
      mk('a', 'Hà Nội', '2020-04-10'),
      mk('b', 'Hà Nội', '2020-04-01'),
      mk('c', 'Điện Biên', '2020-04-02'),
      mk('d', 'Thanh Hóa', '2020-04'),
    ]);
    const n = archive.national.find((x) => x.slug === '16-ct-ttg')!;
    const rows = provinceResponses(n, nationalDocumentFact(n.number)!.date);
    expect(rows.map((r) => [r.province, r.first.id, r.minDays, r.count])).toEqual([
      ['Thanh Hóa', 'd', 1, 1],
      ['Hà Nội', 'b', 1, 2],
      ['Điện Biên', 'c', 2, 1],
    ]);
    expect(rows[0]!.uncertain).toBe(true);
    // the month-only date is left out of the median: days 1 and 2 -> 2 (rounded half up)
    expect(medianDays(rows)).toEqual({ median: 2, count: 2 });
  });
});

describe('the 2025 reorganisation on province pages', () => {
  it('lists the provinces a 2025 province absorbed, and where a merged one went', () => {
    expect(absorbedProvinces(provinceByName('Phú Thọ')).map((p) => p.name)).toEqual(['Hòa Bình', 'Vĩnh Phúc']);
    expect(absorbedProvinces(provinceByName('Vĩnh Phúc'))).toEqual([]);
    expect(successorProvince(provinceByName('Vĩnh Phúc'))?.name).toBe('Phú Thọ');
    expect(successorProvince(provinceByName('Hà Nội'))).toBeUndefined();
    expect(province2025('Thừa Thiên Huế')).toBe('Huế');
  });
});

describe('raw sources readable everywhere', () => {
  it('decodes a TCVN3 file to Vietnamese and serves its bytes as a download, not mojibake', () => {
    const text =
      'Ngày 15/9/2021, Thường trực Tỉnh ủy Hà Tĩnh ban hành Công văn số 305-CV/TU về việc đẩy mạnh tiêm vắc xin ' +
      'phòng COVID-19 cho người lao động.';
    const bytes = encodeTcvn3(text);
    const raw = readRawBytes(bytes, 'ht-305.txt');
    expect(raw.encoding).toBe('tcvn3');
    expect(raw.text).toContain('Thường trực Tỉnh ủy Hà Tĩnh');
    expect(raw.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.size).toBe(bytes.length);
    expect(rawContentType(bytes)).toBe('application/octet-stream');
    expect(rawContentType(Buffer.from(text, 'utf8'))).toBe('text/plain; charset=utf-8');
    expect(rawContentType(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(
      'text/plain; charset=utf-16le',
    );
    expect(rawPageName('content/raw/a/003_x.txt')).toBe('a/003_x');
  });

  it('reports binary bytes instead of failing', () => {
    const raw = readRawBytes(new Uint8Array([0, 1, 2, 3, 0]), 'x.bin');
    expect(raw.text).toBeNull();
    expect(raw.error).toMatch(/not a text file/);
  });
});

describe('the text as data', () => {
  it('gives the blocks with the page anchors and without the copy-link', () => {
    const html =
      '<p>Mở đầu.</p><p id="muc-1" class="section">1. Các cấp ủy <a href="#muc-1" ' +
      'class="section-link"><span>#</span><span>Liên kết đến mục 1</span></a></p><ul><li id="muc-1-a">a) ' +
      'Một<ul><li>Hai</li></ul></li></ul>';
    const blocks = textBlocks(html);
    expect(blocks).toEqual([
      { id: null, text: 'Mở đầu.' },
      { id: 'muc-1', text: '1. Các cấp ủy' },
      { id: 'muc-1-a', text: 'a) Một' },
      { id: null, text: 'Hai' },
    ]);
    expect(plainText(blocks)).toBe('Mở đầu.\n\n1. Các cấp ủy\n\na) Một\n\nHai');
    expect(toJsonLines([{ a: 1 }, { b: 'x\ny' }])).toBe('{"a":1}\n{"b":"x\\ny"}\n');
  });

  it('turns a git remote into the repository web address', () => {
    expect(webUrlOfRemote('git@github.com:org/archive.git')).toBe('https://github.com/org/archive');
    expect(webUrlOfRemote('https://github.com/org/archive.git\n')).toBe('https://github.com/org/archive');
    expect(webUrlOfRemote('/work/main')).toBeNull();
  });
});

describe('the fast text scan agrees with the HTML parse', () => {
  it('on every directive the renderer writes (seeds and site fixtures) and on odd markup', async () => {
    const { createDirectiveRenderer } = await import('../../src/lib/directive-content.ts');
    const { textBlocksParsed } = await import('../../src/lib/site/plain-text.ts');
    const render = await createDirectiveRenderer();
    const all = [
      ...loadDirectives(resolve(ROOT, 'content')),
      ...loadDirectives(resolve(ROOT, 'tests/fixtures/site-content')),
      ...loadDirectives(resolve(ROOT, 'tests/fixtures/search-content')),
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const d of all) {
      const html = await render(d.body!, d.filePath);
      expect(textBlocks(html), d.id).toEqual(textBlocksParsed(html));
    }
    for (const odd of [
      '<p>a &amp; b &#x3C;c> &quot;d&quot; &eacute;</p>',
      '<ul><li><p>loose</p><p>two</p></li><li>x<ul><li>y</li></ul>z</li></ul>',
      '<p>one<br>two</p><blockquote><p>q</p></blockquote>',
      '<table><tr><td>a</td><td>b</td></tr></table>',
      '<p>unclosed',
      '<h2 id="x">Title <a class="section-link" href="#x">#</a></h2>',
    ])
      expect(textBlocks(odd), odd).toEqual(textBlocksParsed(odd));
  });
});

describe('a checked page', () => {
  it('keeps the importer doubts as history, and still says where its date came from', () => {
    const review = [{ field: 'number', reason: "two numbers could be this document's own: 1-CV/TU, 2-CV/TU" }];
    const checked = pageConfidence({ reviewed: true, review, dateSource: 'publication' });
    expect(checked.status).toBe('Đã kiểm tra');
    expect(checked.byField.has('number')).toBe(false);
    expect(checked.checkedNotes.map((n) => n.field)).toEqual(['number']);
    expect(checked.byField.get('date')?.[0]?.text).toMatch(/ngày báo đăng tin/);
    const unchecked = pageConfidence({ reviewed: false, review, dateSource: 'document' });
    expect(unchecked.byField.get('number')?.[0]?.text).toMatch(/1-CV\/TU, 2-CV\/TU/);
    expect(unchecked.checkedNotes).toEqual([]);
  });
});

describe('national timeline labels', () => {
  it('prints labels only where they overlap neither a mark nor another label, national ones too', async () => {
    const { timelineGeometry, DEFAULT_TIMELINE } = await import('../../src/lib/site/timeline-svg.ts');
    const base = loadDirectives(resolve(ROOT, 'content'))[0]!;
    const items = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      id: `x-${i}`,
      data: {
        ...base.data,
        province: i % 2 ? 'Hà Nội' : 'Điện Biên',
        date: `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
        number: `${i}-CV/TU`,
      },
    }));
    const national = NATIONAL_DOCUMENTS.filter((d) => d.date < '2021').map((d) => ({
      slug: d.number,
      number: d.number,
      date: d.date,
      title: d.title,
    }));
    const g = timelineGeometry(items, { ...DEFAULT_TIMELINE, fitWidth: 940 }, national);
    const CHAR = 6.6;
    let shown = 0;
    for (const lane of g.lanes) {
      const spans = lane.marks
        .filter((m) => m.showLabel)
        .map((m) => [m.x + 10, m.x + 10 + m.short.length * CHAR] as const);
      shown += spans.length;
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
      // no mark (its own sits just left of it) under a label
      for (const [a, b] of spans) for (const m of lane.marks) expect(m.x <= a - 10 || m.x > b).toBe(true);
    }
    expect(shown).toBeGreaterThan(0);
    expect(g.national).toHaveLength(national.length);
    for (let r = 0; r < 3; r++) {
      const spans = g.national
        .filter((n) => n.showLabel && n.row === r)
        .map((n): [number, number] =>
          n.anchorEnd ? [n.x - 8 - n.label.length * CHAR, n.x] : [n.x, n.x + 8 + n.label.length * CHAR],
        );
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    }
  });
});
