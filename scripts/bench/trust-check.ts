/**
 * What one query of the trust set (scripts/bench/trust-set.ts) must show, checked against what
 * a search showed: the same check for the engine in Node, the real page in Chromium and plain
 * Pagefind, so their figures compare.
 */
import type { GeneratedDoc } from './generated-corpus.ts';
import type { TrustQuery } from './trust-set.ts';

/** What a search showed for a query. */
export interface Shown {
  /** the count it gave for found directives (null: it gave none, e.g. "about") */
  count: number | null;
  /** found directives, in order (as many as it listed) */
  found: string[];
  /** directives listed as citing the number asked for */
  citing: string[];
  /** directives listed as partial matches, in order */
  partial: string[];
  /** the number it said the archive does not hold, if any */
  missingNumber: string | null;
}

export interface TrustOutcome {
  q: string;
  kind: string;
  problems: string[];
  /** 1 when the first result is right (or, with nothing to find, nothing was found) */
  top1: boolean;
  /** results called found that are not */
  falseFound: number;
  /** directives that should be found and were not listed (among the first `listed`) */
  missed: number;
}

export function checkTrust(
  item: TrustQuery,
  docs: GeneratedDoc[],
  shown: Shown,
  opts: { pageSize?: number; headings?: boolean } = {},
): TrustOutcome {
  const pageSize = opts.pageSize ?? 10;
  const url = new Map(docs.map((d) => [d.url, d]));
  const expected = docs.filter(item.found).map((d) => d.url);
  const problems: string[] = [];
  const falseFound = shown.found.filter((u) => !expected.includes(u));
  if (falseFound.length) problems.push(`called found but does not match: ${falseFound.slice(0, 3).join(', ')}`);
  if (shown.count !== expected.length) problems.push(`count ${shown.count}, expected ${expected.length}`);
  const listed = Math.min(expected.length, pageSize);
  const missed = expected.length ? Math.max(0, listed - shown.found.filter((u) => expected.includes(u)).length) : 0;
  if (missed) problems.push(`${missed} of the first ${listed} found directives not listed`);
  let top1: boolean;
  if (expected.length) {
    const first = item.first ?? item.found;
    const d = url.get(shown.found[0] ?? '');
    top1 = !!d && first(d);
    if (!top1) problems.push(`first result ${shown.found[0] ?? 'none'} is not the one expected`);
  } else {
    top1 = shown.found.length === 0;
    if (item.first) {
      const d = url.get(shown.partial[0] ?? '');
      if (!d || !item.first(d)) {
        top1 = false;
        problems.push(`first partial match ${shown.partial[0] ?? 'none'} is not the one expected`);
      }
    }
  }
  if (opts.headings !== false) {
    if (item.partial === true && shown.partial.length === 0) problems.push('no partial matches shown');
    if (item.partial === false && shown.partial.length > 0)
      problems.push(`partial matches shown: ${shown.partial.slice(0, 2).join(', ')}`);
    if (item.missingNumber && shown.missingNumber !== item.missingNumber)
      problems.push(`says it lacks ${shown.missingNumber ?? 'nothing'}, expected ${item.missingNumber}`);
    if (!item.missingNumber && shown.missingNumber) problems.push(`says it lacks ${shown.missingNumber}`);
    if (item.citing) {
      // every directive listed as citing does cite it, and (up to a page) all of them are listed
      const want = docs.filter(item.citing).map((d) => d.url);
      const wrong = shown.citing.filter((u) => !want.includes(u));
      if (wrong.length) problems.push(`listed as citing but does not: ${wrong.slice(0, 2).join(', ')}`);
      if (shown.citing.length < Math.min(want.length, pageSize))
        problems.push(`citing ${shown.citing.length}, expected ${want.length}`);
    } else if (shown.citing.length) problems.push(`citing listed: ${shown.citing.slice(0, 2).join(', ')}`);
    const wrongCiting = shown.citing.filter((u) => expected.includes(u));
    if (wrongCiting.length) problems.push(`a found directive listed as citing: ${wrongCiting[0]}`);
  }
  return {
    q: item.q + (item.nfd ? ' (NFD)' : ''),
    kind: item.kind,
    problems,
    top1,
    falseFound: falseFound.length,
    missed,
  };
}

export interface TrustReport {
  outcomes: TrustOutcome[];
  /** share of queries with no problem at all */
  passed: number;
  top1: number;
  falseFound: number;
}

export function summariseTrust(outcomes: TrustOutcome[]): TrustReport {
  const n = outcomes.length || 1;
  return {
    outcomes,
    passed: outcomes.filter((o) => o.problems.length === 0).length / n,
    top1: outcomes.filter((o) => o.top1).length / n,
    falseFound: outcomes.reduce((s, o) => s + o.falseFound, 0),
  };
}
