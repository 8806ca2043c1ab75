/**
 * Which archived directive a citation points to. A provincial number ("323-TB/TU") means the
 * citing province's own committee, and numbers restart every year, so a reference resolves by
 * number within the citing directive's province, narrowed by the cited date when it is given.
 * National documents (Chỉ thị 16/CT-TTg, Nghị quyết 128/NQ-CP…) are outside a provincial archive.
 */
import { docNumberKey, parseDocNumber } from '../doc-number.ts';
import type { DirectiveReference } from '../directive-schema.ts';

export interface ReferenceTarget {
  id: string;
  province: string;
  number: string | null;
  date: string;
}

/** Codes that only central bodies use, and who they are: a number carrying one is a national document. */
export const NATIONAL_ISSUERS: Readonly<Record<string, string>> = {
  TTG: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  TW: 'Trung ương Đảng',
  VPCP: 'Văn phòng Chính phủ',
  BYT: 'Bộ Y tế',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  UBTVQH14: 'Ủy ban Thường vụ Quốc hội',
  UBTVQH15: 'Ủy ban Thường vụ Quốc hội',
  BCDQG: 'Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19',
  VPTW: 'Văn phòng Trung ương Đảng',
  BCT: 'Bộ Công Thương',
  BGTVT: 'Bộ Giao thông vận tải',
  BGDDT: 'Bộ Giáo dục và Đào tạo',
  BLDTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BTC: 'Bộ Tài chính',
  BQP: 'Bộ Quốc phòng',
  BCA: 'Bộ Công an',
  BNG: 'Bộ Ngoại giao',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BKHDT: 'Bộ Kế hoạch và Đầu tư',
  BNV: 'Bộ Nội vụ',
  BTP: 'Bộ Tư pháp',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
};

const NATIONAL_CODES = new Set(Object.keys(NATIONAL_ISSUERS));

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

export function isNationalNumber(number: string): boolean {
  const parts = parseDocNumber(number);
  if (!parts) return false;
  // Any code may be the issuer: "35/CT-TTg" (type, issuer), "58/BVHTTDL-VHCS" (issuer, department).
  // Ministries are "B" + initials (BYT, BVHTTDL, BGDĐT); provincial boards starting with B are
  // the steering committee (BCĐ), standing board (BTV), party caucus (BCS) and managing boards (BQL).
  return parts.codes.some((c) => NATIONAL_CODES.has(c) || /^B(?!CD|TV|CS|QL)[A-Z]{2,}$/.test(c));
}

export function resolveReference(
  ref: DirectiveReference,
  citing: ReferenceTarget,
  index: ReferenceIndex,
): Resolution {
  const key = docNumberKey(ref.number);
  if (!key) return { status: 'unreadable' };
  const sameProvince = (index.byKey.get(key) ?? []).filter((t) => t.province === citing.province);
  const candidates = sameProvince.filter((t) => t.id !== citing.id);
  const selfMatch = citing.number !== null && docNumberKey(citing.number) === key
    && (ref.date === null || datesAgree(ref.date, citing.date));
  if (selfMatch && !candidates.some((t) => ref.date !== null && datesAgree(ref.date, t.date))) {
    return { status: 'self' };
  }
  if (candidates.length === 0) return isNationalNumber(ref.number) ? { status: 'national' } : { status: 'missing' };
  const dated = ref.date === null ? candidates : candidates.filter((t) => datesAgree(ref.date!, t.date));
  if (dated.length === 1) return { status: 'resolved', id: dated[0]!.id };
  if (dated.length === 0) return { status: 'date-mismatch', ids: candidates.map((t) => t.id) };
  return { status: 'ambiguous', ids: dated.map((t) => t.id) };
}
