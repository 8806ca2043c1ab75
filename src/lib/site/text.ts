/**
 * Reader-facing strings built from metadata: a directive's heading ("Công văn số 907-CV/TU"),
 * the issuer with its place ("Thường trực Tỉnh ủy Vĩnh Phúc"), the citation, the province label
 * with its 2025 successor.
 */
import type { DirectiveData } from '../directive-schema.ts';
import { provinceByName, successorLabel } from '../provinces.ts';
import { formatDate } from './dates.ts';

/** "Công văn số 907-CV/TU" or just "Điện" when the document has no number. */
export function docLabel(d: Pick<DirectiveData, 'docType' | 'number'>): string {
  return d.number ? `${d.docType} số ${d.number}` : d.docType;
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
