/**
 * The archive's search: asks the Pagefind index for the words (folded query, number token),
 * filters, counts and orders by date with the catalogue (src/lib/search/catalogue.ts), merges
 * the candidates, re-ranks them on their text (src/lib/search/rank.ts) and returns
 * display-ready results. Works against a minimal Pagefind-like interface, so it runs the same
 * in the browser and in tests.
 */
import { Catalogue, type CatalogueFile, type FacetCounts, type Filters } from './catalogue.ts';
import { excerpt, type Segment } from './excerpt.ts';
import { citeQueryToken, numberMatches, provincesNowIn } from './intent.ts';
import { nearestNumbers } from './numbers.ts';
import { parseQuery, type ParsedQuery, type QueryUnit } from './query.ts';
import { rankAll, type Candidate, type Scored } from './rank.ts';
import { filtered, type SearchState } from './url-state.ts';
import { variantToken } from '../vietnamese-variants.ts';

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
export interface PagefindResponse {
  results: PagefindResult[];
}
export interface PagefindLike {
  /** no filters or sort: the catalogue (src/lib/search/catalogue.ts) does those */
  search(term: string | null): Promise<PagefindResponse | null>;
  /** fetches the index chunks a term needs, without searching */
  preload?(term: string): Promise<void>;
}

/** Pagefind and the catalogue, joined: rows of the catalogue are Pagefind's pages. */
export interface ArchiveIndex {
  pf: PagefindLike;
  catalogue: Catalogue;
  /** Pagefind's result for each row (its data() loads the fragment) */
  pages: PagefindResult[];
  rowOf: Map<string, number>;
  /** every row's own document number ("" for none), loaded on first need (src/lib/search/numbers.ts) */
  numbers: () => Promise<readonly string[]>;
}

/**
 * Joins a loaded Pagefind and the catalogue file. A search with no term lists every page in
 * Pagefind's page order, which is the catalogue's row order; a different count means the two
 * files come from different builds, and searching on would attach wrong metadata to results.
 */
export async function openArchiveIndex(
  pf: PagefindLike,
  file: CatalogueFile,
  loadNumbers: () => Promise<readonly string[]> = async () => [],
): Promise<ArchiveIndex> {
  const catalogue = new Catalogue(file);
  const all = (await pf.search(null))?.results ?? [];
  if (all.length !== catalogue.size) {
    throw new Error(
      `Search catalogue lists ${catalogue.size} directives but the index has ${all.length}; rebuild the site`,
    );
  }
  let numbers: Promise<readonly string[]> | null = null;
  const once = (): Promise<readonly string[]> =>
    (numbers ??= loadNumbers().then((list) => {
      if (list.length !== catalogue.size)
        throw new Error(`Search numbers list ${list.length} directives, the index ${catalogue.size}; rebuild the site`);
      return list;
    }));
  return { pf, catalogue, pages: all, rowOf: new Map(all.map((r, i) => [r.id, i])), numbers: once };
}

export interface ResultItem {
  url: string;
  title: string;
  number: string | null;
  docType: string;
  date: string;
  province: string;
  issuer: string;
  urgency: string;
  /** the province it belongs to since 2025, when that is what the query named ("nay thuộc Phú Thọ") */
  nowIn: string | null;
  /** what of the query it does not match, as typed (partial matches only) */
  missing: string[];
  excerpt: Segment[];
}

/** A number the archive does not hold: what it has nearby, same issuer codes (and year, when given). */
export interface MissingNumber {
  /** the number as typed */
  number: string;
  nearest: { number: string; url: string; title: string; province: string; date: string }[];
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** the query has no letter or digit: nothing was searched */
  needsWords: boolean;
  /** found directives (every part of the query matches), best first: the first page */
  items: ResultItem[];
  /** how many directives were found, checked on their text */
  total: number;
  /** false while some candidates the index proposed are not yet checked: `total` is then a lower bound */
  exact: boolean;
  /** directives that match every part of the query but carry the number only as one they cite */
  citing: ResultItem[];
  /** directives matching only part of the query, best first (never in `total`) */
  partial: ResultItem[];
  /** how many partial matches were checked (`partial` lists them, up to a page) */
  partialTotal: number;
  partialExact: boolean;
  /** a document number asked for that no directive carries */
  missingNumber: MissingNumber | null;
  /** per filter, the count of matching directives for each value */
  counts: FacetCounts;
  /**
   * Checks the text of every candidate left, when at most `limit` (default 200) are: `total`
   * is then exact. Resolves false, checking nothing, when there are more.
   */
  countAll: (limit?: number) => Promise<boolean>;
  /** the next page of found directives (empty when there is none) */
  loadMore: () => Promise<ResultItem[]>;
  /** whether loadMore() may give more */
  hasMore: () => boolean;
}

export interface EngineOptions {
  /** candidates loaded and checked per step */
  window?: number;
  /** results per page */
  pageSize?: number;
  /** at most this many candidates are checked before the first page shows */
  verify?: number;
}

interface Loaded extends Candidate {
  fragment: PagefindFragment;
  date: string;
  row: number;
}

async function load(r: PagefindResult, indexRank: number, row: number): Promise<Loaded> {
  const f = await r.data();
  const m = f.meta;
  const end = Number(m.textLength);
  const text = Number.isFinite(end) && end > 0 ? f.content.slice(0, end) : f.content;
  return {
    url: f.url,
    title: m.title ?? '',
    number: m.number || null,
    province: m.province ?? null,
    docType: m.docType ?? '',
    date: m.date ?? '',
    text,
    indexRank,
    fragment: f,
    row,
  };
}

function toItem(s: Scored<Loaded>, q: ParsedQuery): ResultItem {
  const c = s.candidate;
  const m = c.fragment.meta;
  // The excerpt comes from after the title and metadata lines (meta.bodyStart, set by
  // src/lib/search/record.ts): the result shows those already.
  const start = Number(m.bodyStart);
  const bodyStart = Number.isInteger(start) && start >= 0 && start < c.text.length ? start : 0;
  return {
    url: c.url,
    title: c.title,
    number: c.number,
    docType: m.docType ?? '',
    date: c.date,
    province: c.province ?? '',
    issuer: m.issuer ?? '',
    urgency: m.urgency ?? '',
    nowIn: s.match.nowIn,
    missing: s.complete ? [] : q.units.filter((_, i) => s.match.units[i] === 'no').map((u) => u.text),
    excerpt: excerpt(c.text, q, 30, bodyStart),
  };
}

/** Rows of a Pagefind answer, in its order (ids the catalogue does not know are dropped). */
function rowsOf(index: ArchiveIndex, res: PagefindResponse | null): number[] {
  const rows: number[] = [];
  for (const r of res?.results ?? []) {
    const row = index.rowOf.get(r.id);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/**
 * What the index is asked for one unit of a query: alternatives, any of which proposes a
 * directive (null: the unit is made only of syllables most directives contain, checked on the
 * text instead; their postings are the largest files a query could fetch).
 */
export function unitQueries(u: QueryUnit, common: ReadonlySet<string>): string[] | null {
  const rare = (words: { fold: string }[]): string | null => {
    const r = [...new Set(words.map((w) => w.fold))].filter((f) => !common.has(f));
    return r.length ? r.join(' ') : null;
  };
  const alts: string[] = [];
  // (the directive's own number is looked up in the numbers file, exactly, not asked of the index)
  if (u.number) alts.push(citeQueryToken(u.number));
  if (u.variant) alts.push(variantToken(u.variant));
  if (u.kind === 'word' || u.kind === 'phrase' || u.kind === 'province') {
    const w = rare(u.words);
    if (w === null && u.kind !== 'province') return null;
    if (w) alts.push(w);
  }
  return alts;
}

/**
 * Every term the index is asked for a query: the page has Pagefind fetch these chunks while
 * it opens the catalogue, and while someone types.
 */
export function indexQueries(q: ParsedQuery, common: ReadonlySet<string>): string[] {
  return [...new Set(q.units.flatMap((u) => unitQueries(u, common) ?? []))];
}

export async function searchArchive(
  index: ArchiveIndex,
  state: SearchState,
  opts: EngineOptions = {},
): Promise<SearchOutcome> {
  const { pf, catalogue, pages } = index;
  const window = opts.window ?? 12;
  const pageSize = opts.pageSize ?? 10;
  const verify = opts.verify ?? 48;
  const q = parseQuery(state.q);
  const filters: Filters = state.filters;
  const passes = catalogue.matcher(filters);
  const dateSort = state.sort === 'oldest' ? 'asc' : 'desc';
  // Every directive loaded is checked against its catalogue row: were Pagefind ever to list its
  // pages in another order, searching stops with an error instead of mislabelling results.
  const loadRow = async (row: number, rank: number): Promise<Loaded> => {
    const c = await load(pages[row]!, rank, row);
    if (c.province !== catalogue.value('province', row) || c.date !== catalogue.date(row)) {
      throw new Error(`Search catalogue row ${row} does not match ${c.url}; rebuild the site`);
    }
    return c;
  };
  const empty = { citing: [], partial: [], partialTotal: 0, partialExact: true, missingNumber: null };

  // Letters or digits typed, but none: punctuation or emoji only. Ask for words, list nothing.
  if (q.terms.length === 0 && q.text !== '') {
    const counts = catalogue.counts(catalogue.all(), filters);
    return {
      query: q,
      needsWords: true,
      items: [],
      total: 0,
      exact: true,
      ...empty,
      counts,
      countAll: async () => true,
      loadMore: async () => [],
      hasMore: () => false,
    };
  }

  // Browsing: no words, only filters (or nothing): everything, newest first unless asked otherwise.
  if (q.terms.length === 0) {
    const all = catalogue.allByDate(dateSort).filter(passes);
    let shown = 0;
    const page = async (): Promise<ResultItem[]> => {
      const slice = all.slice(shown, shown + pageSize);
      shown += slice.length;
      const loaded = await Promise.all(slice.map((row, i) => loadRow(row, i)));
      return loaded.map((c) => toItem(rankAll(q, [c])[0]!, q));
    };
    const items = await page();
    const counts = catalogue.counts(catalogue.all(), filters);
    return {
      query: q,
      needsWords: false,
      items,
      total: all.length,
      exact: true,
      ...empty,
      counts,
      countAll: async () => true,
      loadMore: page,
      hasMore: () => shown < all.length,
    };
  }

  // Candidates, unit by unit: what the index proposes for each (any alternative), and for a
  // province also the catalogue's directives of it and of the provinces merged into it in 2025.
  const searches = new Map<string, Promise<number[]>>();
  const ask = (term: string): Promise<number[]> => {
    let p = searches.get(term);
    if (!p) searches.set(term, (p = pf.search(term).then((r) => rowsOf(index, r))));
    return p;
  };
  // The directives carrying the number asked for, from the numbers file: exact, archive-wide.
  // (fetched beside the index's answers, not before them)
  const numberUnit = q.units.find((u) => u.kind === 'number' && u.number);
  const numbersP: Promise<readonly string[]> = numberUnit ? index.numbers() : Promise.resolve([]);
  const ownP = numbersP.then((list) => {
    const rows: number[] = [];
    if (numberUnit) list.forEach((n, row) => n && numberMatches(numberUnit.number!, n) && rows.push(row));
    return rows;
  });
  // Per unit, the rows the index proposes (null: any), and those proven to match the unit
  // without reading their text: a province by the catalogue, a number by the numbers file, a
  // variant by its token (a word no text contains otherwise). Words are only proposed: their
  // folded prefixes ("gian" for giãn, giang) are checked on the text.
  const queries = q.units.map((u) => unitQueries(u, catalogue.common));
  // Units asked with one token each (a word, a phrase's words, a variant) go to the index in
  // one search, which answers only the directives holding them all: a broad word's thousands
  // of postings are not turned into results. The others (numbers, provinces) are asked apart.
  const simple = q.units.map((u, i) => !u.number && !u.province && queries[i] !== null && queries[i]!.length === 1);
  const absentVariant = q.units.some((u, i) => simple[i] && u.variant && catalogue.variantCount(u.variant) === 0);
  const together = [...new Set(q.units.flatMap((_, i) => (simple[i] ? queries[i]! : [])))];
  const togetherP: Promise<number[] | null> = absentVariant
    ? Promise.resolve([])
    : together.length
      ? ask(together.join(' '))
      : Promise.resolve(null);
  const perUnit = await Promise.all(
    q.units.map(async (u, i): Promise<{ rows: number[] | null; known: Set<number> | null }> => {
      const alts = queries[i]!;
      if (alts === null || simple[i]) return { rows: null, known: null };
      const [lists, own] = await Promise.all([Promise.all(alts.map(ask)), u.number ? ownP : Promise.resolve([])]);
      let known: Set<number> | null = null;
      const rows: number[] = [];
      // a variant's token answers exactly when it lists as many directives as hold it, and
      // nothing when none does (Pagefind would answer with the nearest tokens it has)
      const variantAt = u.variant ? alts.indexOf(variantToken(u.variant)) : -1;
      if (variantAt >= 0 && catalogue.variantCount(u.variant!) === 0) lists[variantAt] = [];
      const variantExact = variantAt >= 0 && lists[variantAt]!.length === catalogue.variantCount(u.variant!);
      if (u.number) {
        known = new Set(own);
        rows.push(...own);
      } else if (u.variant && variantExact) known = new Set(lists[variantAt]!);
      if (u.province) {
        const here = new Set(provincesNowIn(u.province));
        const mine = catalogue.allByDate(dateSort).filter((row) => here.has(catalogue.value('province', row)));
        // its own directives first (newest first), then those that name it
        rows.push(...mine);
        known = new Set([...(known ?? []), ...mine]);
      }
      for (const l of lists) rows.push(...l);
      return { rows: [...new Set(rows)], known };
    }),
  );
  const togetherRows = await togetherP;
  // Every directive the one search answers holds each variant token asked (a token the index
  // holds is matched exactly: no group's token starts another's).
  const togetherSet = togetherRows ? new Set(togetherRows) : null;
  q.units.forEach((u, i) => {
    if (simple[i] && u.variant && togetherSet && !absentVariant) perUnit[i] = { rows: null, known: togetherSet };
  });
  const numbers = await numbersP;
  const ownRows = await ownP;
  performance.mark('search:index');
  const apart = perUnit.map((u) => u.rows).filter((r): r is number[] => r !== null);
  const restricted = togetherRows ? [togetherRows, ...apart] : apart;
  const knownFull = (row: number): boolean => perUnit.every((u) => u.known !== null && u.known.has(row));
  const sets = restricted.map((r) => new Set(r));
  let fullCandidates: number[];
  if (restricted.length === 0) fullCandidates = [...catalogue.allByDate(dateSort)];
  else {
    // in the order of the unit asked apart with the fewest answers, else of the one search
    const order = apart.length ? apart.reduce((a, b) => (b.length < a.length ? b : a)) : togetherRows!;
    fullCandidates = order.filter((row) => sets.every((s) => s.has(row)));
  }
  const fullAll = fullCandidates;
  fullCandidates = fullCandidates.filter(passes);
  if (state.sort !== 'relevance') fullCandidates = catalogue.byDate(fullCandidates, dateSort);
  // The directives carrying the number asked for come first, whatever else the index says.
  const ownFirst = ownRows.filter(passes).slice(0, 20);
  const inFull = new Set(fullCandidates);
  // Partial: proposed for some units but not all, those proposed for most first. Asked unit by
  // unit only when the found ones leave room on the page.
  const hits = new Map<number, number>();
  if (q.units.length > 1 && fullCandidates.length + ownFirst.length < pageSize) {
    const each = await Promise.all(
      q.units.map(async (u, i) => {
        if (!simple[i]) return perUnit[i]!.rows;
        if (u.variant && catalogue.variantCount(u.variant) === 0) return [];
        return ask(queries[i]![0]!);
      }),
    );
    for (const rows of each)
      if (rows) for (const row of new Set(rows)) if (!inFull.has(row)) hits.set(row, (hits.get(row) ?? 0) + 1);
  }
  const partialCandidates = [...hits.keys()].filter(passes).sort((a, b) => hits.get(b)! - hits.get(a)!);
  const pool = [...new Set([...ownFirst, ...fullCandidates, ...partialCandidates])];
  const poolFull = new Set([...ownFirst, ...fullCandidates]);

  // Checked on the text, a window at a time, until a page of found directives is there (or the
  // budget of the first page is spent); what is left is checked on "more", or counted after
  // the first page is shown (countAll).
  const found: Scored<Loaded>[] = [];
  const citing: Scored<Loaded>[] = [];
  const partial: Scored<Loaded>[] = [];
  const loaded = new Set<number>();
  let at = 0;
  const loadRows = async (rows: number[]): Promise<void> => {
    for (const row of rows) loaded.add(row);
    const got = await Promise.all(rows.map((row) => loadRow(row, pool.indexOf(row))));
    for (const s of rankAll(q, got)) {
      if (s.complete && s.match.citesOnly) citing.push(s);
      else if (s.complete) found.push(s);
      else if (s.match.matched > 0 && q.units.length > 1) partial.push(s);
    }
  };
  const step = async (n: number): Promise<void> => {
    const rows: number[] = [];
    while (rows.length < n && at < pool.length) {
      const row = pool[at++]!;
      if (!loaded.has(row)) rows.push(row);
    }
    await loadRows(rows);
  };
  const fullLeft = (): boolean => pool.slice(at).some((row) => poolFull.has(row) && !loaded.has(row));
  // found without reading: proven by the index and the catalogue, not yet loaded
  const provenLeft = (): number => fullCandidates.filter((row) => !loaded.has(row) && knownFull(row)).length;
  const unknownLeft = (): number[] => [...poolFull].filter((row) => !loaded.has(row) && !knownFull(row));
  const size = q.phrases.length ? window * 2 : window;
  await step(Math.max(size, ownFirst.length));
  // (directives citing the number asked for fill the page too: they are listed after)
  const listed = (): number => found.length + citing.length;
  // Each step is a round trip for the fragments: the next one is sized by how many of those
  // checked so far matched, so a page usually takes one or two.
  for (let round = 0; round < 3 && loaded.size < verify && listed() < pageSize && fullLeft(); round++) {
    const rate = Math.max(listed() / Math.max(loaded.size, 1), 0.15);
    await step(Math.min(Math.max(Math.ceil((pageSize - listed()) / rate), window), verify - loaded.size));
  }
  // Nothing found yet among what was checked: look further before saying "not found".
  while (listed() === 0 && fullLeft() && loaded.size < verify * 4) await step(verify);
  // A page with room left shows partial matches after the found ones: check a few of them.
  if (listed() < pageSize && partial.length < pageSize && at < pool.length && loaded.size < verify + window)
    await step(window);
  performance.mark('search:loaded');

  const sortFound = (): void => {
    found.sort((a, b) =>
      state.sort === 'relevance'
        ? Number(b.numberMatch) - Number(a.numberMatch) ||
          b.score - a.score ||
          a.candidate.indexRank - b.candidate.indexRank
        : a.candidate.date === b.candidate.date
          ? a.candidate.indexRank - b.candidate.indexRank
          : (a.candidate.date < b.candidate.date ? -1 : 1) * (dateSort === 'asc' ? 1 : -1),
    );
  };
  sortFound();
  citing.sort((a, b) => b.score - a.score);
  partial.sort((a, b) => b.match.matched - a.match.matched || b.score - a.score);

  // A number nobody carries: say so, and offer the nearest numbers of that issuer (and year).
  let missingNumber: MissingNumber | null = null;
  if (numberUnit && q.number && ownRows.length === 0) {
    const year = q.year ?? (filters.year?.length === 1 ? filters.year[0]! : null);
    const rows = nearestNumbers(
      q.number,
      numbers,
      year ? (row) => catalogue.date(row).startsWith(year) : () => true,
      5,
    );
    const near = await Promise.all(rows.map((row, i) => loadRow(row, i)));
    missingNumber = {
      number: numberUnit.words.length
        ? q.text.slice(numberUnit.words[0]!.start, numberUnit.words.at(-1)!.end)
        : numberUnit.text,
      nearest: near.map((c) => ({
        number: c.number ?? '',
        url: c.url,
        title: c.title,
        province: c.province ?? '',
        date: c.date,
      })),
    };
  }

  // Shown once each: checking more can find directives that rank above those already shown.
  const shownRows = new Set<number>();
  const take = (): Scored<Loaded>[] => {
    const next = found.filter((s) => !shownRows.has(s.candidate.row)).slice(0, pageSize);
    for (const s of next) shownRows.add(s.candidate.row);
    return next;
  };
  const items = take().map((s) => toItem(s, q));
  const more = async (): Promise<ResultItem[]> => {
    while (found.length < shownRows.size + pageSize && fullLeft()) await step(window);
    citing.sort((a, b) => b.score - a.score);
    sortFound();
    return take().map((s) => toItem(s, q));
  };
  // Per filter value, how many directives: the found ones when all were checked and no filter
  // hides any; else what the index proposes before the filters (each lifted in turn), a guide
  // for narrowing down, never shown as "found".
  const noFilter = !filtered(state);
  const exact = (): boolean => unknownLeft().length === 0;
  const foundRows = (): number[] => [
    ...found.map((s) => s.candidate.row),
    ...fullCandidates.filter((row) => !loaded.has(row) && knownFull(row)),
  ];
  // (a proposal already checked and found not to match is not counted)
  const countsNow = (): FacetCounts => {
    if (noFilter && exact()) return catalogue.counts(foundRows(), filters);
    const yes = new Set(found.map((f) => f.candidate.row));
    const rows = [...new Set([...ownRows.slice(0, 20), ...fullAll])].filter((row) => !loaded.has(row) || yes.has(row));
    return catalogue.counts(rows, filters);
  };
  let counts = countsNow();
  const outcome: SearchOutcome = {
    query: q,
    needsWords: false,
    items,
    get total() {
      return found.length + provenLeft();
    },
    get exact() {
      return exact();
    },
    get citing() {
      return citing.map((s) => toItem(s, q));
    },
    get partial() {
      partial.sort((a, b) => b.match.matched - a.match.matched || b.score - a.score);
      return partial.slice(0, pageSize).map((s) => toItem(s, q));
    },
    get partialTotal() {
      return partial.length;
    },
    get partialExact() {
      return pool.every((row) => loaded.has(row) || poolFull.has(row));
    },
    missingNumber,
    get counts() {
      return counts;
    },
    countAll: async (limit = 200): Promise<boolean> => {
      const rows = unknownLeft();
      if (rows.length === 0) return true;
      if (rows.length > limit) return false;
      for (let i = 0; i < rows.length; i += 24) await loadRows(rows.slice(i, i + 24));
      sortFound();
      citing.sort((a, b) => b.score - a.score);
      counts = countsNow();
      return true;
    },
    loadMore: more,
    hasMore: () => shownRows.size < found.length + provenLeft() || fullLeft(),
  };
  return outcome;
}
