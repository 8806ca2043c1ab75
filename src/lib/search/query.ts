/**
 * Turns what a user typed into a structured query: syllables (canonical and folded), quoted
 * phrases, and intents (document number, province). Safe on any input: long, empty,
 * punctuation only, HTML, emoji, unbalanced quotes.
 */
import { detectNumber, detectProvinces, numberQueryToken, type NumberIntent, type ProvinceIntent } from './intent.ts';
import { syllables, type Syllable } from './text.ts';

/** Longer queries are cut: nobody types more, and it bounds the work a hostile query can cause. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many syllables are sent to the index. */
export const MAX_TERMS = 12;

export interface ParsedQuery {
  /** the query as typed, NFC, trimmed, cut to MAX_QUERY_LENGTH */
  text: string;
  /** all syllables in order (quoted or not) */
  terms: Syllable[];
  /** each quoted part, as its syllables; they must appear together in a result */
  phrases: Syllable[][];
  number: NumberIntent | null;
  provinces: ProvinceIntent[];
  /** what the Pagefind index is asked: folded syllables, space separated ("" when none) */
  indexQuery: string;
  /** the number token to ask the index for, when the query names a number */
  numberToken: string | null;
}

export function parseQuery(input: string): ParsedQuery {
  const text = String(input ?? '').normalize('NFC').slice(0, MAX_QUERY_LENGTH).trim();
  // Quotes of any style; an unbalanced last quote is treated as closing at the end.
  const unified = text.replace(/[“”„‟«»"]/g, '"');
  const phrases: Syllable[][] = [];
  const parts = unified.split('"');
  for (let i = 1; i < parts.length; i += 2) {
    const syl = syllables(parts[i]!);
    if (syl.length > 1) phrases.push(syl);
  }
  const terms = syllables(unified).slice(0, 40);
  const number = detectNumber(text);
  const provinces = detectProvinces(terms);
  const seen = new Set<string>();
  const indexTerms: string[] = [];
  for (const t of terms) {
    if (seen.has(t.fold) || indexTerms.length >= MAX_TERMS) continue;
    seen.add(t.fold);
    indexTerms.push(t.fold);
  }
  return {
    text,
    terms,
    phrases,
    number,
    provinces,
    indexQuery: indexTerms.join(' '), // already folded syllables
    numberToken: number ? numberQueryToken(number) : null,
  };
}
