/**
 * The archive's search: asks the Pagefind index for the words (folded query, number token),
 * filters, counts and orders by date with the catalogue (src/lib/search/catalogue.ts), merges
 * the candidates, re-ranks them on their text (src/lib/search/rank.ts) and returns
 * display-ready results. Works against a minimal Pagefind-like interface, so it runs the same
 * in the browser and in tests.
 */
import { Catalogue, type CatalogueFile, type FacetCounts, type Filters } from './catalogue.ts';
import { excerpt, type Segment } from './excerpt.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { rerank, type Candidate } from './rank.ts';
import type { SearchState } from './url-state.ts';

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
}

/**
 * Joins a loaded Pagefind and the catalogue file. A search with no term lists every page in
 * Pagefind's page order, which is the catalogue's row order; a different count means the two
 * files come from different builds, and searching on would attach wrong metadata to results.
 */
export async function openArchiveIndex(pf: PagefindLike, file: CatalogueFile): Promise<ArchiveIndex> {
  const catalogue = new Catalogue(file);
  const all = (await pf.search(null))?.results ?? [];
  if (all.length !== catalogue.size) {
    throw new Error(`Search catalogue lists ${catalogue.size} directives but the index has ${all.length}; rebuild the site`);
  }
  return { pf, catalogue, pages: all, rowOf: new Map(all.map((r, i) => [r.id, i])) };
}

export interface ResultItem {
  url: string;
  title: string;
  number: string | null;
  docType: string;
  date: string;
  province: string;
  issuer: string;
  excerpt: Segment[];
}

export interface SearchOutcome {
  query: ParsedQuery;
  items: ResultItem[];
  /** how many directives match in all (the shown items are the first of them) */
  total: number;
  /** the total is an upper bound: some matches were not yet checked for syllables most directives contain */
  approximate: boolean;
  /** per filter, the count of matching directives for each value */
  counts: FacetCounts;
  /** the next page of results (empty when there is none) */
  loadMore: () => Promise<ResultItem[]>;
  /** whether loadMore() may give more */
  hasMore: () => boolean;
}

export interface EngineOptions {
  /** candidates re-ranked on their text per query */
  window?: number;
  /** results per page */
  pageSize?: number;
}

interface Loaded extends Candidate {
  fragment: PagefindFragment;
  date: string;
}

async function load(r: PagefindResult, indexRank: number): Promise<Loaded> {
  const f = await r.data();
  const m = f.meta;
  const end = Number(m.textLength);
  const text = Number.isFinite(end) && end > 0 ? f.content.slice(0, end) : f.content;
  return {
    url: f.url,
    title: m.title ?? '',
    number: m.number || null,
    province: m.province ?? null,
    date: m.date ?? '',
    text,
    indexRank,
    fragment: f,
  };
}

function toItem(c: Loaded, q: ParsedQuery): ResultItem {
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
 * What the index is asked for a query: its syllables except those most directives contain
 * (those have huge postings and are checked on the text), and the number token. The page
 * also uses it to have Pagefind fetch these chunks while it opens the catalogue.
 */
export function indexQueries(
  q: ParsedQuery,
  common: ReadonlySet<string>,
): { words: string | null; number: string | null; dropped: boolean } {
  const all = q.indexQuery.split(' ').filter(Boolean);
  const rare = all.filter((t) => !common.has(t));
  return { words: rare.length ? rare.join(' ') : null, number: q.numberToken, dropped: rare.length < all.length };
}

export async function searchArchive(index: ArchiveIndex, state: SearchState, opts: EngineOptions = {}): Promise<SearchOutcome> {
  const { pf, catalogue, pages } = index;
  const window = opts.window ?? 12;
  const pageSize = opts.pageSize ?? 10;
  const q = parseQuery(state.q);
  const filters: Filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
  const passes = catalogue.matcher(filters);
  const dateSort = state.sort === 'oldest' ? 'asc' : 'desc';
  // Every directive loaded is checked against its catalogue row: were Pagefind ever to list its
  // pages in another order, searching stops with an error instead of mislabelling results.
  const loadRow = async (row: number, rank: number): Promise<Loaded> => {
    const c = await load(pages[row]!, rank);
    if (c.province !== catalogue.value('province', row) || c.date !== catalogue.date(row)) {
      throw new Error(`Search catalogue row ${row} does not match ${c.url}; rebuild the site`);
    }
    return c;
  };

  // Browsing: no words, only filters (or nothing): everything, newest first unless asked otherwise.
  if (q.terms.length === 0) {
    const everything = catalogue.all();
    const all = catalogue.allByDate(dateSort).filter(passes);
    let shown = 0;
    const page = async (): Promise<ResultItem[]> => {
      const slice = all.slice(shown, shown + pageSize);
      shown += slice.length;
      return (await Promise.all(slice.map((row, i) => loadRow(row, i)))).map((c) => toItem(c, q));
    };
    const items = await page();
    const counts = catalogue.counts(everything, filters);
    return { query: q, items, total: all.length, approximate: false, counts, loadMore: page, hasMore: () => shown < all.length };
  }

  // `dropped`: with syllables left to the text check, the index's count is an upper bound.
  const { words, number, dropped } = indexQueries(q, catalogue.common);
  const onlyCommon = q.indexQuery !== '' && words === null;
  const [mainRes, numberRes] = await Promise.all([
    words ? pf.search(words) : Promise.resolve(null),
    number ? pf.search(number) : Promise.resolve(null),
  ]);
  // Only common syllables: candidates are all directives, newest first, ranked on their text.
  const matchedAll = onlyCommon ? [...catalogue.allByDate(dateSort)] : rowsOf(index, mainRes);
  const numberAll = rowsOf(index, numberRes);
  let matched = matchedAll.filter(passes);
  if (state.sort !== 'relevance' && !onlyCommon) matched = catalogue.byDate(matched, dateSort);
  // A named province: its directives join the candidates even when the index ranks them low;
  // a query that is only the province's name takes them straight from the catalogue.
  const province = q.provinces[0];
  const pureProvince = !!province && q.terms.every((_, i) => i >= province.from && i < province.to);
  let provinceAll: number[] = [];
  let inProvince: number[] = [];
  if (province && (!filters.province || filters.province === province.province)) {
    const own = (row: number): boolean => catalogue.value('province', row) === province.province;
    provinceAll = pureProvince ? catalogue.allByDate(dateSort).filter(own) : [];
    inProvince = (pureProvince ? provinceAll : matched).filter((row) => own(row) && passes(row));
  }

  // Phrases are checked on the text, so a quoted query looks at more candidates.
  const size = q.phrases.length ? window * 3 : window;
  const order: number[] = [];
  const seen = new Set<number>();
  const add = (rows: number[], n: number): void => {
    for (const row of rows.slice(0, n)) if (!seen.has(row)) (seen.add(row), order.push(row));
  };
  add(numberAll.filter(passes), 5);
  if (pureProvince) {
    // Only a province's name: its own directives are what the first page shows (the intent
    // ranks them first), so they fill the window and other directives that name it come after.
    add(inProvince, size);
    add(matched, size - order.length);
  } else {
    add(matched, size);
    add(inProvince, Math.ceil(window / 2));
  }
  performance.mark('search:index');
  const loaded = await Promise.all(order.map((row, i) => loadRow(row, i)));
  performance.mark('search:loaded');
  const ranked = rerank(q, loaded).map((s) => s.candidate);
  if (state.sort !== 'relevance') {
    ranked.sort((a, b) => (a.date === b.date ? a.indexRank - b.indexRank : (a.date < b.date ? -1 : 1) * (dateSort === 'asc' ? 1 : -1)));
  }
  // Past the re-ranked window, further results come in the index's order, checked the same way.
  const tail = [...new Set(pureProvince ? [...inProvince, ...matched] : matched)].filter((row) => !seen.has(row));
  let shown = Math.min(pageSize, ranked.length);
  let tailAt = 0;
  const items = ranked.slice(0, shown).map((c) => toItem(c, q));
  const more = async (): Promise<ResultItem[]> => {
    if (shown < ranked.length) {
      const next = ranked.slice(shown, shown + pageSize);
      shown += next.length;
      return next.map((c) => toItem(c, q));
    }
    const slice = tail.slice(tailAt, tailAt + pageSize);
    tailAt += slice.length;
    const next = await Promise.all(slice.map((row, i) => loadRow(row, loaded.length + tailAt + i)));
    return rerank(q, next)
      .filter((s) => s.complete)
      .map((s) => toItem(s.candidate, q));
  };
  const total = ranked.length + (q.phrases.length ? 0 : tail.length);
  // Counted over everything the query found, before the filters (each lifted in turn).
  const found = [...new Set([...matchedAll, ...numberAll, ...provinceAll])];
  return {
    query: q,
    items,
    total,
    // exact once every candidate has been read and checked on its text
    approximate: dropped && tail.length > 0,
    counts: catalogue.counts(found, filters),
    loadMore: more,
    hasMore: () => shown < ranked.length || tailAt < tail.length,
  };
}
