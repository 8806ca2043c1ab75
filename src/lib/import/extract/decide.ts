/**
 * Rules as data: a field is an ordered list of named rules, each reading the shared context and
 * proposing a value with a confidence and its evidence (or nothing). The first rule that proposes
 * wins, as the order says which evidence Vietnamese documents make most reliable; but every rule
 * runs, so a strong rule that disagrees lowers the winner's confidence below the review line and
 * says why. A value called sure is one no other strong evidence contradicts.
 */
import type { Field } from './types.ts';

export interface Candidate<T> {
  value: T;
  confidence: number;
  evidence: string | null;
  reason?: string;
  /** a finding for the report, raised only if this candidate wins */
  warning?: string;
}

export interface Rule<I, T> {
  /** the name fixtures and reports use ("so-line", "metadata-table", "lead-sentence") */
  name: string;
  propose: (input: I) => Candidate<T> | null;
}

/** Confidence from which a disagreeing rule puts the winner under review. */
const STRONG = 0.8;
/** Where a contradicted value lands: below the 0.7 review line. */
const CONTRADICTED = 0.6;

export function decide<I, T>(
  rules: ReadonlyArray<Rule<I, T>>,
  input: I,
  fallback: Field<T>,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
  show: (v: T) => string = String,
  warnings?: Array<{ code: string; message: string }>,
  warningCode = 'review',
): Field<T> {
  const proposed = rules.flatMap((r) => {
    const c = r.propose(input);
    return c ? [{ ...c, rule: r.name }] : [];
  });
  const found = proposed[0];
  if (!found) return fallback;
  const { warning, ...win } = found;
  if (warning) warnings?.push({ code: warningCode, message: warning });
  const against = proposed.find((c) => c !== win && c.confidence >= STRONG && !same(c.value, win.value));
  // what the archivist gives is not second-guessed; an honest null has nothing to lower
  if (against && win.value !== null && win.confidence < 1 && win.confidence > CONTRADICTED) {
    return {
      ...win,
      confidence: CONTRADICTED,
      reason:
        `the ${win.rule} gives ${show(win.value)} but the ${against.rule} ` +
        `gives ${show(against.value)}${win.reason ? `; ${win.reason}` : ''}`,
    };
  }
  return win;
}
