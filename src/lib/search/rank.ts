/**
 * Re-ranks the candidates the index returned, on their full text: whole syllables instead of
 * prefixes, query syllables that stand together far above scattered ones, quoted phrases
 * required, matches with the typed diacritics above folded-only ones, and the intents (a
 * document's own number first, then the named province's directives).
 */
import { matchDocument, type DocumentMatch } from './match.ts';
import type { ParsedQuery } from './query.ts';
import { documentSyllables, foldPositions, matchesAsTyped, occurrences, syllables, type Syllable } from './text.ts';

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

/**
 * What scoring needs of one candidate, read off its text once: the part of its score that does
 * not depend on the other candidates. A candidate can be prepared as soon as its text arrives;
 * scoring a batch (scoreAll) then only weighs the query's word pairs among them.
 */
export interface Prepared<C extends Candidate = Candidate> {
  candidate: C;
  match: DocumentMatch;
  /** per adjacent query pair: how often it stands (folded) in the document */
  pairCounts: number[];
  /** per adjacent query pair: whether it stands with the diacritics typed */
  pairExact: boolean[];
  /** distinct query syllables found folded, found as typed, found in the title */
  found: number;
  exactFound: number;
  inTitle: number;
  /** sum over distinct query syllables of log(1 + occurrences) */
  tf: number;
  /** how often the whole query stands (folded) in the document */
  whole: number;
  wholeInTitle: boolean;
  phraseBonus: number;
}

/**
 * Per query syllable, where in the document it stands: folded (`fold`) and as typed (`typed`),
 * as positions in the document's syllables, ascending, looked up in its positions by folded
 * spelling (foldPositions); pairs and runs are then counted over these few positions.
 */
function hitsOf(terms: Syllable[], doc: Syllable[]): { fold: number[][]; typed: number[][] } {
  const at = foldPositions(doc);
  const fold = terms.map((t) => at.get(t.fold) ?? []);
  const typed = terms.map((t, i) =>
    t.norm === t.fold ? fold[i]! : fold[i]!.filter((p) => matchesAsTyped(t, doc[p]!)),
  );
  return { fold, typed };
}

/** How often query syllables from..to-1 stand together in a row, by their positions (hitsOf). */
function runs(hit: number[][], from: number, to: number): number {
  const starts = hit[from]!;
  if (starts.length === 0) return 0;
  const rest: Set<number>[] = [];
  for (let j = from + 1; j < to; j++) {
    if (hit[j]!.length === 0) return 0;
    rest.push(new Set(hit[j]!));
  }
  let count = 0;
  for (const p of starts) {
    let ok = true;
    for (let j = 0; j < rest.length && ok; j++) ok = rest[j]!.has(p + j + 1);
    if (ok) count++;
  }
  return count;
}

/** How many times `seq` stands in `doc`, word after word (`eq` decides a word's match). */
export function occurs(seq: Syllable[], doc: Syllable[], eq: (q: Syllable, d: Syllable) => boolean): number {
  return occurrences(seq, doc, eq).length;
}

/** A document syllable matches a query syllable: folded equality. */
const same = (q: Syllable, d: Syllable): boolean => q.fold === d.fold;

/** Reads what scoring needs off one candidate's text (and checks whether it matches: match.ts). */
export function prepare<C extends Candidate>(q: ParsedQuery, c: C): Prepared<C> {
  const doc = documentSyllables(c.text);
  const match = matchDocument(q, c);
  const title = syllables(c.title);
  const terms = q.terms;
  const { fold, typed } = hitsOf(terms, doc);
  // distinct by spelling: the last of each, as a Map keeps it (equal spellings hit alike)
  const distinct = [...new Map(terms.map((t, i) => [t.norm, i])).values()];
  let found = 0;
  let exactFound = 0;
  let inTitle = 0;
  let tf = 0;
  for (const t of distinct) {
    const n = fold[t]!.length;
    const e = typed[t]!.length;
    if (n > 0) found++;
    if (e > 0) exactFound++;
    if (title.some((d) => same(terms[t]!, d))) inTitle++;
    tf += Math.log1p(n);
  }
  const pairCounts: number[] = [];
  const pairExact: boolean[] = [];
  for (let p = 0; p + 1 < terms.length; p++) {
    const n = runs(fold, p, p + 2);
    pairCounts.push(n);
    pairExact.push(n > 0 && runs(typed, p, p + 2) > 0);
  }
  return {
    candidate: c,
    match,
    pairCounts,
    pairExact,
    found,
    exactFound,
    inTitle,
    tf,
    whole: terms.length > 1 ? runs(fold, 0, terms.length) : 0,
    // the whole query in the title: the directive is about it
    wholeInTitle: terms.length > 1 && occurs(terms, title, same) > 0,
    phraseBonus: q.phrases.reduce((s, ph) => s + Math.log1p(occurs(ph, doc, matchesAsTyped)), 0),
  };
}

function scorePrepared<C extends Candidate>(q: ParsedQuery, p: Prepared<C>, weights: number[]): Scored<C> {
  const { candidate: c, match } = p;
  const numberMatch = match.ownNumber;
  const k = Math.max(new Set(q.terms.map((t) => t.norm)).size, 1);
  // Adjacent pairs of the query standing together in the document, and the whole query as a run.
  let pairs = 0;
  let exactPairs = 0;
  let pairTotal = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const n = p.pairCounts[i]!;
    pairTotal += w;
    if (n > 0) pairs += w * (1 + Math.log1p(n) / 4);
    if (p.pairExact[i]) exactPairs += w;
  }
  const pairCount = Math.max(pairTotal, 1e-9);
  const whole = p.whole;
  // the named province's own directives first, then those of the provinces merged into it in 2025
  const province = q.provinces.some((pr) => pr.province === c.province);
  const successor = match.units.includes('successor');
  const typeWanted = q.docTypes.length > 0 && !!c.docType && q.docTypes.includes(c.docType);
  const units = Math.max(q.units.length, 1);
  const score =
    (numberMatch ? 1000 : 0) +
    (match.citesOnly ? 0 : 200 * (match.matched / units)) +
    (typeWanted ? 50 : 0) +
    100 * (p.found / k) +
    (province ? 60 : successor ? 45 : 0) +
    40 * (pairs / pairCount) +
    (whole > 0 ? 30 + 5 * Math.log1p(whole) : 0) +
    (p.wholeInTitle ? 25 : 0) +
    15 * (p.exactFound / k) +
    10 * (exactPairs / pairCount) +
    10 * (p.inTitle / k) +
    5 * p.phraseBonus +
    3 * (p.tf / k) -
    0.01 * c.indexRank;
  return { candidate: c, score, complete: match.full, numberMatch, match };
}

/**
 * Prepared candidates scored together, best first: found directives (every unit matched) rank
 * by their score, those matching part of the query by how much they match. A pair of query
 * words weighs by how few of these candidates hold it.
 */
export function scoreAll<C extends Candidate>(q: ParsedQuery, prepared: Prepared<C>[]): Scored<C>[] {
  const weights = pairWeights(
    prepared.map((p) => p.pairCounts),
    q.terms.length - 1,
  );
  return prepared
    .map((p) => scorePrepared(q, p, weights))
    .sort(
      (a, b) =>
        Number(b.complete) - Number(a.complete) || b.score - a.score || a.candidate.indexRank - b.candidate.indexRank,
    );
}

/**
 * Every candidate scored, best first, with how it matches: found directives (every unit
 * matched) rank by their score, those matching part of the query by how much they match.
 */
export function rankAll<C extends Candidate>(q: ParsedQuery, candidates: C[]): Scored<C>[] {
  return scoreAll(
    q,
    candidates.map((c) => prepare(q, c)),
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
