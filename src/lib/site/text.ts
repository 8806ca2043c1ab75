/**
 * Reader-facing strings built from metadata: a directive's heading ("Công văn số 907-CV/TU"),
 * the issuer with its place ("Thường trực Tỉnh ủy Vĩnh Phúc"), the citation, the province label
 * with its 2025 successor.
 */
import type { DirectiveData } from '../directive-schema.ts';
import { provinceByName, successorLabel } from '../provinces.ts';
import { formatDate } from './dates.ts';
import { foldKeepLength, toNFC } from '../vietnamese.ts';

/** "Công văn số 907-CV/TU" or just "Điện" when the document has no number. */
export function docLabel(d: Pick<DirectiveData, 'docType' | 'number'>): string {
  return d.number ? `${d.docType} số ${d.number}` : d.docType;
}

/**
 * The page heading: "Công văn số 907-CV/TU: Về việc …", but without saying the type twice when
 * the title already begins with it ("Thông báo kết luận của …" stays as written; with a number
 * it goes after the type, as Vietnamese citations write it: "Thông báo số 89-TB/TU kết luận …").
 * Compared folded, so case, tone placement and missing diacritics do not matter.
 */
export function docHeading(d: Pick<DirectiveData, 'docType' | 'number' | 'title'>): string {
  const title = toNFC(d.title);
  const type = toNFC(d.docType);
  const startsWithType =
    foldKeepLength(title).startsWith(foldKeepLength(type)) && !/^[\p{L}\p{N}]/u.test(title.slice(type.length));
  if (!startsWithType) return `${docLabel(d)}: ${d.title}`;
  const rest = title.slice(type.length).replace(/^[\s:,.–—-]+/, '');
  // the title states its own number already ("Công văn số 907-CV/TU về việc …")
  if (!d.number || /^so\b/.test(foldKeepLength(rest))) return title;
  return rest
    ? `${title.slice(0, type.length)} số ${d.number} ${rest}`
    : `${title.slice(0, type.length)} số ${d.number}`;
}

/** "Thường trực Tỉnh ủy Vĩnh Phúc"; "UBND Thành phố Hồ Chí Minh" (no doubled "thành phố"). */
export function issuerWithPlace(issuer: string, province: string): string {
  if (/^Thành phố /.test(province)) return `${issuer.replace(/\s+thành phố$/i, '')} ${province}`;
  return `${issuer} ${province}`;
}

/** "Vĩnh Phúc — nay thuộc tỉnh Phú Thọ", or the bare name when the province still exists. */
export function provinceLabel(name: string): string {
  const s = successorLabel(provinceByName(name));
  return s ? `${name} — ${s}` : name;
}

/**
 * A ready citation, in the order Vietnamese archives cite documents: issuer, type and number,
 * date, title, then the archive and the permalink. No access date, so builds stay deterministic.
 */
export function citationText(d: DirectiveData, permalink: string): string {
  const parts = [
    `${issuerWithPlace(d.issuer, d.province)}.`,
    `${docLabel(d)}, ${d.date.length === 7 ? formatDate(d.date) : `ngày ${formatDate(d.date)}`}:`,
    `“${d.title}”.`,
    'Lưu trữ văn bản phòng, chống COVID-19.',
    permalink,
  ];
  return parts.join(' ');
}
