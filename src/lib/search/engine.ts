/**
 * The archive's search: asks the Pagefind index for the words (folded query, number token),
 * filters, counts and orders by date with the catalogue (src/lib/search/catalogue.ts), merges
 * the candidates, re-ranks them on their text (src/lib/search/rank.ts) and returns
 * display-ready results. Works against a minimal Pagefind-like interface, so it runs the same
 * in the browser and in tests.
 */
import { Catalogue, type CatalogueFile, type FacetCounts, type Filters } from './catalogue.ts';
import { excerpt, type Segment } from './excerpt.ts';
import {
  CITED_NUMBER_PREFIX,
  citeQueryToken,
  numberMatches,
  OWN_NUMBER_PREFIX,
  provincesNowIn,
  typeCode,
  typeOfCode,
} from './intent.ts';
import { nearestNumbers } from './numbers.ts';
import { parseQuery, type ParsedQuery, type QueryUnit } from './query.ts';
import { prepare, rankAll, scoreAll, type Candidate, type Prepared, type Scored } from './rank.ts';
import { filtered, type SearchState } from './url-state.ts';
import { VARIANT_PREFIX, variantToken } from '../vietnamese-variants.ts';

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
  file: CatalogueFile | Catalogue,
  loadNumbers: () => Promise<readonly string[]> = async () => [],
): Promise<ArchiveIndex> {
  // (the page reads the catalogue before the index opens, to preload the first query's chunks)
  const catalogue = file instanceof Catalogue ? file : new Catalogue(file);
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
  /** what the nearest share with it: type and issuer codes ("CV/TU"), type ("công văn 2621"), nothing ("số 2621") */
  scope: { kind: 'issuer' } | { kind: 'type'; docType: string } | { kind: 'serial' };
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
  /** how many candidates were read and checked on their text so far */
  checked: number;
  /** how many candidates the index proposed that are neither checked nor proven (0 when `exact`) */
  unchecked: number;
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
   * is then exact. When more are left: checks nothing if some were found, else the next `limit`
   * (a first match is worth looking for). Resolves whether `total` is now exact.
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

/** What the query plan needs of the catalogue. */
export type IndexStats = Pick<Catalogue, 'common' | 'size' | 'variantCount'>;

/**
 * A variant group most directives spell ("vắc xin", "Covid" in a COVID archive), on the rule
 * of the common syllables (src/lib/search/indexer.ts: more than half of a large archive's
 * directives). Its token's postings cost as much as a common word's and narrow nothing.
 */
export function broadVariant(catalogue: IndexStats, id: string): boolean {
  return catalogue.common.size > 0 && catalogue.variantCount(id) > catalogue.size / 2;
}

/**
 * Per unit, what the index is asked (null: nothing, checked on the text). A broad variant
 * (broadVariant) is checked on the text too when the query has a word: its token would prove
 * the variant, but the words have to be read anyway, so it would only cost time. A query of
 * variants only still asks for them: the index then proves every unit, and counts exactly.
 */
export function queryPlan(
  q: ParsedQuery,
  common: ReadonlySet<string>,
  broad: (variant: string) => boolean = () => false,
): (string[] | null)[] {
  const hasWord = q.units.some((u) => u.kind === 'word' || u.kind === 'phrase');
  return q.units.map((u) =>
    hasWord && u.kind === 'variant' && u.variant && broad(u.variant) ? null : unitQueries(u, common),
  );
}

/**
 * Every term the index is asked for a query, as Pagefind is asked it (asked()): the page has
 * Pagefind fetch these chunks while it opens the catalogue, and while someone types.
 */
export function indexQueries(q: ParsedQuery, stats: IndexStats): string[] {
  const plan = queryPlan(q, stats.common, (v) => broadVariant(stats, v));
  return [...new Set(plan.flatMap((alts) => alts ?? []))].map(asked);
}

/**
 * Per filter value, how many directives the whole archive holds under `filters` (each lifted in
 * turn, as Catalogue.counts does); with no filter in use, counted once per catalogue.
 */
const wholeCounts = new WeakMap<Catalogue, FacetCounts>();
function archiveCounts(catalogue: Catalogue, filters: Filters, noFilter: boolean): FacetCounts {
  if (!noFilter) return catalogue.counts(catalogue.all(), filters);
  let c = wholeCounts.get(catalogue);
  if (!c) {
    c = catalogue.counts(catalogue.all(), {});
    wholeCounts.set(catalogue, c);
  }
  return c;
}

/** Counts less counts, value by value (values left at 0 are dropped, as Catalogue.counts does). */
function lessCounts(all: FacetCounts, minus: FacetCounts): FacetCounts {
  const out: FacetCounts = {};
  for (const [key, values] of Object.entries(all) as [keyof FacetCounts, Record<string, number>][]) {
    const less = minus[key] ?? {};
    const c: Record<string, number> = {};
    for (const [v, n] of Object.entries(values)) if (n - (less[v] ?? 0) > 0) c[v] = n - (less[v] ?? 0);
    out[key] = c;
  }
  return out;
}

/** At most this many directives carrying the number asked for head the candidates. */
const OWN_FIRST = 20;

/** The index-only tokens (a variant group, a cited or own number): no Vietnamese word looks like them. */
const INDEX_TOKEN = new RegExp(
  `^(?:${VARIANT_PREFIX}[a-z0-9]+|${CITED_NUMBER_PREFIX}\\d[a-z0-9]*|${OWN_NUMBER_PREFIX}\\d[a-z0-9]*)$`,
);

/**
 * What Pagefind is asked for a term: a lone index-only token in quotes, matched exactly. Unquoted,
 * an index (or a shard of it) without the token answers with the longest prefix it holds ("dc469"
 * for "dc469cvtu"): candidates that only cost fetches, since each is checked on its text.
 */
export function asked(term: string): string {
  return INDEX_TOKEN.test(term) ? `"${term}"` : term;
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
  const noFilter = !filtered(state);
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
  const empty = {
    citing: [],
    partial: [],
    partialTotal: 0,
    partialExact: true,
    missingNumber: null,
    unchecked: 0,
  };

  // Letters or digits typed, but none: punctuation or emoji only. Ask for words, list nothing.
  if (q.terms.length === 0 && q.text !== '') {
    const counts = archiveCounts(catalogue, filters, noFilter);
    return {
      query: q,
      needsWords: true,
      items: [],
      total: 0,
      exact: true,
      checked: 0,
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
    const counts = archiveCounts(catalogue, filters, noFilter);
    return {
      query: q,
      needsWords: false,
      items,
      total: all.length,
      exact: true,
      get checked() {
        return shown;
      },
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
    if (!p) {
      p = pf.search(asked(term)).then((r) => rowsOf(index, r));
      searches.set(term, p);
    }
    return p;
  };
  // The directives carrying the number asked for, from the numbers file: exact, archive-wide.
  // (fetched beside the index's answers, not before them)
  const numberUnit = q.units.find((u) => u.kind === 'number' && u.number);
  const numbersP: Promise<readonly string[]> = numberUnit ? index.numbers() : Promise.resolve([]);
  const ownP = numbersP.then((list) => {
    const rows: number[] = [];
    if (numberUnit)
      list.forEach((n, row) => {
        if (n && numberMatches(numberUnit.number!, n, catalogue.value('docType', row))) rows.push(row);
      });
    return rows;
  });
  // A province's own directives (and those of the provinces merged into it in 2025), newest
  // first; read once per province (the candidates and the partial matches both ask).
  const byProvince = new Map<string, number[]>();
  const provinceRows = (province: string): number[] => {
    let rows = byProvince.get(province);
    if (!rows) {
      const here = new Set(provincesNowIn(province));
      rows = catalogue.allByDate(dateSort).filter((row) => here.has(catalogue.value('province', row)));
      byProvince.set(province, rows);
    }
    return rows;
  };
  const lone = q.units.length === 1 && q.units[0]!.province ? provinceRows(q.units[0]!.province) : null;

  // The candidates' texts, fetched ahead of their check (each is a request).
  const fetched = new Map<number, Promise<Loaded>>();
  const fetchRow = (row: number): Promise<Loaded> => {
    let p = fetched.get(row);
    if (!p) {
      p = loadRow(row, 0);
      p.catch(() => {}); // reported where the row is checked
      fetched.set(row, p);
    }
    return p;
  };
  const size = q.phrases.length ? window * 2 : window;
  // Per unit, the rows the index proposes (null: any), and those proven to match the unit
  // without reading their text: a province by the catalogue, a number by the numbers file, a
  // variant by its token (a word no text contains otherwise). Words are only proposed: their
  // folded prefixes ("gian" for giãn, giang) are checked on the text.
  const queries = queryPlan(q, catalogue.common, (v) => broadVariant(catalogue, v));
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
  // A province alone, by relevance, with a window of its own directives: they head its
  // candidates and match for certain, so they alone make its first page, whatever the index
  // answers. That page is made first, with the index not yet asked: its search would hold the
  // texts back on a phone's one busy thread. The index's answer (the directives naming the
  // province) then joins the candidates, for the count and "more".
  const ownHead = lone && state.sort === 'relevance' ? lone.filter(passes) : null;
  const early = ownHead !== null && ownHead.length >= size;
  const askUnits = () =>
    Promise.all(
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
          const mine = provinceRows(u.province);
          // its own directives first (newest first), then those that name it
          rows.push(...mine);
          known = new Set([...(known ?? []), ...mine]);
        }
        for (const l of lists) rows.push(...l);
        return { rows: [...new Set(rows)], known };
      }),
    );
  const perUnitP = early ? null : askUnits();
  // The rows sure to head the candidates are fetched while the index searches (its wait is the
  // longest of a search): the directives carrying the number asked for, which always come
  // first, and for a province alone its own directives, which its candidates start with. Asked
  // for in a task of their own, after the index's requests (on HTTP/1.1 they would queue behind);
  // a province's first page made first (below) asks the index nothing before them.
  setTimeout(() => {
    void ownP.then((rows) =>
      rows
        .filter(passes)
        .slice(0, OWN_FIRST)
        .forEach((row) => void fetchRow(row)),
    );
    if (ownHead) for (const row of ownHead.slice(0, size)) void fetchRow(row);
  }, 0);
  // (a province's first page made first: its own directives, as if the index named it nowhere else)
  const perUnit = perUnitP ? await perUnitP : [{ rows: lone!, known: new Set(lone) }];
  const togetherRows = await togetherP;
  // Every directive the one search answers holds each variant token asked (a token the index
  // holds is matched exactly: no group's token starts another's).
  const togetherSet = togetherRows && q.units.some((u, i) => simple[i] && u.variant) ? new Set(togetherRows) : null;
  q.units.forEach((u, i) => {
    if (simple[i] && u.variant && togetherSet && !absentVariant) perUnit[i] = { rows: null, known: togetherSet };
  });
  const numbers = await numbersP;
  const ownRows = await ownP;
  performance.mark('search:index');
  const apart = perUnit.map((u) => u.rows).filter((r): r is number[] => r !== null);
  const restricted = togetherRows ? [togetherRows, ...apart] : apart;
  let fullCandidates: number[];
  if (restricted.length === 0) fullCandidates = catalogue.allByDate(dateSort) as number[];
  // (one list: its own order, every row in it; a broad word's thousands need no set)
  else if (restricted.length === 1) fullCandidates = restricted[0]!;
  else {
    const sets = restricted.map((r) => new Set(r));
    // in the order of the unit asked apart with the fewest answers, else of the one search
    const order = apart.length ? apart.reduce((a, b) => (b.length < a.length ? b : a)) : togetherRows!;
    fullCandidates = order.filter((row) => sets.every((s) => s.has(row)));
  }
  let fullAll = fullCandidates;
  fullCandidates = fullCandidates.filter(passes);
  if (state.sort !== 'relevance') fullCandidates = catalogue.byDate(fullCandidates, dateSort);
  // The directives carrying the number asked for come first, whatever else the index says.
  const ownFirst = ownRows.filter(passes).slice(0, OWN_FIRST);
  let fullPool = ownFirst.length ? [...new Set([...ownFirst, ...fullCandidates])] : fullCandidates;
  // (every unit proven is rare: a province, a number, variants; words are only proposed)
  const provable = perUnit.every((u) => u.known !== null);
  const knownFull = (row: number): boolean => provable && perUnit.every((u) => u.known!.has(row));
  const first = Math.max(size, ownFirst.length);

  // The first window is asked for now, while the index is asked for the partial matches.
  for (const row of fullPool.slice(0, first)) void fetchRow(row);
  // Per filter value, how many directives: the found ones when all were checked and no filter
  // hides any; else what the index proposes before the filters (each lifted in turn), less those
  // checked and found not to match: a guide for narrowing down, never shown as "found". Made
  // when first read (the page shows them after the results), again after counting.
  const ownTop = ownRows.slice(0, OWN_FIRST);
  let proposed = ownTop.length ? [...new Set([...ownTop, ...fullAll])] : fullAll;
  let proposedSet: Set<number> | null | undefined;
  let proposedCount: FacetCounts | null = null;
  const proposedCounts = (): FacetCounts => {
    proposedCount ??=
      proposed.length === catalogue.size
        ? archiveCounts(catalogue, filters, noFilter)
        : catalogue.counts(proposed, filters);
    return proposedCount;
  };

  // Partial: proposed for some units but not all, those proposed for most first. Asked unit by
  // unit only when the found ones leave room on the page.
  let partialCandidates: number[] = [];
  if (q.units.length > 1 && fullPool.length < pageSize) {
    const each = await Promise.all(
      q.units.map(async (u, i) => {
        if (!simple[i]) return perUnit[i]!.rows;
        if (u.variant && catalogue.variantCount(u.variant) === 0) return [];
        return ask(queries[i]![0]!);
      }),
    );
    const inFull = new Set(fullPool);
    const hits = new Map<number, number>();
    for (const rows of each)
      if (rows) for (const row of new Set(rows)) if (!inFull.has(row)) hits.set(row, (hits.get(row) ?? 0) + 1);
    // A province named in the query is what the search is about: its own directives proposed
    // for another unit as well come first (a journalist asks what that province ordered).
    const place = new Set(q.units.flatMap((u) => (u.province ? provinceRows(u.province) : [])));
    const placeFirst = (row: number): number => (place.has(row) && hits.get(row)! > 1 ? 1 : 0);
    partialCandidates = [...hits.keys()]
      .filter(passes)
      .sort((a, b) => placeFirst(b) - placeFirst(a) || hits.get(b)! - hits.get(a)!);
  }
  // Candidates by position: the full ones (proposed for every unit) first, then the partial ones.
  let pool = partialCandidates.length ? [...fullPool, ...partialCandidates] : fullPool;
  let fullSize = fullPool.length;
  performance.mark('search:candidates');

  // Checked on the text in the candidates' order, each as soon as its text is there, until a
  // page of found directives is there (or the budget of the first page is spent); what is left
  // is checked on "more", or counted after the first page is shown (countAll). Which candidates
  // are checked depends only on what the checks find, never on which text arrives first: the
  // same query gives the same page.
  const found: Scored<Loaded>[] = [];
  const citing: Scored<Loaded>[] = [];
  const partial: Scored<Loaded>[] = [];
  /** pool positions checked */
  const checked = new Set<number>();
  // checked, not yet scored: a batch's word pairs are weighed among the candidates checked with it
  let pending: Prepared<Loaded>[] = [];
  // Full candidates proven (found without reading) and those neither proven nor checked: the
  // count is exact when none of the latter is left. Counted, not listed: a broad query has
  // thousands of candidates, and a page checks a dozen.
  let proven = 0;
  let unknown = fullSize;
  if (provable) {
    unknown = 0;
    for (let i = 0; i < fullSize; i++) {
      if (!knownFull(fullPool[i]!)) unknown++;
      else if (i >= ownFirst.length || fullCandidates.includes(fullPool[i]!)) proven++;
    }
  }
  const isProven = (i: number): boolean => provable && knownFull(pool[i]!);
  let foundN = 0;
  let listedN = 0; // found, and citing the number asked for: both fill the page
  let partialN = 0;
  let fullChecked = 0;
  let fullListed = 0;
  // (derived from what was checked: every check adds one position to `checked`)
  const fullUnchecked = (): number => fullSize - fullChecked;
  const otherUnchecked = (): number => pool.length - fullSize - (checked.size - fullChecked);
  const check = (i: number, c: Loaded): void => {
    checked.add(i);
    const full = i < fullSize;
    if (full) {
      fullChecked++;
      if (!isProven(i)) unknown--;
      else if (i >= ownFirst.length || fullCandidates.includes(pool[i]!)) proven--;
    }
    c.indexRank = i;
    const p = prepare(q, c);
    pending.push(p);
    if (p.match.full) {
      listedN++;
      if (!p.match.citesOnly) foundN++;
      if (full) fullListed++;
    } else if (p.match.matched > 0 && q.units.length > 1) partialN++;
  };
  const settle = (): void => {
    if (!pending.length) return;
    for (const s of scoreAll(q, pending)) {
      if (s.complete && s.match.citesOnly) citing.push(s);
      else if (s.complete) found.push(s);
      else if (s.match.matched > 0 && q.units.length > 1) partial.push(s);
    }
    pending = [];
  };
  // The share of the full candidates checked so far that matched (before any check: most, as a
  // candidate holds every word the index was asked), never less than 0.15.
  const rate = (): number => Math.max((fullListed + 4) / (fullChecked + 5), 0.15);
  // How many candidates from pool position `from` on to fetch for `need` more matches: the mean
  // number it takes at that rate plus one standard deviation, as a fetch decided late costs a
  // round trip while the page waits; never more than two windows at once. Proven candidates
  // match for certain (a province's own directives): no margin is fetched for them.
  const expected = (need: number, from: number): number => {
    if (need <= 0) return 0;
    let sure = 0;
    while (sure < need && from + sure < fullSize && isProven(from + sure)) sure++;
    const r = rate();
    const rest = need - sure;
    return Math.min(sure + Math.ceil((rest + Math.sqrt(rest * (1 - r))) / r), 2 * window);
  };
  // Whether a page of matches looks within reach of the checks left in the budget.
  const reachable = (left: number): boolean => (pageSize - listedN) / rate() <= left;
  /**
   * Checks the candidates at `positions` (pool positions, ascending) from index `from` on while
   * `more()` holds, each as soon as its text is there, with the next `ahead()` unchecked ones
   * fetched meanwhile; returns the index where it stopped.
   */
  const verifyAt = async (
    positions: (k: number) => number | undefined,
    from: number,
    more: () => boolean,
    ahead: () => number,
  ): Promise<number> => {
    let k = from;
    for (let i = positions(k); i !== undefined && more(); i = positions(k)) {
      if (checked.has(i)) {
        k++;
        continue;
      }
      let want = Math.max(ahead(), 1);
      for (let j = k, at = positions(j); at !== undefined && want > 0; at = positions(++j)) {
        if (checked.has(at)) continue;
        void fetchRow(pool[at]!);
        want--;
      }
      const c = await fetchRow(pool[i]!);
      k++;
      if (!checked.has(i)) check(i, c);
    }
    return k;
  };
  const inPool = (k: number): number | undefined => (k < pool.length ? k : undefined);
  // One check at a time: "more", counting and looking further share the candidates' order.
  let queue: Promise<unknown> = Promise.resolve();
  // (the index's answer, when the first page did not wait for it: every later check waits)
  let indexIn: Promise<void> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => indexIn).then(task);
    queue = run.catch(() => {});
    return run;
  };
  let cursor = 0;
  // The first page: at least the first window (the best of more than a page is ranked), then
  // on until a page is found, the budget is spent, or the matches so far say a page is out of
  // its reach: then the page shows what it has (found and partial matches, saying how far the
  // check went) and looks further after (countAll), instead of holding the page back.
  const budget = Math.max(verify, first);
  cursor = await verifyAt(
    inPool,
    cursor,
    () =>
      checked.size < first ||
      (fullUnchecked() > 0 && listedN < pageSize && checked.size < verify && reachable(budget - checked.size)),
    // (checked in order from the first: the unchecked ones start at checked.size)
    () => Math.min(Math.max(first - checked.size, expected(pageSize - listedN, checked.size)), budget - checked.size),
  );
  // A page with room left shows partial matches after the found ones: check a few of them.
  if (listedN < pageSize && partialN < pageSize && cursor < pool.length && checked.size < verify + window) {
    const until = checked.size + window;
    cursor = await verifyAt(
      inPool,
      cursor,
      () => checked.size < until,
      () => until - checked.size,
    );
  }
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
  let partialItems: ResultItem[] | null = null;
  // the named province's own directives that match something more of the query come first
  const ownPlace = (s: Scored<Loaded>): number =>
    s.match.matched > 1 && s.match.units.some((m) => m === 'province' || m === 'successor') ? 1 : 0;
  const sortAll = (): void => {
    settle();
    partialItems = null;
    sortFound();
    citing.sort((a, b) => b.score - a.score);
    partial.sort((a, b) => ownPlace(b) - ownPlace(a) || b.match.matched - a.match.matched || b.score - a.score);
  };
  sortAll();

  // A number nobody carries: say so, and offer the nearest numbers of that issuer (and year).
  let missingNumber: MissingNumber | null = null;
  if (numberUnit && q.number && ownRows.length === 0) {
    const year = q.year ?? (filters.year?.length === 1 ? filters.year[0]! : null);
    const rows = nearestNumbers(
      q.number,
      numbers,
      year ? (row) => catalogue.date(row).startsWith(year) : () => true,
      5,
      (row) => typeCode(catalogue.value('docType', row)),
    );
    const named = q.number.codes.length === 1 ? typeOfCode(q.number.codes[0]!) : null;
    const near = await Promise.all(rows.map((row, i) => loadRow(row, i)));
    missingNumber = {
      number: numberUnit.words.length
        ? q.text.slice(numberUnit.words[0]!.start, numberUnit.words.at(-1)!.end)
        : numberUnit.text,
      scope: named ? { kind: 'type', docType: named } : q.number.codes.length ? { kind: 'issuer' } : { kind: 'serial' },
      nearest: near.map((c) => ({
        number: c.number ?? '',
        url: c.url,
        title: c.title,
        province: c.province ?? '',
        date: c.date,
      })),
    };
  }

  // Each result made once (its excerpt is the costly part), however often the lists are read.
  const itemOf = new Map<Scored<Loaded>, ResultItem>();
  const item = (s: Scored<Loaded>): ResultItem => {
    let it = itemOf.get(s);
    if (!it) {
      it = toItem(s, q);
      itemOf.set(s, it);
    }
    return it;
  };
  // Shown once each: checking more can find directives that rank above those already shown.
  const shownRows = new Set<number>();
  const take = (): Scored<Loaded>[] => {
    const next = found.filter((s) => !shownRows.has(s.candidate.row)).slice(0, pageSize);
    for (const s of next) shownRows.add(s.candidate.row);
    return next;
  };
  const items = take().map(item);
  performance.mark('search:excerpts');
  // "More" checks on until a page more is found, or a budget is spent (a page may then be short).
  const more = (): Promise<ResultItem[]> =>
    serial(async () => {
      const until = checked.size + verify * 4;
      cursor = await verifyAt(
        inPool,
        cursor,
        () => foundN < shownRows.size + pageSize && fullUnchecked() > 0 && checked.size < until,
        () => Math.min(expected(shownRows.size + pageSize - foundN, cursor), until - checked.size),
      );
      sortAll();
      return take().map(item);
    });
  let indexPending = early;
  const exact = (): boolean => unknown === 0 && !indexPending;
  const rowsChecked = (): Set<number> => new Set([...checked].map((i) => pool[i]!));
  // (a proposal already checked and found not to match is not counted)
  const countsNow = (): FacetCounts => {
    const read = rowsChecked();
    if (noFilter && exact()) {
      const provenRows = proven ? fullCandidates.filter((row) => !read.has(row) && knownFull(row)) : [];
      return catalogue.counts([...found.map((f) => f.candidate.row), ...provenRows], filters);
    }
    const yes = new Set(found.map((f) => f.candidate.row));
    proposedSet ??= proposed.length === catalogue.size ? null : new Set(proposed);
    const set = proposedSet;
    const rejected = [...read].filter((row) => !yes.has(row) && (!set || set.has(row)));
    return lessCounts(proposedCounts(), catalogue.counts(rejected, filters));
  };
  let counts: FacetCounts | null = null;
  if (early) {
    // The index's answer for the province alone: the directives naming it that are not its
    // own join the candidates after its own, unproven (their text is checked for the name).
    const own = perUnit[0]!.known!;
    indexIn = askUnits().then((real) => {
      const naming = real[0]!.rows!.filter((row) => !own.has(row));
      fullAll = [...fullAll, ...naming];
      proposed = fullAll;
      proposedSet = undefined;
      proposedCount = null;
      counts = null;
      const add = naming.filter(passes);
      fullCandidates = [...fullCandidates, ...add];
      pool = fullPool = fullCandidates;
      fullSize = fullPool.length;
      unknown += add.length;
      indexPending = false;
    });
    indexIn.catch(() => {}); // reported by the next check ("more", counting)
  }
  const outcome: SearchOutcome = {
    query: q,
    needsWords: false,
    items,
    get total() {
      return foundN + proven;
    },
    get exact() {
      return exact();
    },
    get checked() {
      return checked.size;
    },
    get unchecked() {
      return unknown;
    },
    get citing() {
      return citing.map(item);
    },
    get partial() {
      partialItems ??= partial.slice(0, pageSize).map(item);
      return partialItems;
    },
    get partialTotal() {
      return partialN;
    },
    get partialExact() {
      return otherUnchecked() === 0;
    },
    missingNumber,
    get counts() {
      counts ??= countsNow();
      return counts;
    },
    countAll: (limit = 200): Promise<boolean> =>
      serial(async () => {
        if (unknown === 0) return true;
        const all = unknown <= limit;
        // With more than `limit` left and none found yet, a first match is worth looking for:
        // the next `limit` candidates are checked (the count stays a lower bound).
        if (!all && listedN > 0) return false;
        const until = checked.size + limit;
        const go = (positions: (k: number) => number | undefined, from: number): Promise<number> =>
          verifyAt(
            positions,
            from,
            () => unknown > 0 && checked.size < until,
            () => Math.min(24, until - checked.size),
          );
        if (all) {
          const left: number[] = [];
          for (let i = 0; i < fullSize; i++) if (!checked.has(i) && !isProven(i)) left.push(i);
          await go((k) => left[k], 0);
        } else cursor = await go(inPool, cursor);
        sortAll();
        counts = null;
        return exact();
      }),
    loadMore: more,
    hasMore: () => shownRows.size < foundN + proven || fullUnchecked() > 0,
  };
  return outcome;
}
