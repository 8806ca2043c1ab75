/**
 * Syllable-level view of Vietnamese text for search: every word ("syllable") with its canonical
 * spelling (NFC, new tone placement, lower case) and its folded form (no diacritics, đ -> d).
 * Queries and documents go through the same function so they agree on what a word is.
 */
import { foldDiacritics, normalizeVietnamese } from '../vietnamese.ts';

export interface Syllable {
  /** canonical spelling, lower case: "hóa" */
  norm: string;
  /** folded spelling: "hoa" */
  fold: string;
  /** offsets of the word in the original string (for highlighting) */
  start: number;
  end: number;
}

// A word is a run of letters, marks and digits; everything else separates words.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function normWord(word: string): string {
  return normalizeVietnamese(word).toLowerCase();
}

// Documents repeat their words; normalising each spelling once keeps re-ranking fast.
const memo = new Map<string, { norm: string; fold: string }>();

/** Split text into syllables with their offsets. Offsets refer to the string as given. */
export function syllables(text: string): Syllable[] {
  const out: Syllable[] = [];
  for (const m of text.matchAll(WORD)) {
    let forms = memo.get(m[0]);
    if (!forms) {
      const norm = normWord(m[0]);
      forms = { norm, fold: foldDiacritics(norm) };
      if (memo.size > 50_000) memo.clear();
      memo.set(m[0], forms);
    }
    out.push({ norm: forms.norm, fold: forms.fold, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// The few documents of the current results, re-ranked and then excerpted: tokenised once.
const documents = new Map<string, Syllable[]>();

/** syllables() of a directive's text, remembered for the last few texts (do not modify the result). */
export function documentSyllables(text: string): Syllable[] {
  let syl = documents.get(text);
  if (!syl) {
    syl = syllables(text);
    if (documents.size >= 64) documents.delete(documents.keys().next().value!);
    documents.set(text, syl);
  }
  return syl;
}

/**
 * A query syllable matches a document syllable as typed: exactly when typed with diacritics,
 * folded when typed without any ("dien" matches "Điện", "diễn" does not).
 */
export function matchesAsTyped(q: Syllable, d: Syllable): boolean {
  return q.norm === q.fold ? q.fold === d.fold : q.norm === d.norm;
}
