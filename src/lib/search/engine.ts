/**
 * The archive's search: asks the Pagefind index (folded query, number token, province filter),
 * merges the candidates, re-ranks them on their text (src/lib/search/rank.ts) and returns
 * display-ready results. Works against a minimal Pagefind-like interface, so it runs the same
 * in the browser and in tests.
 */
import { excerpt, type Segment } from './excerpt.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { rerank, type Candidate } from './rank.ts';
import { FILTER_KEYS, type FilterKey } from './record.ts';
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
  filters?: Record<string, Record<string, number>>;
}
export interface PagefindLike {
  search(
    term: string | null,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> | undefined },
  ): Promise<PagefindResponse | null>;
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
  /** the total is an upper bound: the query had only syllables most directives contain */
  approximate: boolean;
  /** per filter, the count of matching directives for each value */
  counts: Partial<Record<FilterKey, Record<string, number>>>;
  /** the next page of results (empty when there is none) */
  loadMore: () => Promise<ResultItem[]>;
  /** whether loadMore() may give more */
  hasMore: () => boolean;
}

export interface EngineOptions {
  /** candidates re-ranked on their text per query */
  window?: number;
  /** folded syllables most directives contain: checked on the text, not asked of the index */
  common?: ReadonlySet<string>;
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
  // The excerpt comes from the body (after the title and metadata lines) when it can.
  const body = c.text.split('\n').slice(1).join('\n') || c.text;
  return {
    url: c.url,
    title: c.title,
    number: c.number,
    docType: m.docType ?? '',
    date: c.date,
    province: c.province ?? '',
    issuer: m.issuer ?? '',
    excerpt: excerpt(body, q),
  };
}

/**
 * Counts per filter value. For a filter in use, the count of each of its values is taken
 * with that filter lifted (the other filters kept), so a reader sees where else to go.
 */
async function facetCounts(
  pf: PagefindLike,
  term: string | null,
  filters: Record<string, string>,
  res: PagefindResponse | null,
): Promise<SearchOutcome['counts']> {
  const out: SearchOutcome['counts'] = {};
  for (const k of FILTER_KEYS) if (res?.filters?.[k]) out[k] = res.filters[k];
  await Promise.all(
    FILTER_KEYS.filter((k) => filters[k]).map(async (k) => {
      const others = Object.fromEntries(Object.entries(filters).filter(([key]) => key !== k));
      const r = await pf.search(term, { filters: others });
      if (r?.filters?.[k]) out[k] = r.filters[k];
    }),
  );
  return out;
}

export async function searchArchive(pf: PagefindLike, state: SearchState, opts: EngineOptions = {}): Promise<SearchOutcome> {
  const window = opts.window ?? 12;
  const pageSize = opts.pageSize ?? 10;
  const q = parseQuery(state.q);
  const filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v)) as Record<string, string>;
  const dateSort = state.sort === 'oldest' ? 'asc' : 'desc';

  // Browsing: no words, only filters (or nothing): everything, newest first unless asked otherwise.
  if (q.terms.length === 0) {
    const res = await pf.search(null, { filters, sort: { date: dateSort } });
    const all = res?.results ?? [];
    let shown = 0;
    const page = async (): Promise<ResultItem[]> => {
      const slice = all.slice(shown, shown + pageSize);
      shown += slice.length;
      return (await Promise.all(slice.map((r, i) => load(r, i)))).map((c) => toItem(c, q));
    };
    const items = await page();
    const c = await facetCounts(pf, null, filters, res);
    return { query: q, items, total: all.length, approximate: false, counts: c, loadMore: page, hasMore: () => shown < all.length };
  }

  const sort = state.sort === 'relevance' ? undefined : { date: dateSort as 'asc' | 'desc' };
  // Syllables most directives contain have huge postings; they are checked on the text.
  const common = opts.common ?? new Set<string>();
  const rare = q.indexQuery.split(' ').filter((t) => t && !common.has(t));
  const onlyCommon = q.indexQuery !== '' && rare.length === 0;
  const indexTerm = rare.length ? rare.join(' ') : null;
  // Only common syllables: candidates are the directives in date order, ranked on their text.
  const main =
    indexTerm || onlyCommon ? pf.search(indexTerm, { filters, sort: onlyCommon ? { date: dateSort } : sort }) : Promise.resolve(null);
  const byNumber = q.numberToken ? pf.search(q.numberToken, { filters }) : Promise.resolve(null);
  // A named province: its directives join the candidates even when the index ranks them low.
  const province = q.provinces[0];
  const rest = province ? q.terms.filter((_, i) => i < province.from || i >= province.to).map((t) => t.fold).join(' ') : '';
  const inProvince =
    province && (!filters.province || filters.province === province.province)
      ? pf.search(rest || null, { filters: { ...filters, province: province.province }, sort })
      : Promise.resolve(null);
  const [mainRes, numberRes, provinceRes] = await Promise.all([main, byNumber, inProvince]);

  // Phrases are checked on the text, so a quoted query looks at more candidates.
  const size = q.phrases.length ? window * 3 : window;
  const order: PagefindResult[] = [];
  const seen = new Set<string>();
  const add = (list: PagefindResult[] | undefined, n: number): void => {
    for (const r of (list ?? []).slice(0, n)) if (!seen.has(r.id)) (seen.add(r.id), order.push(r));
  };
  add(numberRes?.results, 5);
  add(mainRes?.results, size);
  add(provinceRes?.results, Math.ceil(window / 2));
  const loaded = await Promise.all(order.map((r, i) => load(r, i)));
  const ranked = rerank(q, loaded).map((s) => s.candidate);
  if (state.sort !== 'relevance') {
    ranked.sort((a, b) => (a.date === b.date ? a.indexRank - b.indexRank : (a.date < b.date ? -1 : 1) * (dateSort === 'asc' ? 1 : -1)));
  }
  // Past the re-ranked window, further results come in the index's order, checked the same way.
  const tail = (mainRes?.results ?? []).filter((r) => !seen.has(r.id));
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
    const next = await Promise.all(slice.map((r, i) => load(r, loaded.length + tailAt + i)));
    return rerank(q, next)
      .filter((s) => s.complete)
      .map((s) => toItem(s.candidate, q));
  };
  const total = ranked.length + (q.phrases.length ? 0 : tail.length);
  return {
    query: q,
    items,
    total,
    approximate: onlyCommon,
    counts: await facetCounts(pf, indexTerm, filters, mainRes),
    loadMore: more,
    hasMore: () => shown < ranked.length || tailAt < tail.length,
  };
}
