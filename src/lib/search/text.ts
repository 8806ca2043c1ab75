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
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
// Whether a character is a word character, asked of WORD_CHAR once per character seen: testing
// a Unicode class per character is what made splitting a long text slow (a match object per word).
// BMP: 0 not seen yet, 1 word, 2 separator. Astral characters (two UTF-16 units) in a map.
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

function normWord(word: string): string {
  return normalizeVietnamese(word).toLowerCase();
}

// Documents repeat their words; normalising each spelling once keeps re-ranking fast.
const memo = new Map<string, { norm: string; fold: string }>();

function push(out: Syllable[], text: string, start: number, end: number): void {
  const word = text.slice(start, end);
  let forms = memo.get(word);
  if (!forms) {
    const norm = normWord(word);
    forms = { norm, fold: foldDiacritics(norm) };
    if (memo.size > 50_000) memo.clear();
    memo.set(word, forms);
  }
  out.push({ norm: forms.norm, fold: forms.fold, start, end });
}

/** Split text into syllables with their offsets. Offsets refer to the string as given. */
export function syllables(text: string): Syllable[] {
  const out: Syllable[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let word: boolean;
    let units = 1;
    if (c < 0xd800 || c > 0xdfff) {
      let k = bmp[c]!;
      if (k === 0) bmp[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      word = k === 1;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        units = 2;
        let w = astral.get(cp);
        if (w === undefined) {
          w = WORD_CHAR.test(String.fromCodePoint(cp));
          astral.set(cp, w);
        }
        word = w;
      } else word = false; // a lone surrogate is no letter
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      push(out, text, start, i);
      start = -1;
    }
    i += units;
  }
  if (start >= 0) push(out, text, start, text.length);
  return out;
}

// Where each folded spelling stands, per syllable array (documentSyllables keeps its arrays).
const positionMaps = new WeakMap<readonly { fold: string }[], Map<string, number[]>>();

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

/**
 * Where each folded spelling stands in `syl`, positions ascending (do not modify the lists).
 * The check, the ranking and the marks look a query's few words up here instead of walking a
 * long text once per word: on a phone that walk, in code not yet optimised, was most of a
 * search's own time.
 */
export function foldPositions(syl: readonly { fold: string }[]): Map<string, number[]> {
  let map = positionMaps.get(syl);
  if (!map) {
    map = new Map();
    for (let i = 0; i < syl.length; i++) {
      const f = syl[i]!.fold;
      const list = map.get(f);
      if (list) list.push(i);
      else map.set(f, [i]);
    }
    positionMaps.set(syl, map);
  }
  return map;
}

/**
 * Whether the syllables `seq` stand at doc[i], one after another; `eq` says when a word matches
 * (as typed, by default). A phrase's check, its count and the marks of a name all read it.
 */
export function standsAt(
  seq: readonly Syllable[],
  doc: readonly Syllable[],
  i: number,
  eq: (q: Syllable, d: Syllable) => boolean = matchesAsTyped,
): boolean {
  if (i + seq.length > doc.length) return false;
  for (let j = 0; j < seq.length; j++) if (!eq(seq[j]!, doc[i + j]!)) return false;
  return true;
}

/** Where `seq` could start in `doc`: the positions of its first word's folded spelling (none for nothing typed). */
const startsOf = (seq: readonly Syllable[], doc: readonly Syllable[]): readonly number[] =>
  (seq.length ? foldPositions(doc).get(seq[0]!.fold) : undefined) ?? [];

/**
 * Where in `doc` the syllables `seq` stand, one after another (standsAt), positions ascending.
 * `eq` must only accept a word of the same folded spelling, as both matchers do: only the
 * positions of the first word's folded spelling are tried.
 */
export function occurrences(
  seq: readonly Syllable[],
  doc: readonly Syllable[],
  eq: (q: Syllable, d: Syllable) => boolean = matchesAsTyped,
): number[] {
  return startsOf(seq, doc).filter((i) => standsAt(seq, doc, i, eq));
}

/** Whether the syllables `seq` stand somewhere in `doc`, one after another (see occurrences). */
export function standsIn(
  seq: readonly Syllable[],
  doc: readonly Syllable[],
  eq: (q: Syllable, d: Syllable) => boolean = matchesAsTyped,
): boolean {
  return startsOf(seq, doc).some((i) => standsAt(seq, doc, i, eq));
}
