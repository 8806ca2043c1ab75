/**
 * Every directive's own number, in the index's page order, as a small file beside the index
 * (pagefind/numbers.json). Loaded only when a query asks for a number no directive carries,
 * to offer the nearest numbers of the same issuer, or type ("Không có văn bản số 123-CV/TU trong kho").
 */
import { parseDocNumber } from '../doc-number.ts';
import { SEARCH_FILES_ON_DEMAND } from './files.ts';
import type { NumberIntent } from './intent.ts';

export const NUMBERS_FILE = SEARCH_FILES_ON_DEMAND.numbers;
export const NUMBERS_VERSION = 1;

export interface NumbersFile {
  version: typeof NUMBERS_VERSION;
  /** per row of the catalogue, its own number ("" for none) */
  numbers: string[];
}

export function buildNumbers(numbers: readonly string[]): NumbersFile {
  return { version: NUMBERS_VERSION, numbers: [...numbers] };
}

export function readNumbers(file: NumbersFile): string[] {
  if (!file || file.version !== NUMBERS_VERSION || !Array.isArray(file.numbers)) {
    throw new Error(`Search numbers: unknown format (version ${String(file?.version)})`);
  }
  return file.numbers.map((n) => String(n ?? ''));
}

/**
 * The rows whose numbers are nearest to the one asked for, among those with the same codes
 * (type and issuer: "CV/TU", "CT-TTg"; only the type when that is all that was typed, and then
 * also the directives of that type whose number has no type code: a state công văn's
 * "2100/UBND-KGVX", by `typeCode`, the code of a row's type) and passing `keep` (the year asked
 * for): closest serial first, then lower serial.
 */
export function nearestNumbers(
  want: NumberIntent,
  numbers: readonly string[],
  keep: (row: number) => boolean,
  n = 5,
  typeCode: (row: number) => string | null = () => null,
): number[] {
  const target = Number(want.serial);
  const found: { row: number; d: number; serial: number }[] = [];
  numbers.forEach((num, row) => {
    if (!num || !keep(row)) return;
    const p = parseDocNumber(num);
    if (!p) return;
    const same =
      want.codes.length >= 2
        ? p.codes.join('/') === want.codes.join('/')
        : want.codes.length === 1
          ? p.codes[0] === want.codes[0] || typeCode(row) === want.codes[0]
          : true;
    if (!same) return;
    const serial = Number(p.serial);
    if (serial === target) return;
    found.push({ row, d: Math.abs(serial - target), serial });
  });
  return found
    .sort((a, b) => a.d - b.d || a.serial - b.serial || a.row - b.row)
    .slice(0, n)
    .map((x) => x.row);
}
