/**
 * Dates are stored as ISO strings ("2021-11-08" or "2021-11") and only formatted here, for the
 * view: dd/mm/yyyy when the day is known, "tháng 11/2021" when only the month is.
 */

export interface IsoParts {
  year: number;
  month: number;
  /** null when the document gives only the month */
  day: number | null;
}

export function parseIsoDate(iso: string): IsoParts {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date (YYYY-MM-DD or YYYY-MM): ${JSON.stringify(iso)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2021-11-08" -> "08/11/2021"; "2021-11" -> "tháng 11/2021". */
export function formatDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return day === null ? `tháng ${month}/${year}` : `${pad(day)}/${pad(month)}/${year}`;
}

/** A month heading: "Tháng 11/2021". */
export function formatMonthHeading(year: number, month: number): string {
  return `Tháng ${month}/${year}`;
}

/** The reader-facing note for a date that is not the document's own. */
export function dateSourceNote(source: 'document' | 'publication' | 'inferred'): string | null {
  if (source === 'publication') return 'Văn bản không ghi ngày; đây là ngày báo đăng tin.';
  if (source === 'inferred') return 'Văn bản không ghi ngày; ngày được suy ra từ các mốc thời gian nêu trong văn bản.';
  return null;
}

/** Dates as a point on a month axis: month index since year 0, plus a fraction for the day. */
export function monthIndex(iso: string): number {
  const { year, month } = parseIsoDate(iso);
  return year * 12 + (month - 1);
}

/** Position within the month, 0..1; a month-only date sits at the middle. */
export function dayFraction(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  if (day === null) return 0.5;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (day - 0.5) / days;
}

/** RFC-822-capable Date for feeds: a month-only date counts as the first of the month (UTC). */
export function toFeedDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}
