/**
 * Document numbers ("số hiệu"). Party documents write `469-CV/TU` (serial-type/issuer), state
 * documents `35/CT-TTg` (serial/type-issuer). Typed and scanned forms vary in spaces and dashes;
 * these helpers give one stored spelling and one key to compare any spelling by.
 */
import { foldDiacritics, toNFC } from './vietnamese.ts';

const DASHES = /[\u2010-\u2015\u2212]/g;

/** Stored spelling: NFC, ASCII dashes, no spaces around "-" and "/" ("907 -CV/TU" -> "907-CV/TU"). */
export function normalizeDocNumber(raw: string): string {
  return toNFC(raw)
    .replace(DASHES, '-')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface DocNumberParts {
  /** the serial number, without leading zeros ("07" -> "7") */
  serial: string;
  /** the letter codes in order, folded and upper-cased ("CĐ/TU" -> ["CD", "TU"]) */
  codes: string[];
}

/** Split a number into serial and codes; null when it has no serial digits. */
export function parseDocNumber(raw: string): DocNumberParts | null {
  const folded = foldDiacritics(normalizeDocNumber(raw)).toUpperCase();
  const m = /^(\d+)(.*)$/.exec(folded);
  if (!m) return null;
  const codes = m[2]!.split(/[^A-Z0-9]+/).filter(Boolean);
  return { serial: String(Number(m[1])), codes };
}

/**
 * A comparison key that ignores spacing, dashes vs slashes, diacritics and case:
 * "469-CV/TU", "469/CV-TU" and "469 cv tu" all give "469:CV:TU".
 */
export function docNumberKey(raw: string): string | null {
  const p = parseDocNumber(raw);
  return p ? [p.serial, ...p.codes].join(':') : null;
}

/**
 * What makes two directives one document, for the importer and `npm run check` alike: the
 * same province, number (as its key) and date. Null when any is missing or the number is unreadable.
 */
export function duplicateKey(
  province: string | null | undefined,
  number: string | null | undefined,
  date: string | null | undefined,
): string | null {
  const key = number ? docNumberKey(number) : null;
  return province && key && date ? `${province}|${key}|${date}` : null;
}
