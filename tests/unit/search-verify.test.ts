/**
 * Honest matching checks candidates on their text, each as soon as it arrives, fetching ahead
 * as many as the share of matches so far calls for. What the reader is shown must not depend on
 * how that work is split: the first page is a full page when there is one, the count says "at
 * least" until every candidate is checked and is exact after, the same query gives the same
 * page whatever order the texts arrive in, and "not found" is said only when nothing is left
 * unchecked. On the Pagefind stand-in (scripts/bench/fake-pagefind.ts).
 */
import { describe, expect, it } from 'vitest';
import { indexQueries, searchArchive, type ArchiveIndex } from '../../src/lib/search/engine.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { buildSearchRecord, type SearchRecord } from '../../src/lib/search/record.ts';
import { directive, fakeArchive } from '../../scripts/bench/fake-pagefind.ts';
import { statusText } from '../../src/scripts/search/page.ts';

const state = (q: string) => ({ q, filters: {}, sort: 'relevance' as const });
// one directive a day: the newest first is the highest number
const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);

/** `n` directives with "tổ liên gia" in their text where `matches(i)`, "tổ liên" only elsewhere. */
function corpus(n: number, matches: (i: number) => boolean): SearchRecord[] {
  return Array.from({ length: n }, (_, i) =>
    buildSearchRecord(
      `/d-${String(i).padStart(3, '0')}/`,
      directive({ title: `Văn bản ${i}`, date: day(i), province: i % 2 ? 'Hà Nam' : 'Thanh Hóa' }),
      matches(i) ? 'Hoạt động của tổ liên gia tự quản ở khu dân cư.' : 'Tổ công tác liên ngành kiểm tra khu dân cư.',
    ),
  );
}
// the three syllables are "common": not asked of the index, every directive is a candidate
const COMMON = ['to', 'lien', 'gia'];
const truth = (records: SearchRecord[]) => records.filter((r) => r.content.includes('tổ liên gia')).map((r) => r.url);

/** The stand-in with each text arriving after its own delay, in a random order. */
function shuffledArrivals(index: ArchiveIndex, seed: number): ArchiveIndex {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return {
    ...index,
    pages: index.pages.map((p) => ({
      id: p.id,
      data: async () => {
        await new Promise((ok) => setTimeout(ok, Math.floor(rand() * 6)));
        return p.data();
      },
    })),
  };
}

function countFetches(index: ArchiveIndex): { index: ArchiveIndex; fetches: () => number } {
  let n = 0;
  return {
    index: {
      ...index,
      pages: index.pages.map((p) => ({
        id: p.id,
        data: () => {
          n++;
          return p.data();
        },
      })),
    },
    fetches: () => n,
  };
}

describe('verification split over the candidates', () => {
  it('shows a full first page, counts "at least" until all are checked, then exactly', async () => {
    const records = corpus(90, (i) => i % 3 === 0);
    const want = truth(records);
    const out = await searchArchive(await fakeArchive(records, COMMON), state('tổ liên gia'));
    // a page of found directives, each a true match, though the first window held only four
    expect(out.items).toHaveLength(10);
    expect(out.items.every((i) => want.includes(i.url))).toBe(true);
    expect(out.exact).toBe(false);
    expect(out.total).toBeGreaterThanOrEqual(10);
    expect(out.total).toBeLessThan(want.length);
    expect(out.unchecked).toBeGreaterThan(0);
    expect(statusText(out, state('tổ liên gia'))).toMatch(/^Tìm thấy ít nhất \d+ văn bản cho “tổ liên gia”\./);
    // counting after the first page: exact, and every found directive is listed once through "more"
    expect(await out.countAll()).toBe(true);
    expect(out.exact).toBe(true);
    expect(out.total).toBe(want.length);
    expect(statusText(out, state('tổ liên gia'))).toMatch(new RegExp(`^Tìm thấy ${want.length} văn bản`));
    const all = [...out.items];
    while (out.hasMore()) all.push(...(await out.loadMore()));
    expect(all.map((i) => i.url).sort()).toEqual([...want].sort());
  });

  it('gives the same page and count whatever order the texts arrive in', async () => {
    const records = corpus(90, (i) => i % 4 !== 1);
    const index = await fakeArchive(records, COMMON);
    const runs = [];
    for (const seed of [1, 7, 42, 99, 1234]) {
      const out = await searchArchive(shuffledArrivals(index, seed), state('tổ liên gia'));
      runs.push({
        items: out.items.map((i) => i.url),
        total: out.total,
        checked: out.checked,
        partial: out.partialTotal,
      });
    }
    for (const r of runs) expect(r).toEqual(runs[0]);
  });

  it('fetches ahead only what the share of matches calls for, not a second window', async () => {
    // three of four candidates match: a page needs about fourteen texts
    const records = corpus(90, (i) => i % 4 !== 1);
    const counted = countFetches(await fakeArchive(records, COMMON));
    const out = await searchArchive(counted.index, state('tổ liên gia'));
    expect(out.items).toHaveLength(10);
    // (the first window of twelve held nine: rounds of twelve took two windows, 24 texts)
    expect(counted.fetches()).toBeLessThan(24);
    expect(counted.fetches()).toBeGreaterThanOrEqual(out.checked);
  });

  it('no "not found" while candidates are left: it says how far it checked, and looks further after', async () => {
    // 120 candidates, the only matches among the oldest
    const records = corpus(120, (i) => i >= 117).map((r, i) =>
      i >= 117 ? { ...r, meta: { ...r.meta, date: '2020-01-01' } } : r,
    );
    const want = truth(records);
    expect(want).toHaveLength(3);
    const out = await searchArchive(await fakeArchive(records, COMMON), state('tổ liên gia'));
    expect(out.items).toEqual([]);
    expect(out.total).toBe(0);
    expect(out.exact).toBe(false);
    const said = statusText(out, state('tổ liên gia'));
    expect(said).not.toMatch(/Không tìm thấy/);
    expect(said).toMatch(
      new RegExp(
        `Chưa thấy văn bản nào khớp đủ “tổ liên gia” trong ${out.checked} văn bản đã kiểm tra ` +
          `\\(còn ${out.unchecked} văn bản chưa kiểm tra\\)`,
      ),
    );
    // what is shown meanwhile: the partial matches
    expect(out.partial.length).toBeGreaterThan(0);
    // with more left than it may count, it looks further for a first match, still not exact
    expect(await out.countAll(40)).toBe(false);
    expect(out.exact).toBe(false);
    expect(statusText(out, state('tổ liên gia'))).not.toMatch(/Không tìm thấy/);
    // then counts the rest
    expect(await out.countAll()).toBe(true);
    expect(out.total).toBe(3);
    const more = await out.loadMore();
    expect(more.map((i) => i.url).sort()).toEqual([...want].sort());
  });

  it('a window without a single match does not hold the first page: partial shown, the rest found after', async () => {
    // 150 candidates, a match one in fifteen, none among the newest twenty
    const records = corpus(150, (i) => i < 130 && i % 15 === 0);
    const want = truth(records);
    const out = await searchArchive(await fakeArchive(records, COMMON), state('tổ liên gia'));
    expect(out.items).toEqual([]);
    expect(out.checked).toBeLessThan(48);
    expect(out.partial.length).toBeGreaterThan(0);
    expect(statusText(out, state('tổ liên gia'))).toMatch(/^Chưa thấy văn bản nào khớp đủ/);
    expect(await out.countAll()).toBe(true);
    expect(out.total).toBe(want.length);
    expect((await out.loadMore()).map((i) => i.url).sort()).toEqual([...want].sort());
  });

  it('says "not found" once every candidate is checked and none matches', async () => {
    const records = corpus(30, () => false);
    const out = await searchArchive(await fakeArchive(records, COMMON), state('tổ liên gia'));
    if (!out.exact) expect(await out.countAll()).toBe(true);
    expect(out.total).toBe(0);
    expect(statusText(out, state('tổ liên gia'))).toMatch(/^Không tìm thấy văn bản nào khớp đủ “tổ liên gia”\./);
  });
});

describe('filter counts while the count is a lower bound', () => {
  it('count what the index proposes less what was checked and does not match, with and without a filter', async () => {
    const records = corpus(90, (i) => i % 3 === 0);
    const index = await fakeArchive(records, COMMON);
    const matches = new Set(truth(records));
    for (const filters of [{}, { province: ['Hà Nam'] }]) {
      const s = { q: 'tổ liên gia', filters, sort: 'relevance' as const };
      const out = await searchArchive(index, s);
      expect(out.exact).toBe(false);
      // every directive is proposed (common words); the checks read the newest first, in order
      const passes = index.catalogue.matcher(filters);
      const read = index.catalogue.allByDate('desc').filter(passes).slice(0, out.checked);
      const rejected = new Set(read.filter((row) => !matches.has(records[row]!.url)));
      const want = index.catalogue.counts(
        index.catalogue.all().filter((row) => !rejected.has(row)),
        filters,
      );
      expect(out.counts).toEqual(want);
    }
  });
});

describe('variants most directives spell', () => {
  const records = Array.from({ length: 12 }, (_, i) =>
    buildSearchRecord(
      `/v-${i}/`,
      directive({ title: `Kế hoạch ${i}`, date: day(i) }),
      i < 9 ? `Tiêm vắc xin cho ${i % 3 ? 'trẻ em' : 'người lớn'}.` : 'Rà soát khu dân cư.',
    ),
  );
  // "common" non-empty: a large archive's rules apply
  const common = ['cho', 'tiem'];

  it('are checked on the text, not asked of the index, when the query has words', async () => {
    const index = await fakeArchive(records, common);
    const out = await searchArchive(index, state('tiêm vắc xin cho trẻ em'));
    expect(index.pf.calls.some((c) => c?.includes('vxvacxin'))).toBe(false);
    if (!out.exact) await out.countAll();
    const all = [...out.items];
    while (out.hasMore()) all.push(...(await out.loadMore()));
    expect(all.map((i) => i.url).sort()).toEqual(['/v-1/', '/v-2/', '/v-4/', '/v-5/', '/v-7/', '/v-8/']);
  });

  it('are asked of the index when the query is only the variant, which then counts exactly', async () => {
    const index = await fakeArchive(records, common);
    const out = await searchArchive(index, state('vắc xin'));
    expect(index.pf.calls).toContain('"vxvacxin"'); // asked exactly (src/lib/search/engine.ts asked())
    expect(out.exact).toBe(true);
    expect(out.total).toBe(9);
  });

  it('are preloaded only when the search asks for them: the page fetches no chunk it does not use', async () => {
    for (const q of ['tiêm vắc xin cho trẻ em', 'vắc xin']) {
      const index = await fakeArchive(records, common);
      const preloaded = indexQueries(parseQuery(q), index.catalogue);
      await searchArchive(index, state(q));
      const searched = new Set(index.pf.calls.flatMap((c) => c?.split(' ') ?? []));
      expect(preloaded.length, q).toBeGreaterThan(0);
      for (const term of preloaded) expect(searched, `${q}: ${term}`).toContain(term);
    }
  });
});

describe('texts fetched while the index searches', () => {
  // Thanh Hóa's 8 directives and Hà Nam's 8, one of them numbered 12/KH-UBND.
  const records = Array.from({ length: 16 }, (_, i) =>
    buildSearchRecord(
      `/p-${String(i).padStart(2, '0')}/`,
      directive({
        title: `Kế hoạch ${i}`,
        date: day(i),
        province: i % 2 ? 'Hà Nam' : 'Thanh Hóa',
        number: i === 5 ? '12/KH-UBND' : null,
      }),
      `Kiểm tra khu dân cư, tổ dân phố số ${i}.`,
    ),
  );
  /** The stand-in with a slow index: which texts were asked for before it answered. */
  const slowIndex = (index: ArchiveIndex): { index: ArchiveIndex; early: string[] } => {
    const early: string[] = [];
    let answered = false;
    const pages = index.pages.map((p) => ({
      ...p,
      data: async () => {
        const f = await p.data();
        if (!answered) early.push(f.url);
        return f;
      },
    }));
    const pf = {
      search: async (term: string | null) => {
        await new Promise((ok) => setTimeout(ok, 30));
        answered = true;
        return index.pf.search(term);
      },
    };
    return { index: { ...index, pages, pf }, early };
  };
  const urls = (province: string) => records.filter((r) => r.meta.province === province).map((r) => r.url);

  it('a province alone: its own directives, which head its candidates', async () => {
    const { index, early } = slowIndex(await fakeArchive(records));
    const out = await searchArchive(index, state('Hà Nam'));
    expect(early.sort()).toEqual(urls('Hà Nam').sort());
    expect(out.items.map((i) => i.url).sort()).toEqual(urls('Hà Nam').sort());
  });

  it('a number: the directive carrying it, which comes first', async () => {
    const { index, early } = slowIndex(await fakeArchive(records));
    const out = await searchArchive(index, state('12/KH-UBND'));
    expect(early).toEqual(['/p-05/']);
    expect(out.items[0]?.url).toBe('/p-05/');
  });

  it('a province alone fetches no margin for its own directives: they match for certain', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      buildSearchRecord(`/m-${i}/`, directive({ date: day(i), province: 'Hà Nam' }), 'Kiểm tra khu dân cư.'),
    );
    const index = await fakeArchive(many);
    let fetched = 0;
    const pages = index.pages.map((p) => ({ ...p, data: () => (fetched++, p.data()) }));
    const out = await searchArchive({ ...index, pages }, state('Hà Nam'));
    expect(out.items).toHaveLength(10);
    expect(fetched).toBe(12); // the window ranked, and not a text more
  });

  it('a province alone with a window of its own: the first page does not wait for the index', async () => {
    // Hà Nam's own 14, and 3 of Thanh Hóa's that name Hà Nam (newer than all of Hà Nam's)
    const mixed = [
      ...Array.from({ length: 14 }, (_, i) =>
        buildSearchRecord(`/own-${i}/`, directive({ date: day(i), province: 'Hà Nam' }), 'Kiểm tra khu dân cư.'),
      ),
      ...Array.from({ length: 3 }, (_, i) =>
        buildSearchRecord(
          `/naming-${i}/`,
          directive({ date: day(20 + i), province: 'Thanh Hóa' }),
          'Phối hợp với tỉnh Hà Nam kiểm soát người ra vào.',
        ),
      ),
    ];
    const index = await fakeArchive(mixed);
    let open!: () => void;
    const gate = new Promise<void>((ok) => (open = ok));
    const held = { ...index, pf: { search: async (t: string | null) => (await gate, index.pf.search(t)) } };
    const out = await searchArchive(held, state('Hà Nam'));
    // shown with the index still searching: Hà Nam's own, and a count that is a lower bound
    expect(out.items).toHaveLength(10);
    expect(out.items.every((i) => i.url.startsWith('/own-'))).toBe(true);
    expect(out.total).toBe(14);
    expect(out.exact).toBe(false);
    open();
    expect(await out.countAll()).toBe(true);
    expect(out.total).toBe(17); // the directives naming it, checked on their text
    expect(out.counts.province?.['Thanh Hóa']).toBe(3);
    const rest = [...out.items, ...(await out.loadMore()), ...(await out.loadMore())].map((i) => i.url);
    expect(new Set(rest).size).toBe(17);
    // Sorted by date, the newer directives naming it come first: that page waits for the index.
    const byDate = await searchArchive(index, { ...state('Hà Nam'), sort: 'newest' });
    expect(
      byDate.items
        .slice(0, 3)
        .map((i) => i.url)
        .sort(),
    ).toEqual(['/naming-0/', '/naming-1/', '/naming-2/']);
  });

  it('words, or a province with words: nothing before the index answers', async () => {
    for (const q of ['khu dân cư', 'Hà Nam khu dân cư']) {
      const { index, early } = slowIndex(await fakeArchive(records));
      await searchArchive(index, state(q));
      expect(early, q).toEqual([]);
    }
  });
});
