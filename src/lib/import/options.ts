/**
 * Values an archivist gives on the command line (--type, --issuer, --number, --title, besides
 * --province and --date), checked against the one lists in src/lib, so that no refused document
 * needs its MDX written by hand. Each refusal names the option that fixes it.
 */
import { foldForMatch } from '../vietnamese.ts';
import { DOC_TYPE_NAMES, type DocTypeName } from '../doc-types.ts';
import { ISSUERS, type Issuer } from '../issuers.ts';
import { PROVINCES, findProvince } from '../provinces.ts';
import { docNumberKey, normalizeDocNumber } from '../doc-number.ts';
import { isoDate } from '../directive-schema.ts';

/** What the archivist supplies; every field optional. */
export interface FieldOptions {
  province?: string | undefined;
  date?: string | undefined;
  /** one of DOC_TYPE_NAMES, typed with or without diacritics ("cong van") */
  docType?: string | undefined;
  /** one of ISSUERS, without the place ("UBND tỉnh", "Ban Thường vụ Tỉnh ủy") */
  issuer?: string | undefined;
  number?: string | undefined;
  title?: string | undefined;
}

export interface CheckedOptions {
  province?: string;
  date?: string;
  docType?: DocTypeName;
  issuer?: Issuer;
  number?: string;
  title?: string;
}

/** The option that supplies a field, as the archivist types it. */
export const OPTION_FOR: Readonly<Record<string, string>> = {
  province: '--province',
  date: '--date',
  docType: '--type',
  issuer: '--issuer',
  number: '--number',
  title: '--title',
};

/** An example for each option, shown in refusals. */
export const OPTION_EXAMPLE: Readonly<Record<string, string>> = {
  province: '--province "<tỉnh>"',
  date: '--date <YYYY-MM-DD>',
  docType: '--type "<loại văn bản>"',
  issuer: '--issuer "<cơ quan ban hành>"',
  number: '--number <số hiệu>',
  title: '--title "<tiêu đề>"',
};

const byFold = <T extends string>(list: readonly T[], v: string): T | undefined =>
  list.find((x) => foldForMatch(x) === foldForMatch(v));

/** Check the options; returns the values in their archive spelling, or the first error found. */
export function checkOptions(o: FieldOptions): { ok: true; value: CheckedOptions } | { ok: false; error: string } {
  const out: CheckedOptions = {};
  if (o.province !== undefined) {
    const p = findProvince(o.province);
    if (!p)
      return {
        ok: false,
        error:
          `--province "${o.province}" is not one of the 63 provinces; check the spelling (e.g. "Vĩnh Phúc" ` +
          `or "vinh phuc"). Accepted: ${PROVINCES.map((x) => x.name).join(', ')}.`,
      };
    out.province = p.name;
  }
  if (o.date !== undefined) {
    if (!isoDate.safeParse(o.date).success)
      return {
        ok: false,
        error: `--date "${o.date}" is not a real date; write it as YYYY-MM-DD or YYYY-MM (e.g. 2021-07-24).`,
      };
    out.date = o.date;
  }
  if (o.docType !== undefined) {
    const t = byFold(DOC_TYPE_NAMES, o.docType);
    if (!t)
      return {
        ok: false,
        error:
          `--type "${o.docType}" is not a document type of the archive. ` +
          `Accepted: ${DOC_TYPE_NAMES.map((x) => `"${x}"`).join(', ')}.`,
      };
    out.docType = t;
  }
  if (o.issuer !== undefined) {
    const i = byFold(ISSUERS, o.issuer.replace(/ủy ban nhân dân/iu, 'UBND'));
    if (!i)
      return {
        ok: false,
        error:
          `--issuer "${o.issuer}" is not an issuing body of the archive (give it without the place; the ` +
          `place is --province). Accepted: ${ISSUERS.map((x) => `"${x}"`).join(', ')}.`,
      };
    out.issuer = i;
  }
  if (o.number !== undefined) {
    const n = normalizeDocNumber(o.number);
    if (!docNumberKey(n))
      return {
        ok: false,
        error:
          `--number "${o.number}" is not a document number; write it as printed, e.g. 24/CT-UBND, ` +
          `469-CV/TU or 03.`,
      };
    out.number = n;
  }
  if (o.title !== undefined) {
    const t = o.title.trim();
    if (t.length < 3)
      return { ok: false, error: `--title "${o.title}" is empty; give the document's title in quotes.` };
    out.title = t;
  }
  return { ok: true, value: out };
}
