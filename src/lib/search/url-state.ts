/**
 * The search page's whole state (query, filters, date range, sort) as URL parameters, so a
 * search can be shared and back/forward work. A filter may hold several values, as repeated
 * parameters (`tinh=Hà Nội&tinh=Hải Phòng`), which is also what the page's GET form sends
 * without JavaScript. Unknown or malformed values are dropped.
 */
import type { Filters } from './catalogue.ts';
import { FILTER_KEYS, type FilterKey } from './record.ts';
import { MAX_QUERY_LENGTH } from './query.ts';
import { QUERY_PARAM } from '../site/urls.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortOrder;
}

/** URL parameter names (short, stable, ASCII). */
export const PARAM: Record<FilterKey, string> = {
  province: 'tinh',
  year: 'nam',
  docType: 'loai',
  issuer: 'coquan',
  urgency: 'khan',
  measure: 'bienphap',
};
/** The date range: first and last month, "YYYY-MM". */
export const RANGE_PARAM = { from: 'tu', to: 'den' } as const;
export const SORT_PARAM = 'sapxep';
const SORT_VALUES: Record<string, SortOrder> = { 'moi-nhat': 'newest', 'cu-nhat': 'oldest' };
export const SORT_NAMES: Record<SortOrder, string | null> = { relevance: null, newest: 'moi-nhat', oldest: 'cu-nhat' };
/** More values than any list has: a hand-made URL cannot make the page loop over thousands. */
const MAX_VALUES = 70;
const MONTH = /^(20[12]\d)-(0[1-9]|1[0-2])$/;

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(PARAM[key])
          .map((v) => v.normalize('NFC').trim())
          .filter((v) => v && v.length <= 100),
      ),
    ].slice(0, MAX_VALUES);
    if (values.length) filters[key] = values;
  }
  for (const end of ['from', 'to'] as const) {
    const v = params.get(RANGE_PARAM[end])?.trim() ?? '';
    if (MONTH.test(v)) filters[end] = v;
  }
  // a range given backwards is read the right way round
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return {
    q: (params.get(QUERY_PARAM) ?? '').normalize('NFC').slice(0, MAX_QUERY_LENGTH),
    filters,
    sort: SORT_VALUES[params.get(SORT_PARAM) ?? ''] ?? 'relevance',
  };
}

export function stateToParams(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set(QUERY_PARAM, state.q.trim());
  for (const key of FILTER_KEYS) {
    // sorted, so the same choice gives the same URL whatever order it was made in
    for (const v of [...new Set(state.filters[key] ?? [])].sort()) if (v) p.append(PARAM[key], v);
  }
  for (const end of ['from', 'to'] as const) {
    const v = state.filters[end];
    if (v) p.set(RANGE_PARAM[end], v);
  }
  const s = SORT_NAMES[state.sort];
  if (s) p.set(SORT_PARAM, s);
  return p;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToParams(a).toString() === stateToParams(b).toString();
}

/** Whether any filter or the date range is in use. */
export function filtered(state: SearchState): boolean {
  return FILTER_KEYS.some((k) => state.filters[k]?.length) || !!state.filters.from || !!state.filters.to;
}
