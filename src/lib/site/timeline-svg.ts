/**
 * Geometry of the national timeline: one lane per province that has directives, one shared
 * month axis, one mark per directive. Pure numbers and strings; the page draws the SVG.
 */
import type { DirectiveRecord } from './archive.ts';
import { dayFraction, monthIndex, formatDate } from './dates.ts';
import { compareVietnamese } from '../vietnamese.ts';
import { docLabel } from './text.ts';

export interface TimelineOptions {
  /** pixels per month */
  monthWidth: number;
  laneHeight: number;
  /** space above the lanes for the axis labels */
  axisHeight: number;
  padding: number;
  /** stretch months so the drawing is at least this wide (fills a desktop screen); default: not stretched */
  fitWidth?: number;
}

/** A national document drawn as a vertical line across all lanes, labelled above the axis. */
export interface NationalMarkInput {
  slug: string;
  /** "16/CT-TTg" */
  number: string;
  /** ISO date of the national document */
  date: string;
  /** its title, for the list under the drawing */
  title: string | null;
}
export interface NationalMark extends NationalMarkInput {
  x: number;
  /** label row in the band above the axis (0 or 1), so neighbouring labels do not overlap */
  row: number;
  /** printed beside the line: "16/CT-TTg" (the date and title are in the list under the drawing) */
  label: string;
  /** the label runs left of the line (it would leave the drawing on the right) */
  anchorEnd: boolean;
  /** false when every label row is taken there (the line and its link stay) */
  showLabel: boolean;
}

/** Label rows for national documents above the axis, and the band's height, when there are any. */
export const NATIONAL_ROWS = 3;
export const NATIONAL_BAND = 56;
/** Rough width of one character of a 11-12 px label, to keep labels from overlapping. */
const CHAR_WIDTH = 6.6;

/** Horizontal distance under which two marks of one lane are drawn in different rows. */
const MARK_GAP = 14;

export const DEFAULT_TIMELINE: TimelineOptions = { monthWidth: 56, laneHeight: 36, axisHeight: 44, padding: 12 };

export interface Tick {
  x: number;
  label: string;
  /** January: a year boundary, drawn stronger and labelled with the year */
  yearStart: boolean;
}
export interface Mark {
  x: number;
  y: number;
  id: string;
  /** true when only the month is known: drawn hollow, centred in the month */
  monthOnly: boolean;
  /** accessible name: "Vĩnh Phúc, Công văn số 907-CV/TU, 08/11/2021: <title>" */
  label: string;
  /** printed beside the mark, so it reads without hovering: "907-CV/TU" (or the type) */
  short: string;
  /** false when the printed label would run into the next mark of its row */
  showLabel: boolean;
}
export interface Lane {
  province: string;
  y: number;
  marks: Mark[];
}
export interface TimelineGeometry {
  width: number;
  height: number;
  ticks: Tick[];
  lanes: Lane[];
  /** first and last month shown, ISO "YYYY-MM" */
  from: string | null;
  to: string | null;
  /** pixels per month actually used */
  monthWidth: number;
  /** y of the axis band's top (0, or below the national labels) and of the first lane's top */
  axisTop: number;
  lanesTop: number;
  /** national documents within the drawn months */
  national: NationalMark[];
}

const isoMonth = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function timelineGeometry(
  items: readonly DirectiveRecord[],
  options: TimelineOptions = DEFAULT_TIMELINE,
  nationalDocs: readonly NationalMarkInput[] = [],
): TimelineGeometry {
  if (items.length === 0)
    return {
      width: 0,
      height: 0,
      ticks: [],
      lanes: [],
      from: null,
      to: null,
      monthWidth: options.monthWidth,
      axisTop: 0,
      lanesTop: 0,
      national: [],
    };
  // The axis spans the directives and the national documents they answer to.
  const dates = [...items.map((d) => d.data.date), ...nationalDocs.map((n) => n.date)];
  const first = Math.min(...dates.map(monthIndex));
  const last = Math.max(...dates.map(monthIndex));
  const months = last - first + 1;
  const monthWidth = options.fitWidth
    ? Math.max(options.monthWidth, Math.floor((options.fitWidth - 2 * options.padding) / months))
    : options.monthWidth;
  const opt = { ...options, monthWidth };
  const x0 = opt.padding;
  const xOfDate = (iso: string): number => x0 + (monthIndex(iso) - first + dayFraction(iso)) * opt.monthWidth;
  const xOf = (d: DirectiveRecord): number => xOfDate(d.data.date);
  const axisTop = nationalDocs.length ? NATIONAL_BAND : 0;
  const lanesTop = axisTop + opt.axisHeight;

  const ticks: Tick[] = [];
  for (let i = 0; i <= months; i++) {
    const m = (first + i) % 12;
    const yearStart = m === 0 || i === 0;
    ticks.push({
      x: x0 + i * opt.monthWidth,
      label: yearStart ? `${m + 1}/${Math.floor((first + i) / 12)}` : String(m + 1),
      yearStart,
    });
  }
  const provinces = [...new Set(items.map((d) => d.data.province))].sort(compareVietnamese);
  const lanes: Lane[] = provinces.map((province, i) => {
    const y = lanesTop + i * opt.laneHeight + opt.laneHeight / 2;
    const marks: Mark[] = [];
    // Marks closer than a mark's width would hide each other (and their links): nudge each
    // into the next free row of the lane, centre first, then above, then below.
    const rows = [0, -1, 1];
    const lastX = new Map<number, number>();
    const sorted = items.filter((d) => d.data.province === province).sort((a, b) => xOf(a) - xOf(b));
    for (const d of sorted) {
      const x = Math.round(xOf(d) * 10) / 10;
      const row = rows.find((r) => (lastX.get(r) ?? -Infinity) <= x - MARK_GAP) ?? rows[marks.length % rows.length]!;
      lastX.set(row, x);
      marks.push({
        x,
        y: y + row * opt.laneHeight * 0.28,
        id: d.id,
        monthOnly: d.data.date.length === 7,
        label: `${province}, ${docLabel(d.data)}, ${formatDate(d.data.date)}: ${d.data.title}`,
        short: d.data.number ?? d.data.docType,
        showLabel: true,
      });
    }
    // A printed label runs right of its mark; it is kept only if it ends before the next mark
    // of the same row and inside the drawing (every mark still has its accessible name).
    const width = x0 * 2 + months * opt.monthWidth;
    // Rows of a lane are closer than a label is tall, so the lane is one row for labels: a label
    // shows when it ends before the next mark and starts after the previous label.
    let lastEnd = -Infinity;
    for (const [i, m] of marks.entries()) {
      const end = m.x + 10 + m.short.length * CHAR_WIDTH;
      const next = marks[i + 1];
      m.showLabel = m.x + 10 > lastEnd && end < (next ? next.x - 8 : width);
      if (m.showLabel) lastEnd = end;
    }
    return { province, y, marks };
  });
  const width = x0 * 2 + months * opt.monthWidth;
  // National labels in up to three rows above the axis, each in the first row free there.
  const national: NationalMark[] = [];
  const rowEnd = Array.from({ length: NATIONAL_ROWS }, () => -Infinity);
  for (const n of [...nationalDocs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const x = Math.round(xOfDate(n.date) * 10) / 10;
    const label = n.number;
    const w = 8 + label.length * CHAR_WIDTH;
    const anchorEnd = x + w > width;
    const [from, to] = anchorEnd ? [x - w, x] : [x, x + w];
    const row = rowEnd.findIndex((e) => e <= from);
    if (row >= 0) rowEnd[row] = to;
    national.push({ ...n, x, row: Math.max(row, 0), label, anchorEnd, showLabel: row >= 0 });
  }
  return {
    width,
    height: lanesTop + provinces.length * opt.laneHeight + opt.padding,
    ticks,
    lanes,
    from: isoMonth(first),
    to: isoMonth(last),
    monthWidth: opt.monthWidth,
    axisTop,
    lanesTop,
    national,
  };
}
