/**
 * Turns what a user typed into a structured query: syllables (canonical and folded), quoted
 * phrases, intents (document number, province, document type) and the query's *units*: the
 * parts of which every one must match for a directive to count as found (src/lib/search/match.ts).
 * Safe on any input: long, empty, punctuation only, HTML, emoji, unbalanced quotes, invisible
 * characters and styled look-alike letters (read as the letters they imitate).
 */
import { readAsPlainLetters } from '../vietnamese.ts';
import { variantsInQuery } from '../vietnamese-variants.ts';
import {
  detectDocTypes,
  detectNumber,
  detectProvinces,
  numberQueryToken,
  type NumberIntent,
  type ProvinceIntent,
} from './intent.ts';
import { syllables, type Syllable } from './text.ts';

/** Longer queries are cut: nobody types more, and it bounds the work a hostile query can cause. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many syllables are sent to the index. */
export const MAX_TERMS = 12;

/**
 * One part of a query that a found directive must match: a word, a run of words that names a
 * province or spells a variant ("vi rút", "TP.HCM"), a document number, or a quoted phrase.
 */
export interface QueryUnit {
  kind: 'word' | 'province' | 'variant' | 'number' | 'phrase';
  /** the part as typed, for messages */
  text: string;
  /** its syllables (for a phrase: the quoted ones) */
  words: Syllable[];
  /** range in `terms` (a phrase: the range of its syllables) */
  from: number;
  to: number;
  /** a variant group of src/lib/vietnamese-variants.ts that satisfies it */
  variant?: string;
  /** a document number that satisfies it (as the directive's own, or cited) */
  number?: NumberIntent;
  /** a province (2021 name) whose directives, and those of the provinces merged into it in 2025, satisfy it */
  province?: string;
  /** a numeral: the runs of words, any of which must stand together ("mũi 5" or "5 ngày") */
  alternatives?: Syllable[][];
}

export interface ParsedQuery {
  /** the query as typed, NFC, look-alike letters read as letters, trimmed, cut to MAX_QUERY_LENGTH */
  text: string;
  /** all syllables in order (quoted or not) */
  terms: Syllable[];
  /** each quoted part, as its syllables; they must appear together in a result */
  phrases: Syllable[][];
  number: NumberIntent | null;
  provinces: ProvinceIntent[];
  /** document types named in the query without a serial ("chỉ thị"), favoured in the ranking */
  docTypes: string[];
  /** a year typed in the query (2019–2025), for the nearest numbers */
  year: string | null;
  /** what every found directive matches, each of them */
  units: QueryUnit[];
  /** what the Pagefind index is asked: folded syllables, space separated ("" when none) */
  indexQuery: string;
  /** the number token to ask the index for, when the query names a number */
  numberToken: string | null;
}

/** The query syllables a number intent covers: its serial, the codes after it, and "công văn số" before it. */
function numberSpan(terms: Syllable[], n: NumberIntent): { from: number; to: number } | null {
  const codes = new Set(n.codes.map((c) => c.toLowerCase()));
  const i = terms.findIndex((t) => /^\d+$/.test(t.fold) && String(Number(t.fold)) === n.serial);
  if (i >= 0) {
    let to = i + 1;
    while (to < terms.length && codes.has(terms[to]!.fold)) to++;
    let from = i;
    if (from > 0 && terms[from - 1]!.fold === 'so') from--;
    const types = detectDocTypes(terms.slice(0, from));
    const before = types.find((t) => t.to === from);
    if (before) from = before.from;
    else if (from > 0 && codes.has(terms[from - 1]!.fold)) from--;
    return { from, to };
  }
  // "ct16": code and serial in one syllable
  const j = terms.findIndex((t) => t.fold.endsWith(n.serial) && codes.has(t.fold.slice(0, -n.serial.length)));
  return j >= 0 ? { from: j, to: j + 1 } : null;
}

const textOf = (terms: Syllable[], from: number, to: number, source: string): string =>
  to > from ? source.slice(terms[from]!.start, terms[to - 1]!.end) : '';

function buildUnits(
  terms: Syllable[],
  phrases: Syllable[][],
  number: NumberIntent | null,
  provinces: ProvinceIntent[],
  source: string,
): QueryUnit[] {
  const units: QueryUnit[] = [];
  const used = new Array<boolean>(terms.length).fill(false);
  const take = (from: number, to: number): void => {
    for (let i = from; i < to; i++) used[i] = true;
  };
  const free = (from: number, to: number): boolean => used.slice(from, to).every((u) => !u);
  const variants = variantsInQuery(terms);
  if (number) {
    const span = numberSpan(terms, number);
    if (span) {
      // "chỉ thị 16", "CT16": the national directive's variants say the same thing
      const v = variants.find((m) => m.from <= span.from && m.to >= span.to);
      const from = v ? Math.min(v.from, span.from) : span.from;
      const to = v ? Math.max(v.to, span.to) : span.to;
      units.push({
        kind: 'number',
        text: textOf(terms, from, to, source),
        words: terms.slice(from, to),
        from,
        to,
        number,
        ...(v ? { variant: v.group.id } : {}),
      });
      take(from, to);
    }
  }
  for (const p of provinces) {
    if (!free(p.from, p.to)) continue;
    const v = variants.find((m) => m.from === p.from && m.to === p.to);
    units.push({
      kind: 'province',
      text: textOf(terms, p.from, p.to, source),
      words: terms.slice(p.from, p.to),
      from: p.from,
      to: p.to,
      province: p.province,
      ...(v ? { variant: v.group.id } : {}),
    });
    take(p.from, p.to);
  }
  for (const v of variants) {
    if (!free(v.from, v.to)) continue;
    units.push({
      kind: 'variant',
      text: textOf(terms, v.from, v.to, source),
      words: terms.slice(v.from, v.to),
      from: v.from,
      to: v.to,
      variant: v.group.id,
    });
    take(v.from, v.to);
  }
  // A bare numeral stands with a word beside it, the one before ("mũi 3", "cấp độ 4") or the
  // one after ("14 ngày", "98 ca"): "mũi 5" is not found by a "5" in a date and a "mũi"
  // elsewhere. The neighbours remain words of their own. A neighbour of a unit of its own
  // (a province, a variant) is not the numeral's: "2100 Hòa Bình" is a number and a place.
  const numeral = (i: number): boolean => /^\d+$/.test(terms[i]!.fold);
  const word = (i: number): boolean => i >= 0 && i < terms.length && !used[i] && !numeral(i);
  for (let i = 0; i < terms.length; i++) {
    if (used[i] || !numeral(i)) continue;
    const alternatives: Syllable[][] = [];
    if (word(i - 1)) alternatives.push([terms[i - 1]!, terms[i]!]);
    if (word(i + 1)) alternatives.push([terms[i]!, terms[i + 1]!]);
    if (!alternatives.length) continue;
    const first = alternatives[0]!;
    units.push({
      kind: 'phrase',
      text: source.slice(first[0]!.start, first.at(-1)!.end),
      words: [terms[i]!],
      from: i,
      to: i + 1,
      alternatives,
    });
    take(i, i + 1);
  }
  const seen = new Set<string>();
  terms.forEach((t, i) => {
    if (used[i] || seen.has(t.norm)) return;
    seen.add(t.norm);
    units.push({ kind: 'word', text: source.slice(t.start, t.end), words: [t], from: i, to: i + 1 });
  });
  for (const p of phrases) {
    units.push({ kind: 'phrase', text: p.map((s) => s.norm).join(' '), words: p, from: -1, to: -1 });
  }
  return units.sort((a, b) => (a.from < 0 ? 1e9 : a.from) - (b.from < 0 ? 1e9 : b.from));
}

export function parseQuery(input: string): ParsedQuery {
  const text = readAsPlainLetters(String(input ?? ''))
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
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
  const units = buildUnits(terms, phrases, number, provinces, unified);
  const docTypes = detectDocTypes(terms)
    .filter((t) => !units.some((u) => u.kind === 'number' && u.from <= t.from && u.to >= t.to))
    .map((t) => t.name);
  const year = /(?:^|[^\p{L}\p{N}])(2019|202[0-5])(?![\p{L}\p{N}])/u.exec(text)?.[1] ?? null;
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
    docTypes,
    year,
    units,
    indexQuery: indexTerms.join(' '), // already folded syllables
    numberToken: number ? numberQueryToken(number) : null,
  };
}

/** True when the query has something to look for: a letter or a digit. */
export function hasWords(q: ParsedQuery): boolean {
  return q.terms.length > 0;
}
