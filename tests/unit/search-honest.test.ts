/**
 * Honest results (issue 12): a directive counts as found only when every part of the query
 * matches its text; partial matches, citing directives and numbers the archive lacks are told
 * apart. Each case is one a user met on the seeds, rebuilt here in the seeds' styles.
 */
import { describe, expect, it } from 'vitest';
import { searchArchive, type SearchOutcome } from '../../src/lib/search/engine.ts';
import type { SearchState } from '../../src/lib/search/url-state.ts';
import { fakeArchive, record } from '../../scripts/bench/fake-pagefind.ts';

const th469 = record(
  '/th469/',
  {
    title: 'Tăng cường lãnh đạo công tác phòng, chống dịch COVID-19',
    number: '469-CV/TU',
    province: 'Thanh Hóa',
    date: '2021-11-25',
  },
  'Trong thời gian qua, tỉnh Thanh Hóa ghi nhận 98 ca dương tính. Thực hiện nghiêm cách ly y tế tại nhà.',
);
const th470 = record(
  '/th470/',
  {
    title: 'Kế hoạch tiêm vắc xin mũi 3',
    number: '470/KH-UBND',
    docType: 'Kế hoạch',
    issuer: 'UBND tỉnh',
    province: 'Thanh Hóa',
    date: '2021-11-30',
  },
  'Thực hiện Công văn số 469-CV/TU của Ban Thường vụ Tỉnh ủy, tiêm vắc xin phòng vi rút SARS-CoV-2.',
);
const hn = record(
  '/hn/',
  {
    title: 'Điện về tăng cường phòng, chống dịch dịp Tết',
    docType: 'Điện',
    issuer: 'Thường trực Thành ủy',
    province: 'Hà Nội',
    date: '2022-01-20',
  },
  'Thành ủy Hà Nội yêu cầu các cấp ủy đảng năm nay không tổ chức liên hoan. Nhà nước Việt Nam.',
);
const hp26 = record(
  '/hp26/',
  {
    title: 'Chỉ thị về thực hiện giãn cách xã hội',
    number: '26-CT/TU',
    docType: 'Chỉ thị',
    issuer: 'Ban Thường vụ Thành ủy',
    province: 'Hải Phòng',
    date: '2021-07-20',
    urgency: 'Hỏa tốc',
  },
  'Thực hiện giãn cách xã hội toàn thành phố theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ.',
);
const hpCites = record(
  '/hp-cv/',
  {
    title: 'Triển khai Chỉ thị 26-CT/TU',
    number: '1200-CV/TU',
    province: 'Hải Phòng',
    issuer: 'Ban Thường vụ Thành ủy',
    date: '2021-07-25',
  },
  'Các cấp ủy quán triệt Chỉ thị số 26-CT/TU ngày 20/7/2021 của Ban Thường vụ Thành ủy Hải Phòng về giãn cách xã hội.',
);
const vp = record(
  '/vp/',
  {
    title: '𝐂𝐡𝐚̂́𝐧 𝐜𝐡𝐢̉𝐧𝐡 tổ liên gia',
    number: '907-CV/TU',
    province: 'Vĩnh Phúc',
    date: '2021-11-08',
    measures: [{ code: 'quarantine', action: 'impose', evidence: 'cách ly', scope: null, from: null, to: null }],
  },
  'Hoạt động của tổ liên gia tự quản; vi r\u200dút lây lan nhanh.',
);
const records = [th469, th470, hn, hp26, hpCites, vp];
const state = (q: string, filters: SearchState['filters'] = {}): SearchState => ({ q, filters, sort: 'relevance' });
const urls = (items: { url: string }[]): string[] => items.map((i) => i.url);
const run = async (q: string, filters: SearchState['filters'] = {}): Promise<SearchOutcome> =>
  searchArchive(await fakeArchive(records), state(q, filters));

describe('a match means a match', () => {
  it('"giãn cách xã hội 16/CT-TTg": thời gian, cách ly no match; one citing 16/CT-TTg listed as citing', async () => {
    const out = await run('giãn cách xã hội 16/CT-TTg');
    expect(out.total).toBe(0);
    expect(out.missingNumber?.number).toBe('16/CT-TTg');
    expect(urls(out.citing)).toEqual(['/hp26/']);
    expect(urls(out.partial)).not.toContain('/th469/'); // "gian" and "cách" in other words: nothing of the query
    expect(urls(out.partial)).toContain('/hp-cv/');
  });

  it('a number no directive carries says so and offers the nearest numbers of that issuer', async () => {
    const out = await run('123-CV/TU');
    expect(out.total).toBe(0);
    expect(out.partial).toEqual([]);
    expect(out.missingNumber?.number).toBe('123-CV/TU');
    expect(out.missingNumber?.nearest.map((n) => n.number)).toEqual(['469-CV/TU', '907-CV/TU', '1200-CV/TU']);
  });

  it('a number the archive holds: the directive carrying it first, those citing it after, not counted', async () => {
    const out = await run('26-CT/TU hải phòng');
    expect(urls(out.items)).toEqual(['/hp26/']);
    expect(out.total).toBe(1);
    expect(urls(out.citing)).toEqual(['/hp-cv/']);
    expect(out.missingNumber).toBeNull();
  });

  it('a query of punctuation or emoji asks for words and lists nothing', async () => {
    for (const q of ['!!! ???', '😷🦠', '///']) {
      const out = await run(q);
      expect(out.needsWords, q).toBe(true);
      expect(out.items).toEqual([]);
      expect(out.total).toBe(0);
    }
  });

  it('"Hà Nam" does not find Hà Nội ("Hà Nội … Việt Nam"), a province name stands whole', async () => {
    const out = await run('Hà Nam');
    expect(out.total).toBe(0);
    expect(urls(out.items)).toEqual([]);
  });

  it('"hỏa tốc" finds the urgent directive, not Thanh Hóa; and urgency is a filter', async () => {
    const out = await run('hỏa tốc');
    expect(urls(out.items)).toEqual(['/hp26/']);
    const filtered = await run('', { urgency: ['Hỏa tốc'] });
    expect(urls(filtered.items)).toEqual(['/hp26/']);
    expect(filtered.counts.urgency).toEqual({ 'Hỏa tốc': 1 });
  });

  it('a word typed with diacritics must have them; typed without, any accented form matches', async () => {
    expect((await run('giãn cách')).total).toBe(2);
    // typed without diacritics, "gian cach" is still the phrase giãn cách, not "thời gian … cách ly"
    expect(urls((await run('gian cach')).items).sort()).toEqual(['/hp-cv/', '/hp26/']);
    expect(urls((await run('thoi gian')).items)).toEqual(['/th469/']);
  });

  it('four words of which one is missing: nothing found, the directive with three shown as partial', async () => {
    const out = await run('tiêm vắc xin mũi 5 Thanh Hóa');
    expect(out.total).toBe(0);
    expect(urls(out.partial)[0]).toBe('/th470/');
    expect(out.partial[0]!.missing).toEqual(['mũi 5']);
  });

  it("nothing matches fully: the named province's own directives matching more come first as partial", async () => {
    // Hải Phòng's two hold "giãn cách xã hội", three of the five parts; Thanh Hóa's 469 holds the
    // province and "nhà", two: no directive holds all, and the one about Thanh Hóa comes first
    const out = await run('Thanh Hóa giãn cách xã hội nhà');
    expect(out.total).toBe(0);
    expect(urls(out.partial)[0]).toBe('/th469/');
    expect(urls(out.partial)).toEqual(expect.arrayContaining(['/hp-cv/', '/hp26/']));
  });

  it('what people type: virus finds vi rút, covid19 finds COVID-19, an invisible joiner changes nothing', async () => {
    expect(urls((await run('virus')).items).sort()).toEqual(['/th470/', '/vp/']);
    expect(urls((await run('covid19')).items).sort()).toEqual(['/th469/', '/th470/']);
    expect(urls((await run('tổ liên\u200d gia')).items)).toEqual(['/vp/']);
  });

  it('marks in the excerpt what matched as typed, and the variant the query names', async () => {
    const marks = (o: SearchOutcome): string[] =>
      o.items.flatMap((i) => i.excerpt.filter((x) => x.mark).map((x) => x.text.toLowerCase()));
    expect(marks(await run('virus'))).toEqual(expect.arrayContaining(['vi', 'rút']));
    const gc = marks(await run('giãn cách'));
    expect(gc).toContain('giãn');
    expect(gc).not.toContain('gian');
  });

  it('a numeral stands with its word: "mũi 5" is no date\'s 5, "14 ngày" found after "tập trung trong"', async () => {
    const lc = record(
      '/lc/',
      { title: 'Cách ly', province: 'Lào Cai', date: '2021-05-05' },
      'Người về từ vùng dịch cách ly y tế tập trung trong 14 ngày.',
    );
    const index = await fakeArchive([lc, th470]);
    expect(urls((await searchArchive(index, state('cách ly y tế tập trung 14 ngày'))).items)).toEqual(['/lc/']);
    expect((await searchArchive(index, state('tiêm mũi 5'))).total).toBe(0);
    expect(urls((await searchArchive(index, state('tiêm mũi 3'))).items)).toEqual(['/th470/']);
  });

  it('a headline in styled look-alike letters is found by its plain words', async () => {
    expect(urls((await run('chấn chỉnh')).items)).toEqual(['/vp/']);
  });

  it('a type word in the query favours that type ("chỉ thị" over a công văn of the same body)', async () => {
    const out = await run('ban thường vụ thành ủy chỉ thị giãn cách');
    expect(urls(out.items)).toEqual(['/hp26/', '/hp-cv/']);
  });

  it('the 2025 province finds the directives of the provinces merged into it, saying so', async () => {
    const out = await run('Phú Thọ');
    expect(urls(out.items)).toEqual(['/vp/']);
    expect(out.items[0]!.nowIn).toBe('Phú Thọ');
  });

  it('filters by several provinces at once, a month range and a measure', async () => {
    const two = await run('', { province: ['Hà Nội', 'Hải Phòng'] });
    expect(urls(two.items).sort()).toEqual(['/hn/', '/hp-cv/', '/hp26/']);
    const range = await run('', { from: '2021-07', to: '2021-11' });
    expect(urls(range.items).sort()).toEqual(['/hp-cv/', '/hp26/', '/th469/', '/th470/', '/vp/']);
    const nov = await run('', { from: '2021-11', to: '2021-11', province: ['Thanh Hóa'] });
    expect(urls(nov.items).sort()).toEqual(['/th469/', '/th470/']);
    const measure = await run('', { measure: ['quarantine'] });
    expect(urls(measure.items)).toEqual(['/vp/']);
    expect(measure.counts.measure).toEqual({ quarantine: 1 });
  });
});
