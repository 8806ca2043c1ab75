/**
 * The search page's whole state (query, filters, sort, pages shown) as URL parameters, so a
 * search can be shared and back/forward work. Unknown or malformed values are dropped.
 */
import { FILTER_KEYS, type FilterKey } from './record.ts';
import { MAX_QUERY_LENGTH } from './query.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: SortOrder;
}

/** URL parameter names (short, stable, ASCII). */
export const PARAM: Record<FilterKey, string> = { province: 'tinh', year: 'nam', docType: 'loai', issuer: 'coquan' };
export const SORT_PARAM = 'sapxep';
const SORT_VALUES: Record<string, SortOrder> = { 'moi-nhat': 'newest', 'cu-nhat': 'oldest' };
export const SORT_NAMES: Record<SortOrder, string | null> = { relevance: null, newest: 'moi-nhat', oldest: 'cu-nhat' };

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(PARAM[key])?.normalize('NFC').trim();
    if (v && v.length <= 100) filters[key] = v;
  }
  return {
    q: (params.get('q') ?? '').normalize('NFC').slice(0, MAX_QUERY_LENGTH),
    filters,
    sort: SORT_VALUES[params.get(SORT_PARAM) ?? ''] ?? 'relevance',
  };
}

export function stateToParams(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  for (const key of FILTER_KEYS) {
    const v = state.filters[key];
    if (v) p.set(PARAM[key], v);
  }
  const s = SORT_NAMES[state.sort];
  if (s) p.set(SORT_PARAM, s);
  return p;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToParams(a).toString() === stateToParams(b).toString();
}
