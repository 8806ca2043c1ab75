/**
 * The engine's merging on the small in-memory stand-in for Pagefind (scripts/bench/fake-pagefind.ts)
 * that behaves like it where it matters here: every term prefix-matches folded words, all terms required, a search with
 * no term lists every page in the order added; filters, counts and dates come from the
 * catalogue built from the same records, as the build makes it.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/search/catalogue.ts';
import { openArchiveIndex, searchArchive } from '../../src/lib/search/engine.ts';
import { buildSearchRecord } from '../../src/lib/search/record.ts';
import { directive, fakeArchive as archive, fakePagefind } from '../../scripts/bench/fake-pagefind.ts';
import { nearestHeading } from '../../src/scripts/search/page.ts';

const records = [
  buildSearchRecord(
    '/a/',
    directive({ title: 'Tăng cường phòng, chống dịch', number: '469-CV/TU', province: 'Thanh Hóa', date: '2021-11' }),
    'Tỉnh Thanh Hóa ghi nhận 98 ca dương tính.',
  ),
  buildSearchRecord(
    '/b/',
    directive({
      title: 'Kế hoạch tiêm vắc xin',
      number: '470/KH-UBND',
      docType: 'Kế hoạch',
      issuer: 'UBND tỉnh',
      province: 'Thanh Hóa',
      date: '2021-11-30',
    }),
    'Thực hiện Công văn số 469-CV/TU, tiêm vắc xin mũi 3.',
  ),
  buildSearchRecord(
    '/c/',
    directive({ title: 'Chấn chỉnh tổ liên gia', number: '907-CV/TU', province: 'Vĩnh Phúc', date: '2021-11-08' }),
    'Hoạt động của tổ liên gia tự quản. Đồng chí Phạm Hoàng Anh.',
  ),
  buildSearchRecord(
    '/d/',
    directive({
      title: 'Điện về Tết',
      docType: 'Điện',
      issuer: 'Thường trực Thành ủy',
      province: 'Hà Nội',
      date: '2022-01',
    }),
    'Bí thư Đinh Tiến Dũng. Tổ chức liên hoan gia đình.',
  ),
];

describe("a state công văn's number, which carries no type code", () => {
  const state = (q: string) => ({ q, filters: {}, sort: 'relevance' as const });
  const hb = buildSearchRecord(
    '/hb/',
    directive({ number: '2100/VPUBND-KGVX', docType: 'Công văn', issuer: 'UBND tỉnh', province: 'Hòa Bình' }),
    'Văn phòng UBND tỉnh Hòa Bình đề nghị các sở tạm dừng hội họp đông người.',
  );
  const kh = buildSearchRecord(
    '/kh/',
    directive({ number: '2100/KH-UBND', docType: 'Kế hoạch', issuer: 'UBND tỉnh', province: 'Lào Cai' }),
    'Kế hoạch xét nghiệm diện rộng.',
  );
  const cites = buildSearchRecord(
    '/cites/',
    directive({ number: '120/KH-UBND', docType: 'Kế hoạch', issuer: 'UBND tỉnh', province: 'Hòa Bình' }),
    'Thực hiện Công văn số 2100/VPUBND-KGVX của Văn phòng UBND tỉnh, các huyện dừng hội họp.',
  );
  const all = [hb, kh, cites];

  it('is found by its type and serial, as people name it ("công văn 2100", "CV 2100")', async () => {
    for (const q of ['công văn 2100', 'CV 2100', 'công văn số 2100']) {
      const out = await searchArchive(await archive(all), state(q));
      expect(
        out.items.map((i) => i.url),
        q,
      ).toEqual(['/hb/']);
      expect(out.missingNumber, q).toBeNull();
    }
    const out = await searchArchive(await archive(all), state('kế hoạch 2100'));
    expect(out.items.map((i) => i.url)).toEqual(['/kh/']);
  });

  it('typed whole: the directive carrying it is found, one citing it is listed as citing, not counted', async () => {
    const out = await searchArchive(await archive(all), state('2100/VPUBND-KGVX'));
    expect(out.items.map((i) => i.url)).toEqual(['/hb/']);
    expect(out.total).toBe(1);
    expect(out.citing.map((i) => i.url)).toEqual(['/cites/']);
  });

  it('named by its type and serial, a directive citing it after that type name is listed as citing', async () => {
    // "Kế hoạch số 2100/UBND-KGVX" names another type, and a bare "số 2100/UBND-KGVX" none: not cited as a công văn
    const otherType = buildSearchRecord(
      '/other/',
      directive({ docType: 'Thông báo', province: 'Hòa Bình' }),
      'Theo Kế hoạch số 2100/UBND-KGVX và văn bản số 2100/UBND-VX, tiếp tục giãn cách.',
    );
    for (const q of ['công văn 2100', 'CV 2100']) {
      const out = await searchArchive(await archive([...all, otherType]), state(q));
      expect(
        out.items.map((i) => i.url),
        q,
      ).toEqual(['/hb/']);
      expect(out.total, q).toBe(1);
      expect(
        out.citing.map((i) => i.url),
        q,
      ).toEqual(['/cites/']);
    }
  });

  it('missing, named by its type: the nearest of that type, state ones among them, said so', async () => {
    const party = buildSearchRecord(
      '/party/',
      directive({ number: '2150-CV/TU', docType: 'Công văn', province: 'Hòa Bình' }),
      'Ban Thường vụ Tỉnh ủy yêu cầu.',
    );
    const out = await searchArchive(await archive([...all, party]), state('công văn 2101'));
    expect(out.total).toBe(0);
    // the state công văn 2100 (no type code in its number) and the Party's 2150-CV/TU; not Kế hoạch 2100
    expect(out.missingNumber?.nearest.map((n) => n.url)).toEqual(['/hb/', '/party/']);
    expect(nearestHeading(out.missingNumber)).toBe('Các công văn có số gần nhất trong kho:');
    const whole = await searchArchive(await archive([...all, party]), state('2101-CV/TU'));
    expect(whole.missingNumber?.nearest.map((n) => n.url)).toEqual(['/party/']);
    expect(nearestHeading(whole.missingNumber)).toBe('Các số gần nhất của cùng cơ quan trong kho:');
    const serial = await searchArchive(await archive([...all, party]), state('số 2101'));
    expect(nearestHeading(serial.missingNumber)).toBe('Các số gần nhất trong kho:');
  });

  it('is found by its serial and its province ("2100 Hòa Bình")', async () => {
    for (const q of ['2100 Hòa Bình', 'hoa binh 2100', 'công văn 2100 Hòa Bình']) {
      const out = await searchArchive(await archive(all), state(q));
      // first; the one citing it holds the numeral and the province too
      expect(out.items[0]?.url, q).toBe('/hb/');
    }
  });
});

describe('searchArchive', () => {
  it('puts the directive with the typed number first, before one that only cites it', async () => {
    const out = await searchArchive(await archive(records), { q: 'công văn 469', filters: {}, sort: 'relevance' });
    expect(out.items[0]!.url).toBe('/a/');
  });

  it('finds đ words typed with d, and the excerpt marks them', async () => {
    const out = await searchArchive(await archive(records), { q: 'dinh tien dung', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/d/']);
    expect(out.items[0]!.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(
      expect.arrayContaining(['Đinh', 'Tiến', 'Dũng']),
    );
    // from the body: the metadata line ("Điện · Thường trực Thành ủy Hà Nội") is shown apart
    expect(out.items[0]!.excerpt.map((s) => s.text).join('')).not.toContain(' · ');
  });

  it('keeps only directives where a quoted phrase stands together', async () => {
    const out = await searchArchive(await archive(records), { q: '"tổ liên gia"', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/c/']);
  });

  it('browses with an empty query: all, newest first, with counts per filter', async () => {
    const out = await searchArchive(await archive(records), { q: '', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.date)).toEqual(['2022-01', '2021-11-30', '2021-11-08', '2021-11']);
    expect(out.counts.province).toEqual({ 'Thanh Hóa': 2, 'Vĩnh Phúc': 1, 'Hà Nội': 1 });
  });

  it('counts a filter in use with that filter lifted, so the other values stay reachable', async () => {
    const out = await searchArchive(await archive(records), {
      q: '',
      filters: { province: ['Thanh Hóa'], docType: ['Kế hoạch'] },
      sort: 'oldest',
    });
    expect(out.items.map((i) => i.url)).toEqual(['/b/']);
    expect(out.counts.province).toEqual({ 'Thanh Hóa': 1 });
    expect(out.counts.docType).toEqual({ 'Công văn': 1, 'Kế hoạch': 1 });
  });

  it('sorts matches by date when asked', async () => {
    const out = await searchArchive(await archive(records), { q: 'thanh hoa', filters: {}, sort: 'oldest' });
    expect(out.items.map((i) => i.url)).toEqual(['/a/', '/b/']);
  });

  it('does not ask the index for syllables most directives contain, and still checks them on the text', async () => {
    const index = await archive(records, ['gia', 'lien', 'to']);
    const out = await searchArchive(index, { q: 'tổ liên gia vĩnh phúc', filters: {}, sort: 'relevance' });
    expect(index.pf.calls[0]).toBe('vinh phuc');
    expect(out.items[0]!.url).toBe('/c/');
    index.pf.calls.length = 0;
    const only = await searchArchive(index, { q: 'tổ liên gia', filters: {}, sort: 'relevance' });
    expect(index.pf.calls).toEqual([]);
    expect(only.items[0]!.url).toBe('/c/');
    // every candidate was read and checked: the count is exact
    expect(only.exact).toBe(true);
  });

  it('says a count is a lower bound only while some candidates were left unchecked on the text', async () => {
    const many = Array.from({ length: 90 }, (_, i) =>
      buildSearchRecord(
        `/x-${i}/`,
        directive({ title: `Văn bản ${i}`, date: `2021-10-${String((i % 28) + 1).padStart(2, '0')}` }),
        'Các huyện thực hiện nghiêm.',
      ),
    );
    const index = await archive([...records, ...many], ['gia', 'lien', 'to']);
    const out = await searchArchive(index, { q: 'tổ liên gia', filters: {}, sort: 'relevance' });
    expect(out.items[0]!.url).toBe('/c/');
    expect(out.exact).toBe(false);
    expect((await searchArchive(index, { q: 'vĩnh phúc', filters: {}, sort: 'relevance' })).exact).toBe(true);
  });

  it('counts filter values over the matches of a query when no filter is in use', async () => {
    const out = await searchArchive(await archive(records), { q: 'vắc xin', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/b/']);
    expect(out.counts.province).toEqual({ 'Thanh Hóa': 1 });
    expect(out.counts.docType).toEqual({ 'Kế hoạch': 1 });
    expect(out.counts.year).toEqual({ '2021': 1 });
  });

  it('answers a query that is only a province name from the catalogue, newest first', async () => {
    const index = await archive(records);
    const out = await searchArchive(index, { q: 'Thanh Hoá', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url).sort()).toEqual(['/a/', '/b/']);
    expect(out.items.every((i) => i.province === 'Thanh Hóa')).toBe(true);
  });

  it('pages through a province-name query without repeating a directive, oldest first when asked', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      buildSearchRecord(
        `/th-${String(i).padStart(2, '0')}/`,
        directive({
          title: `Văn bản ${i}`,
          province: 'Thanh Hóa',
          date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        }),
        i % 2 ? 'Tỉnh Thanh Hóa yêu cầu các huyện.' : 'Các huyện thực hiện.',
      ),
    );
    const index = await archive([...records, ...many]);
    const out = await searchArchive(index, { q: 'thanh hoa', filters: {}, sort: 'oldest' });
    const urls = out.items.map((i) => i.url);
    while (out.hasMore()) urls.push(...(await out.loadMore()).map((i) => i.url));
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(expect.arrayContaining([...many.map((r) => r.url), '/a/', '/b/']));
    const dates = out.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe(
      [...many, ...records]
        .filter((r) => r.meta.province === 'Thanh Hóa')
        .map((r) => r.meta.date)
        .sort()[0],
    );
  });

  it('refuses an index and a catalogue from different builds instead of mislabelling results', async () => {
    const pf = fakePagefind(records);
    await expect(openArchiveIndex(pf, buildCatalogue(records.slice(1).map((r) => r.meta)))).rejects.toThrow(
      /lists 3 directives but the index has 4/,
    );
  });

  it('stops with an error when the catalogue rows are not in the index order, never mislabels', async () => {
    const index = await archive(records);
    const reversed = { ...index, pages: [...index.pages].reverse() };
    await expect(searchArchive(reversed, { q: '', filters: {}, sort: 'relevance' })).rejects.toThrow(/does not match/);
  });
});
