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
}

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
}

const isoMonth = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function timelineGeometry(items: readonly DirectiveRecord[], opt: TimelineOptions = DEFAULT_TIMELINE): TimelineGeometry {
  if (items.length === 0) return { width: 0, height: 0, ticks: [], lanes: [], from: null, to: null };
  const first = Math.min(...items.map((d) => monthIndex(d.data.date)));
  const last = Math.max(...items.map((d) => monthIndex(d.data.date)));
  const months = last - first + 1;
  const x0 = opt.padding;
  const xOf = (d: DirectiveRecord): number =>
    x0 + (monthIndex(d.data.date) - first + dayFraction(d.data.date)) * opt.monthWidth;

  const ticks: Tick[] = [];
  for (let i = 0; i <= months; i++) {
    const m = (first + i) % 12;
    const yearStart = m === 0 || i === 0;
    ticks.push({ x: x0 + i * opt.monthWidth, label: yearStart ? `${m + 1}/${Math.floor((first + i) / 12)}` : String(m + 1), yearStart });
  }
  const provinces = [...new Set(items.map((d) => d.data.province))].sort(compareVietnamese);
  const lanes: Lane[] = provinces.map((province, i) => {
    const y = opt.axisHeight + i * opt.laneHeight + opt.laneHeight / 2;
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
      });
    }
    return { province, y, marks };
  });
  return {
    width: x0 * 2 + months * opt.monthWidth,
    height: opt.axisHeight + provinces.length * opt.laneHeight + opt.padding,
    ticks,
    lanes,
    from: isoMonth(first),
    to: isoMonth(last),
  };
}
