/**
 * Re-ranks the candidates the index returned, on their full text: whole syllables instead of
 * prefixes, query syllables that stand together far above scattered ones, quoted phrases
 * required, matches with the typed diacritics above folded-only ones, and the intents (a
 * document's own number first, then the named province's directives).
 */
import { numberMatches } from './intent.ts';
import type { ParsedQuery } from './query.ts';
import { documentSyllables, syllables, type Syllable } from './text.ts';

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
}

export interface Scored<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  /** every query syllable occurs as a whole word (or the number matched) */
  complete: boolean;
  numberMatch: boolean;
}

/** A document syllable matches a query syllable: folded equality. */
function same(q: Syllable, d: Syllable): boolean {
  return q.fold === d.fold;
}
/** …and with the diacritics the user typed (a query syllable typed without any matches exactly too). */
function exact(q: Syllable, d: Syllable): boolean {
  return q.norm === q.fold ? q.fold === d.fold : q.norm === d.norm;
}

function occurs(seq: Syllable[], doc: Syllable[], eq: (q: Syllable, d: Syllable) => boolean): number {
  let count = 0;
  for (let i = 0; i + seq.length <= doc.length; i++) {
    let ok = true;
    for (let j = 0; j < seq.length && ok; j++) ok = eq(seq[j]!, doc[i + j]!);
    if (ok) count++;
  }
  return count;
}

/**
 * Weights of the query's adjacent pairs (1 each by default). rerank() gives a pair found in
 * few candidates more weight than one found in most ("mũi 3" over "tiêm mũi").
 */
export type PairWeights = number[];

export function scoreCandidate<C extends Candidate>(
  q: ParsedQuery,
  c: C,
  pairWeights?: PairWeights,
  doc: Syllable[] = documentSyllables(c.text),
): Scored<C> | null {
  const title = syllables(c.title);
  const numberMatch = q.number ? numberMatches(q.number, c.number) : false;
  for (const phrase of q.phrases) {
    if (occurs(phrase, doc, same) === 0) return null;
  }
  const distinct = [...new Map(q.terms.map((t) => [t.norm, t])).values()];
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
  for (let i = 0; i + 1 < q.terms.length; i++) {
    const pair = [q.terms[i]!, q.terms[i + 1]!];
    const w = pairWeights?.[i] ?? 1;
    pairTotal += w;
    const n = occurs(pair, doc, same);
    if (n > 0) pairs += w * (1 + Math.log1p(n) / 4);
    if (n > 0 && occurs(pair, doc, exact) > 0) exactPairs += w;
  }
  const pairCount = Math.max(pairTotal, 1e-9);
  const whole = q.terms.length > 1 ? occurs(q.terms, doc, same) : 0;
  // The whole query in the title: the directive is about it.
  const wholeInTitle = q.terms.length > 1 && occurs(q.terms, title, same) > 0;
  const phraseBonus = q.phrases.reduce((s, p) => s + Math.log1p(occurs(p, doc, exact)), 0);
  const province = q.provinces.some((p) => p.province === c.province);
  const score =
    (numberMatch ? 1000 : 0) +
    100 * (found / k) +
    (province ? 60 : 0) +
    40 * (pairs / pairCount) +
    (whole > 0 ? 30 + 5 * Math.log1p(whole) : 0) +
    (wholeInTitle ? 25 : 0) +
    15 * (exactFound / k) +
    10 * (exactPairs / pairCount) +
    10 * (inTitle / k) +
    5 * phraseBonus +
    3 * (tf / k) -
    0.01 * c.indexRank;
  return { candidate: c, score, complete: found === distinct.length || numberMatch, numberMatch };
}

/**
 * Orders candidates best first. Candidates missing a quoted phrase are dropped; candidates in
 * which some query syllable appears only as a prefix of another word are kept only when no
 * candidate has them all.
 */
export function rerank<C extends Candidate>(q: ParsedQuery, candidates: C[]): Scored<C>[] {
  const docs = candidates.map((c) => documentSyllables(c.text));
  const weights = pairWeightsFor(q, docs);
  const scored = candidates.map((c, i) => scoreCandidate(q, c, weights, docs[i])).filter((s): s is Scored<C> => s !== null);
  const complete = scored.filter((s) => s.complete);
  const pool = complete.length > 0 ? complete : scored;
  return pool.sort((a, b) => b.score - a.score || a.candidate.indexRank - b.candidate.indexRank);
}

/** Inverse document frequency of each adjacent query pair among the candidates. */
export function pairWeightsFor(q: ParsedQuery, docs: Syllable[][]): PairWeights {
  if (q.terms.length < 2 || docs.length === 0) return [];
  const weights: PairWeights = [];
  for (let i = 0; i + 1 < q.terms.length; i++) {
    const pair = [q.terms[i]!, q.terms[i + 1]!];
    const df = docs.filter((d) => occurs(pair, d, same) > 0).length;
    weights.push(Math.log(1 + (docs.length + 1) / (df + 1)));
  }
  return weights;
}
