/**
 * Which provinces followed a national document, and how fast: for each province, the first
 * directive of the archive that cites it, and the days between the national document's date and
 * that directive's. A month-only date gives a range of days; a date the importer took from a
 * news report or inferred is marked, so a journalist does not quote it as firm.
 */
import type { DirectiveRecord, NationalDocument } from './archive.ts';
import { compareDirectives } from './archive.ts';
import { parseIsoDate } from './dates.ts';
import { compareVietnamese } from '../vietnamese.ts';

export interface ProvinceResponse {
  province: string;
  /** the province's first directive citing the national document */
  first: DirectiveRecord;
  /** how many of the province's directives cite it */
  count: number;
  /** days after the national document: the earliest and latest the date allows (equal when the day is known) */
  minDays: number | null;
  maxDays: number | null;
  /** the directive's date is only a month, or not the document's own */
  uncertain: boolean;
}

const DAY = 86_400_000;

/** The first and last day an ISO date can mean, as UTC milliseconds. */
export function dateRange(iso: string): [number, number] {
  const { year, month, day } = parseIsoDate(iso);
  if (day !== null) return [Date.UTC(year, month - 1, day), Date.UTC(year, month - 1, day)];
  return [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 0)];
}

export function daysBetween(fromIso: string, toIso: string): [number, number] {
  const [f0, f1] = dateRange(fromIso);
  const [t0, t1] = dateRange(toIso);
  return [Math.round((t0 - f1) / DAY), Math.round((t1 - f0) / DAY)];
}

/** One row per province, fastest first (then by name); without a national date, in date order. */
export function provinceResponses(n: NationalDocument, nationalDate: string | null): ProvinceResponse[] {
  const byProvince = new Map<string, DirectiveRecord[]>();
  for (const d of n.citedBy) byProvince.set(d.data.province, [...(byProvince.get(d.data.province) ?? []), d]);
  const rows: ProvinceResponse[] = [...byProvince].map(([province, list]) => {
    const first = [...list].sort(compareDirectives)[0]!;
    const [minDays, maxDays] = nationalDate ? daysBetween(nationalDate, first.data.date) : [null, null];
    return {
      province,
      first,
      count: list.length,
      minDays,
      maxDays,
      uncertain: first.data.date.length === 7 || first.data.dateSource !== 'document',
    };
  });
  return rows.sort(
    (a, b) =>
      (a.minDays ?? 0) - (b.minDays ?? 0) ||
      compareDirectives(a.first, b.first) ||
      compareVietnamese(a.province, b.province),
  );
}

/** "3 ngày sau", "12–42 ngày sau", "cùng ngày", "5 ngày trước" (a date to check). */
export function responseLabel(r: Pick<ProvinceResponse, 'minDays' | 'maxDays'>): string | null {
  if (r.minDays === null || r.maxDays === null) return null;
  const one = (d: number) => (d === 0 ? 'cùng ngày' : d > 0 ? `${d} ngày sau` : `${-d} ngày trước`);
  if (r.minDays === r.maxDays) return one(r.minDays);
  if (r.minDays >= 0) return `${r.minDays}–${r.maxDays} ngày sau`;
  return `từ ${one(r.minDays)} đến ${one(r.maxDays)}`;
}

/** The median of the days known exactly (day-precision dates the document itself gives), or null. */
export function medianDays(rows: readonly ProvinceResponse[]): { median: number; count: number } | null {
  const days = rows
    .filter((r) => !r.uncertain && r.minDays !== null && r.minDays === r.maxDays)
    .map((r) => r.minDays!)
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const mid = Math.floor(days.length / 2);
  const median = days.length % 2 ? days[mid]! : Math.round((days[mid - 1]! + days[mid]!) / 2);
  return { median, count: days.length };
}
