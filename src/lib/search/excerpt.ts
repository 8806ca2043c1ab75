/**
 * Excerpts and highlighting as plain segments ({ text, mark }), so the UI builds them with
 * textContent and <mark> elements: no query or document text ever becomes HTML.
 */
import { documentVariants } from './match.ts';
import type { ParsedQuery, QueryUnit } from './query.ts';
import { documentSyllables, occurrences, syllables, type Syllable } from './text.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * The runs of query words a reader should see marked, each where it stands whole: a province's
 * name ("Hà Nam", not the "Nam" of "Quảng Nam"), a phrase, a variant as typed; a number as
 * typed, or its type name and its serial apart ("Công văn số 907": not the "Công" of "Công an").
 */
function markRuns(u: QueryUnit): Syllable[][] {
  if (u.kind === 'phrase' && u.alternatives) return u.alternatives;
  if (u.kind !== 'number') return [u.words];
  // (where the whole number stands, its two parts do)
  const digit = u.words.findIndex((w) => /\d/.test(w.norm));
  return digit > 0 ? [u.words.slice(0, digit), u.words.slice(digit)] : [u.words];
}

/**
 * Which of these syllables a reader should see marked: the runs of each unit of the query
 * (markRuns) where they stand, as typed (with their diacritics when typed with them), and the
 * words of a variant the query names ("vi rút" for "virus"), as the document's variant scan
 * found them (documentVariants: once per text).
 */
function marked(syl: readonly Syllable[], q: ParsedQuery): boolean[] {
  const hit = syl.map(() => false);
  for (const run of q.units.flatMap(markRuns)) {
    for (const i of occurrences(run, syl)) for (let k = 0; k < run.length; k++) hit[i + k] = true;
  }
  const groups = new Set(q.units.map((u) => u.variant).filter(Boolean));
  if (groups.size) {
    for (const m of documentVariants(syl))
      if (groups.has(m.group.id)) for (let i = m.from; i < m.to; i++) hit[i] = true;
  }
  return hit;
}

/** Segments of text[start, end) with the syllables `hit` marks (syl: text's syllables, hit: per syllable). */
function segments(
  text: string,
  syl: readonly Syllable[],
  hit: readonly boolean[],
  start: number,
  end: number,
): Segment[] {
  const out: Segment[] = [];
  let at = start;
  for (const [i, s] of syl.entries()) {
    if (!hit[i] || s.start < start || s.end > end) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  return out;
}

/** Mark the syllables of `text` that match the query (as typed, and its variants). */
export function highlight(text: string, q: ParsedQuery): Segment[] {
  const syl = syllables(text);
  return segments(text, syl, marked(syl, q), 0, text.length);
}

/**
 * The window of about `words` syllables with the most matches (adjacent matches count double),
 * marked, taken from `text` at or after offset `from`. Starts there when nothing matches.
 * The document's syllables and variant forms are those re-ranking read (read once per text).
 */
export function excerpt(text: string, q: ParsedQuery, words = 30, from = 0): Segment[] {
  const all = documentSyllables(text);
  let skip = 0;
  while (skip < all.length && all[skip]!.start < from) skip++;
  if (skip >= all.length) return [];
  const hitAll = marked(all, q);
  const syl = skip ? all.slice(skip) : all;
  const hit = (skip ? hitAll.slice(skip) : hitAll).map((h) => (h ? 1 : 0));
  const gain = hit.map((h, i) => (h && i > 0 && hit[i - 1] ? 2 : h));
  let best = 0;
  let bestAt = 0;
  let sum = 0;
  for (let i = 0; i < syl.length; i++) {
    sum += gain[i]!;
    if (i >= words) sum -= gain[i - words]!;
    if (sum > best) {
      best = sum;
      bestAt = Math.max(0, i - words + 1);
    }
  }
  // Start a few words before the window's first match, keeping its last match in view.
  let first = bestAt;
  while (first < syl.length && !hit[first]) first++;
  let last = Math.min(bestAt + words - 1, syl.length - 1);
  while (last > first && !hit[last]) last--;
  let startIdx = best > 0 ? Math.max(0, first - 5) : 0;
  if (last - startIdx >= words) startIdx = last - words + 3;
  startIdx = Math.max(0, Math.min(startIdx, syl.length - words));
  const endIdx = Math.min(syl.length - 1, startIdx + words - 1);
  const start = syl[startIdx]!.start;
  const to = syl[endIdx]!.end;
  const segs = segments(text, syl.slice(startIdx, endIdx + 1), hit.slice(startIdx, endIdx + 1).map(Boolean), start, to);
  if (start > from) segs.unshift({ text: '…', mark: false });
  if (to < text.length) segs.push({ text: '…', mark: false });
  return segs;
}
