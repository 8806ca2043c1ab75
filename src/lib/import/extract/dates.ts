/**
 * Every date a text writes, and the year of a day and month written without one.
 */
import { foldKeepLength } from '../../vietnamese.ts';
import type { CleanHints } from '../clean.ts';

// ---------------------------------------------------------------- dates

// "ngày 5/7", "sáng 5/7", "hôm nay (5/7)": a day and month without the year (compiled once)
const DAY_MONTH_NO_YEAR = new RegExp(
  '(?<![a-z])(?:ngay|sang|chieu|toi|trua|dem|hom|hom nay|hom qua|sang nay|chieu nay' +
    String.raw`|toi nay|toi qua|dem qua)\s+(?:ngay\s+)?\(?\s*(\d{1,2})\s?([/.-])\s?` +
    String.raw`(\d{1,2})(?![\d/.-]*\d)`,
  'g',
);

export interface DateHit {
  index: number;
  end: number;
  iso: string | null; // null when the year is missing
  day: number;
  month: number;
  year: number | null;
  text: string;
}

export const validDay = (d: number, m: number): boolean => d >= 1 && d <= 31 && m >= 1 && m <= 12;
export const pad = (n: number): string => String(n).padStart(2, '0');

/** Every date the text writes: "ngày 08 tháng 11 năm 2021", "08/11/2021", "8-11-2021", "7.10.2021", "ngày 26/8". */
export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  const push = (index: number, str: string, d: number, m: number, y: number | null): void => {
    if (!validDay(d, m)) return;
    if (y !== null && (y < 1900 || y > 2100)) return;
    if (hits.some((h) => index < h.end && index + str.length > h.index)) return;
    hits.push({
      index,
      end: index + str.length,
      day: d,
      month: m,
      year: y,
      iso: y === null ? null : `${y}-${pad(m)}-${pad(d)}`,
      text: str,
    });
  };
  const folded = foldKeepLength(text); // same indices, ASCII: the regexes below need no Unicode flags
  for (const m of folded.matchAll(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g))
    push(m.index!, text.slice(m.index!, m.index! + m[0].length), +m[1]!, +m[2]!, +m[3]!);
  // mixed spellings: "ngày 5 tháng 5/2021", "ngày 5/5 năm 2021"
  for (const m of folded.matchAll(
    /ngay\s+(\d{1,2})(?:\s+thang\s+(\d{1,2})\s?[/.-]\s?|\s?[/.-]\s?(\d{1,2})\s+nam\s+)(\d{4})(?!\d)/g,
  ))
    push(m.index!, text.slice(m.index!, m.index! + m[0].length), +m[1]!, +(m[2] ?? m[3])!, +m[4]!);
  for (const m of text.matchAll(/(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?!\d)/gu))
    push(m.index!, m[0], +m[1]!, +m[3]!, +m[4]!);
  for (const m of folded.matchAll(DAY_MONTH_NO_YEAR)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    push(at, text.slice(at, m.index! + m[0].length), +m[1]!, +m[3]!, null);
  }
  hits.sort((a, b) => a.index - b.index);
  // "Chiều cùng ngày, …": the day the text last named, within a few sentences
  for (const m of folded.matchAll(/(?<![a-z])(?:(?:sang|chieu|toi|trua|dem|ngay)\s+)?cung ngay(?![a-z])/g)) {
    const prev = hits.filter((h) => h.end <= m.index! && m.index! - h.end <= 400).at(-1);
    if (prev) push(m.index!, text.slice(m.index!, m.index! + m[0].length), prev.day, prev.month, prev.year);
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * The year of a day and month written without one ("Ngày 16/5", "Chiều 18/12"), from the text
 * around it, in order of trust: the same day written in full elsewhere (a same-day reference),
 * the page's posting stamp on that day, an effective time a day to three days later
 * ("từ 0h ngày 21/7/2021"), a document it cites dated up to a week before, the posting or
 * page date's month (the last such day before it), then a deadline it sets up to two months later.
 */
export function inferYear(
  h: DateHit,
  dates: DateHit[],
  hints: CleanHints,
  effective: (d: DateHit) => boolean,
  cited: (d: DateHit) => boolean = () => false,
  deadline: (d: DateHit) => boolean = () => false,
): { year: number; from: string } | null {
  const same = dates.find((x) => x.year && x.day === h.day && x.month === h.month);
  if (same) return { year: same.year!, from: `the same day written in full ("${same.text}")` };
  const pub = hints.publicationDate;
  if (pub && +pub.slice(5, 7) === h.month && +pub.slice(8, 10) === h.day)
    return { year: +pub.slice(0, 4), from: `the posting stamp of the same day (${pub})` };
  for (const x of dates) {
    if (!x.year || !effective(x) || x.index < h.index) continue;
    for (const y of [x.year, x.year - 1]) {
      const days = (Date.UTC(x.year, x.month - 1, x.day) - Date.UTC(y, h.month - 1, h.day)) / 86_400_000;
      if (days >= 0 && days <= 3)
        return { year: y, from: `the effective time ${days ? `${days} day(s) later` : 'the same day'} ("${x.text}")` };
    }
  }
  // a document it cites, dated up to a week before ("Ngày 9/8, thực hiện Công điện … ngày 8/8/2021, …")
  for (const x of dates) {
    if (!x.year || x.year < 2019 || x.year > 2023 || effective(x) || !cited(x)) continue;
    for (const y of [x.year, x.year + 1]) {
      const days = (Date.UTC(y, h.month - 1, h.day) - Date.UTC(x.year, x.month - 1, x.day)) / 86_400_000;
      if (days >= 1 && days <= 7)
        return { year: y, from: `a document it cites, dated ${days} day(s) before ("${x.text}")` };
    }
  }
  const hint = pub ?? hints.pageDate;
  if (hint) {
    const [y, m] = hint.split('-').map(Number) as [number, number];
    return { year: h.month <= m ? y : y - 1, from: `the ${pub ? 'posting' : 'page'} date (${hint})` };
  }
  // a deadline it sets up to two months later ("hoàn thành trước ngày 15/9/2021")
  for (const x of dates) {
    if (!x.year || x.year < 2019 || x.year > 2023 || x.index < h.index || cited(x) || !deadline(x)) continue;
    for (const y of [x.year, x.year - 1]) {
      const days = (Date.UTC(x.year, x.month - 1, x.day) - Date.UTC(y, h.month - 1, h.day)) / 86_400_000;
      if (days >= 1 && days <= 60) return { year: y, from: `a deadline it sets ${days} day(s) later ("${x.text}")` };
    }
  }
  return null;
}
