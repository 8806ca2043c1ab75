/**
 * Re-ranking reads each candidate once, as its text arrives (prepare), and scores a batch after
 * (scoreAll); it counts query words, pairs and runs over the positions where they stand. The
 * scores must be those of the straightforward count over every document syllable (kept here as
 * the reference), on the fixture directives and on generated texts, for queries of every kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchDocument } from '../../src/lib/search/match.ts';
import { parseQuery, type ParsedQuery } from '../../src/lib/search/query.ts';
import { occurs, prepare, rankAll, scoreAll, type Candidate } from '../../src/lib/search/rank.ts';
import { documentSyllables, matchesAsTyped, syllables, type Syllable } from '../../src/lib/search/text.ts';

const same = (q: Syllable, d: Syllable) => q.fold === d.fold;

/** The scoring as first written: every count a pass over the document. */
function referenceScores(q: ParsedQuery, candidates: Candidate[]): Map<Candidate, number> {
  const docs = candidates.map((c) => documentSyllables(c.text));
  const distinct = [...new Map(q.terms.map((t) => [t.norm, t])).values()];
  const counts = docs.map((d) => q.terms.slice(1).map((t, i) => occurs([q.terms[i]!, t], d, same)));
  const weights: number[] = [];
  for (let p = 0; p < q.terms.length - 1; p++) {
    const df = counts.filter((row) => row[p]! > 0).length;
    weights.push(Math.log(1 + (counts.length + 1) / (df + 1)));
  }
  const out = new Map<Candidate, number>();
  candidates.forEach((c, ci) => {
    const doc = docs[ci]!;
    const title = syllables(c.title);
    const match = matchDocument(q, c);
    let found = 0;
    let exactFound = 0;
    let inTitle = 0;
    let tf = 0;
    for (const t of distinct) {
      let n = 0;
      let e = 0;
      for (const d of doc)
        if (same(t, d)) {
          n++;
          if (matchesAsTyped(t, d)) e++;
        }
      if (n > 0) found++;
      if (e > 0) exactFound++;
      if (title.some((d) => same(t, d))) inTitle++;
      tf += Math.log1p(n);
    }
    const k = Math.max(distinct.length, 1);
    let pairs = 0;
    let exactPairs = 0;
    let pairTotal = 0;
    weights.forEach((w, i) => {
      const n = counts[ci]![i]!;
      pairTotal += w;
      if (n > 0) pairs += w * (1 + Math.log1p(n) / 4);
      if (n > 0 && occurs([q.terms[i]!, q.terms[i + 1]!], doc, matchesAsTyped) > 0) exactPairs += w;
    });
    const pairCount = Math.max(pairTotal, 1e-9);
    const whole = q.terms.length > 1 ? occurs(q.terms, doc, same) : 0;
    const wholeInTitle = q.terms.length > 1 && occurs(q.terms, title, same) > 0;
    const phraseBonus = q.phrases.reduce((s, p) => s + Math.log1p(occurs(p, doc, matchesAsTyped)), 0);
    const province = q.provinces.some((p) => p.province === c.province);
    const successor = match.units.includes('successor');
    const typeWanted = q.docTypes.length > 0 && !!c.docType && q.docTypes.includes(c.docType);
    const units = Math.max(q.units.length, 1);
    out.set(
      c,
      (match.ownNumber ? 1000 : 0) +
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
        0.01 * c.indexRank,
    );
  });
  return out;
}

const QUERIES = [
  'tiêm vắc xin cho trẻ em',
  'F0 tại nhà',
  'phòng chống dịch',
  'dich dich benh',
  'giãn cách xã hội 16/CT-TTg',
  '"cách ly tập trung" 14 ngày',
  'mũi 3 tiêm',
  'chỉ thị tỉnh ủy hà nội',
  'vinh phuc',
  '469-CV/TU thanh hoa',
  'Hoà Bình hòa bình',
  'virus covid19',
  'thanh thanh thanh hoa',
];

const fixtureDocs = (): Candidate[] => {
  const root = resolve(import.meta.dirname, '../fixtures/search-content/directives');
  const out: Candidate[] = [];
  for (const province of readdirSync(root))
    for (const f of readdirSync(join(root, province))) {
      const text = readFileSync(join(root, province, f), 'utf8');
      const title = /^title: (.*)$/m.exec(text)?.[1] ?? '';
      out.push({ url: `/${province}/${f}/`, title, number: null, province, text, indexRank: out.length % 7 });
    }
  return out;
};

const expectSameScores = (q: ParsedQuery, cands: Candidate[]): void => {
  const ref = referenceScores(q, cands);
  const got = scoreAll(
    q,
    cands.map((c) => prepare(q, c)),
  );
  expect(got).toHaveLength(cands.length);
  for (const s of got) expect(s.score).toBeCloseTo(ref.get(s.candidate)!, 9);
};

describe('batch scoring', () => {
  it('gives the reference scores on the fixture directives, in batches as the search makes them', () => {
    const docs = fixtureDocs();
    expect(docs.length).toBeGreaterThan(10);
    for (const text of QUERIES) {
      const q = parseQuery(text);
      for (let at = 0; at < docs.length; at += 5) expectSameScores(q, docs.slice(at, at + 12));
      // rankAll is the same thing in one call
      expect(rankAll(q, docs).map((s) => s.score)).toEqual(
        scoreAll(
          q,
          docs.map((c) => prepare(q, c)),
        ).map((s) => s.score),
      );
    }
  });

  it('gives the reference scores on generated texts that repeat, interleave and split the query words', () => {
    const words = [
      'tiêm',
      'tiem',
      'vắc',
      'xin',
      'cho',
      'trẻ',
      'em',
      'F0',
      'tại',
      'nhà',
      'nha',
      'thanh',
      'hóa',
      'hoa',
      'hòa',
      'dịch',
      'dich',
      '14',
      'ngày',
      'mũi',
      '3',
      'Hà',
      'Nội',
    ];
    const seps = [' ', ', ', '. ', '\n', ' – ', '-'];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 0, maxLength: 60 })
      .map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...QUERIES, 'thanh hóa thanh', 'tiêm tiem tiêm'),
        (texts, query) => {
          const cands = texts.map((t, i) => ({
            url: `/${i}/`,
            title: t.slice(0, 20),
            number: null,
            province: 'Hà Nội',
            text: t,
            indexRank: i,
          }));
          expectSameScores(parseQuery(query), cands);
        },
      ),
      { numRuns: 300 },
    );
  });
});
