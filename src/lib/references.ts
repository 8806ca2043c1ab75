/**
 * Which archived directive a citation points to. A provincial number ("323-TB/TU") means the
 * citing province's own committee, and numbers restart every year, so a reference resolves by
 * number within the citing directive's province, narrowed by the cited date when it is given.
 * National documents (Chỉ thị 16/CT-TTg, Nghị quyết 128/NQ-CP…) are outside a provincial archive.
 */
import { docNumberKey } from './doc-number.ts';
import { isNationalNumber } from './national-issuers.ts';
import type { DirectiveReference } from './directive-schema.ts';

export interface ReferenceTarget {
  id: string;
  province: string;
  number: string | null;
  date: string;
}

// The national issuer codes live in one list beside doc-number.ts, shared with the importer.
export { NATIONAL_ISSUERS, isNationalNumber } from './national-issuers.ts';

export type Resolution =
  | { status: 'resolved'; id: string }
  | { status: 'self' }
  | { status: 'ambiguous'; ids: string[] }
  | { status: 'date-mismatch'; ids: string[] }
  | { status: 'national' }
  | { status: 'missing' }
  | { status: 'unreadable' };

export interface ReferenceIndex {
  byKey: Map<string, ReferenceTarget[]>;
}

export function buildReferenceIndex(targets: readonly ReferenceTarget[]): ReferenceIndex {
  const byKey = new Map<string, ReferenceTarget[]>();
  for (const t of targets) {
    const key = t.number ? docNumberKey(t.number) : null;
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(t);
    byKey.set(key, list);
  }
  return { byKey };
}

/** "2021-11" matches "2021-11-08": the less precise date is a prefix of the other. */
export function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export function resolveReference(ref: DirectiveReference, citing: ReferenceTarget, index: ReferenceIndex): Resolution {
  const key = docNumberKey(ref.number);
  if (!key) return { status: 'unreadable' };
  const sameProvince = (index.byKey.get(key) ?? []).filter((t) => t.province === citing.province);
  const candidates = sameProvince.filter((t) => t.id !== citing.id);
  const selfMatch =
    citing.number !== null &&
    docNumberKey(citing.number) === key &&
    (ref.date === null || datesAgree(ref.date, citing.date));
  if (selfMatch && !candidates.some((t) => ref.date !== null && datesAgree(ref.date, t.date))) {
    return { status: 'self' };
  }
  if (candidates.length === 0) return isNationalNumber(ref.number) ? { status: 'national' } : { status: 'missing' };
  const dated = ref.date === null ? candidates : candidates.filter((t) => datesAgree(ref.date!, t.date));
  if (dated.length === 1) return { status: 'resolved', id: dated[0]!.id };
  if (dated.length === 0) return { status: 'date-mismatch', ids: candidates.map((t) => t.id) };
  return { status: 'ambiguous', ids: dated.map((t) => t.id) };
}
