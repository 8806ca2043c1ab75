/**
 * Re-ranks the candidates the index returned, on their full text: whole syllables instead of
 * prefixes, query syllables that stand together far above scattered ones, quoted phrases
 * required, matches with the typed diacritics above folded-only ones, and the intents (a
 * document's own number first, then the named province's directives).
 */
import { matchDocument, type DocumentMatch } from './match.ts';
import type { ParsedQuery } from './query.ts';
import { documentSyllables, matchesAsTyped, syllables, type Syllable } from './text.ts';

export interface Candidate {
  url: string;
  /** title as shown */
  title: string;
  /** the document's own number, if any */
  number: string | null;
  province: string | null;
  /** searchable text: title, metadata line and body, as the index holds it */
  text: string;
  /** position in the index's own ranking (0 = first) */
  indexRank: number;
  /** document type, when known: a type named in the query favours it */
  docType?: string;
}

export interface Scored<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  /** every unit of the query matches (src/lib/search/match.ts): the directive is *found* */
  complete: boolean;
  /** the directive's own number is the one asked for */
  numberMatch: boolean;
  match: DocumentMatch;
}

/** A document syllable matches a query syllable: folded equality. */
function same(q: Syllable, d: Syllable): boolean {
  return q.fold === d.fold;
}
/** …and with the diacritics the user typed (a query syllable typed without any matches exactly too). */
const exact = matchesAsTyped;

function occurs(seq: Syllable[], doc: Syllable[], eq: (q: Syllable, d: Syllable) => boolean): number {
  let count = 0;
  for (let i = 0; i + seq.length <= doc.length; i++) {
    let ok = true;
    for (let j = 0; j < seq.length && ok; j++) ok = eq(seq[j]!, doc[i + j]!);
    if (ok) count++;
  }
  return count;
}

function scoreCandidate<C extends Candidate>(
  q: ParsedQuery,
  c: C,
  doc: Syllable[],
  distinct: Syllable[],
  /** per adjacent query pair: its weight and how often it stands (folded) in this document */
  pairStats: { weight: number; count: number }[],
): Scored<C> {
  const title = syllables(c.title);
  const match = matchDocument(q, c);
  const numberMatch = match.ownNumber;
  let found = 0;
  let exactFound = 0;
  let inTitle = 0;
  let tf = 0;
  for (const t of distinct) {
    let n = 0;
    let e = 0;
    for (const d of doc) {
      if (same(t, d)) {
        n++;
        if (exact(t, d)) e++;
      }
    }
    if (n > 0) found++;
    if (e > 0) exactFound++;
    if (title.some((d) => same(t, d))) inTitle++;
    tf += Math.log1p(n);
  }
  const k = Math.max(distinct.length, 1);
  // Adjacent pairs of the query standing together in the document, and the whole query as a run.
  let pairs = 0;
  let exactPairs = 0;
  let pairTotal = 0;
  for (let i = 0; i < pairStats.length; i++) {
    const { weight: w, count: n } = pairStats[i]!;
    pairTotal += w;
    if (n > 0) pairs += w * (1 + Math.log1p(n) / 4);
    if (n > 0 && occurs([q.terms[i]!, q.terms[i + 1]!], doc, exact) > 0) exactPairs += w;
  }
  const pairCount = Math.max(pairTotal, 1e-9);
  const whole = q.terms.length > 1 ? occurs(q.terms, doc, same) : 0;
  // The whole query in the title: the directive is about it.
  const wholeInTitle = q.terms.length > 1 && occurs(q.terms, title, same) > 0;
  const phraseBonus = q.phrases.reduce((s, p) => s + Math.log1p(occurs(p, doc, exact)), 0);
  // the named province's own directives first, then those of the provinces merged into it in 2025
  const province = q.provinces.some((p) => p.province === c.province);
  const successor = match.units.includes('successor');
  const typeWanted = q.docTypes.length > 0 && !!c.docType && q.docTypes.includes(c.docType);
  const units = Math.max(q.units.length, 1);
  const score =
    (numberMatch ? 1000 : 0) +
    (match.citesOnly ? 0 : 200 * (match.matched / units)) +
    (typeWanted ? 50 : 0) +
    100 * (found / k) +
    (province ? 60 : successor ? 45 : 0) +
    40 * (pairs / pairCount) +
    (whole > 0 ? 30 + 5 * Math.log1p(whole) : 0) +
    (wholeInTitle ? 25 : 0) +
    15 * (exactFound / k) +
    10 * (exactPairs / pairCount) +
    10 * (inTitle / k) +
    5 * phraseBonus +
    3 * (tf / k) -
    0.01 * c.indexRank;
  return { candidate: c, score, complete: match.full, numberMatch, match };
}

/**
 * Every candidate scored, best first, with how it matches: found directives (every unit
 * matched) rank by their score, those matching part of the query by how much they match.
 */
export function rankAll<C extends Candidate>(q: ParsedQuery, candidates: C[]): Scored<C>[] {
  const docs = candidates.map((c) => documentSyllables(c.text));
  const distinct = [...new Map(q.terms.map((t) => [t.norm, t])).values()];
  // Each adjacent pair counted once per document: for its weight and for the document's score.
  const counts = docs.map((d) => q.terms.slice(1).map((t, i) => occurs([q.terms[i]!, t], d, same)));
  const weights = pairWeights(counts, q.terms.length - 1);
  const scored = candidates.map((c, i) =>
    scoreCandidate(
      q,
      c,
      docs[i]!,
      distinct,
      weights.map((weight, p) => ({ weight, count: counts[i]![p]! })),
    ),
  );
  return scored.sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) || b.score - a.score || a.candidate.indexRank - b.candidate.indexRank,
  );
}

/**
 * The found candidates best first; when none is found, those matching part of the query (at
 * least one unit), best first. Candidates matching nothing are dropped.
 */
export function rerank<C extends Candidate>(q: ParsedQuery, candidates: C[]): Scored<C>[] {
  const all = rankAll(q, candidates);
  const complete = all.filter((s) => s.complete);
  return complete.length > 0 ? complete : all.filter((s) => s.match.matched > 0);
}

/**
 * Inverse document frequency of each adjacent query pair among the candidates: a pair found in
 * few candidates weighs more than one found in most ("mũi 3" over "tiêm mũi").
 */
function pairWeights(counts: number[][], pairs: number): number[] {
  const weights: number[] = [];
  for (let p = 0; p < pairs; p++) {
    const df = counts.filter((row) => row[p]! > 0).length;
    weights.push(Math.log(1 + (counts.length + 1) / (df + 1)));
  }
  return weights;
}
