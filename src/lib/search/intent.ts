/**
 * What a query is asking for beyond its words: a document number ("469-CV/TU", "CV 469",
 * "công văn 469") or a province ("vinh phuc", "Thanh Hóa").
 */
import { docNumberKey, normalizeDocNumber } from '../doc-number.ts';
import { DOC_TYPES } from '../doc-types.ts';
import { PROVINCES } from '../provinces.ts';
import { foldDiacritics } from '../vietnamese.ts';
import { matchesAsTyped, syllables, type Syllable } from './text.ts';

export interface NumberIntent {
  /** the serial ("469") */
  serial: string;
  /** letter codes typed with it, folded upper case (["CV", "TU"]); may be empty */
  codes: string[];
  /** the full key when codes were given ("469:CV:TU") */
  key: string | null;
}

// Folded document-type names and their codes, longest first ("thong bao ket luan" before "thong bao"),
// each with its "type then serial" pattern, compiled once: Unicode-class patterns are slow to
// compile, and a query compiled fifteen of them (about 9 ms in Chromium).
const TYPE_WORDS = DOC_TYPES.filter((t) => t.code)
  .map((t) => ({
    name: t.name as string,
    words: foldDiacritics(t.name.toLowerCase()),
    code: foldDiacritics(t.code).toUpperCase(),
  }))
  .sort((a, b) => b.words.length - a.words.length)
  .map((t) => ({
    ...t,
    serialAfter: new RegExp(
      `(?:^|[^\\p{L}\\p{N}])(?:${t.words}|${t.code.toLowerCase()})\\s*(?:so\\s*)?(\\d{1,5})(?![\\p{L}\\p{N}])`,
      'u',
    ),
  }));
const TYPE_CODES = new Set(TYPE_WORDS.map((t) => t.code));
// A type's code by its name, folded as the intents hold it ("Công điện" -> "CD"), and the first
// type of each code in the list's order ("TB" -> "Thông báo").
const CODE_OF_TYPE = new Map(TYPE_WORDS.map((t) => [t.name, t.code]));
const TYPE_OF_CODE = new Map(
  DOC_TYPES.filter((t) => t.code)
    .reverse()
    .map((t) => [foldDiacritics(t.code).toUpperCase(), t.name as string]),
);
/** The code of a document type, folded as the intents hold it ("Công điện" -> "CD"); null for none. */
export function typeCode(docType: string | null | undefined): string | null {
  return (docType && CODE_OF_TYPE.get(docType)) || null;
}
/** The type a code typed in a query names ("CV" -> "Công văn"): the first type of that code. */
export function typeOfCode(code: string): string | null {
  return TYPE_OF_CODE.get(code) ?? null;
}
// A state body's code first, as a state công văn's number has it ("2100/UBND-KGVX",
// "3738/UBND-VP", "1803/BCĐ-VX"): written serial, slash, codes joined by a hyphen.
const ISSUER_FIRST = /^(?:[A-Z]{0,4}UBND|UB|BCD|HDND|SYT|VP)$/;
const STATE_SHAPE = /\d\s*\/\s*\p{L}+\s*-\s*\p{L}/u;
const stateNumber = (written: string, codes: readonly string[]): boolean =>
  codes.length > 1 && ISSUER_FIRST.test(codes[0]!) && STATE_SHAPE.test(written);
// Issuer codes people type after a number with spaces ("469 cv tu", "35 ct ttg").
const SPACED_CODES = new Set([
  'TU',
  'TW',
  'UBND',
  'TTG',
  'CP',
  'BCD',
  'VX',
  'VP',
  'BTV',
  'TTTU',
  'HDND',
  'BYT',
  'KGVX',
  'BCS',
  'DU',
  'UB',
  'BTC',
  'VPCP',
  'TTTW',
  'BCT',
]);

/**
 * A document number in the query, typed any way: "469-CV/TU", "469/CV-TU", "469 cv tu",
 * "CV 469", "công văn 469", "số 469". Null when the query has no serial that looks like one.
 */
export function detectNumber(query: string): NumberIntent | null {
  // every form below has a serial: without a digit there is nothing to look for (and the
  // patterns, compiled on first use, cost a search its first milliseconds)
  if (!/\d/.test(query)) return null;
  const q = foldDiacritics(query.normalize('NFC'))
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  // Serial followed by letter codes: 469-CV/TU, 469/cv-tu, 469 cv tu, 35/CT-TTg.
  const full =
    /(?:^|[^\p{L}\p{N}])(\d{1,5})\s*[-/ ]\s*([a-z]{1,6}(?:\s*[-/ ]\s*[a-z]{1,8}){0,3})(?![\p{L}\p{N}])/u.exec(q);
  if (full) {
    // Codes joined by a space only when they are issuers' codes: "469 cv tu", but
    // "26-CT/TU hai phong" is a number and a place.
    const parts = full[2]!.toUpperCase().split(/(\s*[-/]\s*|\s+)/);
    const codes: string[] = [parts[0]!];
    for (let i = 1; i + 1 < parts.length; i += 2) {
      if (!/[-/]/.test(parts[i]!) && !SPACED_CODES.has(parts[i + 1]!)) break;
      codes.push(parts[i + 1]!);
    }
    if (TYPE_CODES.has(codes[0]!) || stateNumber(full[0]!, codes)) {
      return { serial: String(Number(full[1])), codes, key: docNumberKey(`${full[1]}-${codes.join('/')}`) };
    }
  }
  // A type code or a type name, then the serial: "CV 469", "công văn số 469".
  for (const t of TYPE_WORDS) {
    const m = t.serialAfter.exec(q);
    if (m) return { serial: String(Number(m[1])), codes: [t.code], key: null };
  }
  const so = /(?:^|[^\p{L}\p{N}])so\s*(\d{1,5})(?![\p{L}\p{N}])/u.exec(q);
  if (so) return { serial: String(Number(so[1])), codes: [], key: null };
  return null;
}

/**
 * Does a directive's own number satisfy the intent? `docType`: the directive's type, for a type
 * named before the serial ("công văn 2100", "CV 2100", "công điện 03"): a state công văn's
 * number carries no type code ("2100/UBND-KGVX"), nor does a bare "03", so the type is the
 * directive's own. A number that does carry a type code must carry the one asked for.
 */
export function numberMatches(
  intent: NumberIntent,
  number: string | null | undefined,
  docType?: string | null,
): boolean {
  if (!number) return false;
  const key = docNumberKey(number);
  if (!key) return false;
  const [serial, ...codes] = key.split(':');
  if (serial !== intent.serial) return false;
  const typeNamed = intent.key === null && intent.codes.length === 1;
  if (typeNamed && !TYPE_CODES.has(codes[0] ?? '') && typeCode(docType) === intent.codes[0]) {
    return true;
  }
  return intent.codes.every((c, i) => (i === 0 ? codes[0] === c : codes.includes(c)));
}

/** What starts the index-only token of a directive's own number ("so469cvtu"). */
export const OWN_NUMBER_PREFIX = 'so';
/** What starts the index-only token of a number a directive cites ("dc469cvtu"). */
export const CITED_NUMBER_PREFIX = 'dc';

/** The tokens the indexer adds for a directive's own number, so a search can reach it exactly. */
export function numberTokens(number: string | null | undefined): string[] {
  const key = number ? docNumberKey(number) : null;
  if (!key) return [];
  const [serial, ...codes] = key.split(':');
  const so = `${OWN_NUMBER_PREFIX}${serial}`;
  const out = [so];
  if (codes.length) out.push(`${so}${codes[0]!.toLowerCase()}`, `${so}${codes.join('').toLowerCase()}`);
  return [...new Set(out)];
}

/** The tokens the indexer adds for a number a directive cites (not its own): "dc" instead of "so". */
export function citeTokens(number: string | null | undefined): string[] {
  return numberTokens(number).map(cited);
}

const cited = (own: string): string => CITED_NUMBER_PREFIX + own.slice(OWN_NUMBER_PREFIX.length);

/** The cite token a search asks Pagefind for, given an intent. */
export function citeQueryToken(intent: NumberIntent): string {
  return cited(numberQueryToken(intent));
}

// A number as texts write it: serial, then a type code and issuer codes ("469-CV/TU",
// "16/CT-TTg", "2686/QĐ-UBND", "số 15/2021/NĐ-CP"); the first code must be a document type's.
const NUMBER_IN_TEXT = new RegExp(
  // the serial, an optional year, then the type code and up to three issuer codes
  String.raw`(?<![\p{L}\p{N}])(\d{1,5})(?:\/(?:19|20)\d\d)?\s?[-/]\s?` +
    String.raw`([\p{L}]{1,6}(?:\s?[-/]\s?[\p{L}]{1,8}){0,3})(?![\p{L}\p{N}])`,
  'gu',
);

// A type's name or code standing just before a number ("Công văn số ", "CV "), in folded text.
const TYPE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${TYPE_WORDS.map((t) => `${t.words}|${t.code.toLowerCase()}`).join('|')})\\s+(?:so\\s*)?$`,
  'u',
);
const TYPE_OF_NAME = new Map(TYPE_WORDS.map((t) => [t.words, t.name]));

export interface TypedCitation {
  /** the number as written, normalised ("2100/UBND-KGVX") */
  number: string;
  /** the type named before it ("Công văn") */
  docType: string;
}

/**
 * The document numbers a text writes, normalised ("Công văn số 469-CV/TU" -> "469-CV/TU"), once
 * each; and, read in the same pass, the state bodies' numbers it cites after naming their type
 * ("Thực hiện Công văn số 2100/UBND-KGVX", "Công văn 2621/SGTVT-TT"). Such a number carries no
 * type code, so "công văn 2100" reaches the texts citing it only through the type written
 * before it: the type named is what makes it a number, whatever body's code follows.
 */
export function citationsIn(text: string): { numbers: string[]; typed: TypedCitation[] } {
  const numbers = new Set<string>();
  const typed = new Map<string, TypedCitation>();
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const codes = foldDiacritics(m[2]!)
      .toUpperCase()
      .split(/[^A-Z]+/)
      .filter(Boolean);
    const number = normalizeDocNumber(`${m[1]}-${m[2]}`.replace(/\s+/g, ''));
    if (TYPE_CODES.has(codes[0]!) || ['QD', 'ND', 'TTG'].includes(codes[0]!) || stateNumber(m[0], codes))
      numbers.add(number);
    if (TYPE_CODES.has(codes[0]!) || codes.length < 2 || !STATE_SHAPE.test(m[0])) continue;
    const named = TYPE_BEFORE.exec(foldDiacritics(text.slice(Math.max(0, m.index - 30), m.index)).toLowerCase());
    const docType = named ? (TYPE_OF_NAME.get(named[1]!) ?? typeOfCode(named[1]!.toUpperCase())) : null;
    if (docType) typed.set(`${number} ${docType}`, { number, docType });
  }
  return { numbers: [...numbers], typed: [...typed.values()] };
}

/** The cite token of a typed citation: what "công văn 2100" asks the index for (citeQueryToken). */
export function typedCiteToken(c: TypedCitation): string | null {
  const key = docNumberKey(c.number);
  const code = typeCode(c.docType);
  return key && code ? citeQueryToken({ serial: key.split(':')[0]!, codes: [code], key: null }) : null;
}

/** The token a search asks Pagefind for, given an intent (the most specific one the index holds). */
export function numberQueryToken(intent: NumberIntent): string {
  const so = `${OWN_NUMBER_PREFIX}${intent.serial}`;
  if (intent.codes.length >= 2) return `${so}${intent.codes.join('').toLowerCase()}`;
  if (intent.codes.length === 1) return `${so}${intent.codes[0]!.toLowerCase()}`;
  return so;
}

// Folded type names as syllables, longest first; "Điện" and "Văn bản" name too much else to count.
const TYPE_NAME_SYL = DOC_TYPES.filter((t) => t.name !== 'Điện' && t.name !== 'Văn bản')
  .map((t) => ({ name: t.name as string, syl: syllables(t.name) }))
  .sort((a, b) => b.syl.length - a.syl.length);

/** Document types named in the query ("chỉ thị", "cong van"), with their range in the syllables. */
export function detectDocTypes(q: Syllable[]): { name: string; from: number; to: number }[] {
  const out: { name: string; from: number; to: number }[] = [];
  const used = new Set<number>();
  for (const { name, syl } of TYPE_NAME_SYL) {
    for (let i = 0; i + syl.length <= q.length; i++) {
      if (syl.every((s, j) => !used.has(i + j) && matchesAsTyped(q[i + j]!, s))) {
        for (let j = 0; j < syl.length; j++) used.add(i + j);
        out.push({ name, from: i, to: i + syl.length });
      }
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The 2021 provinces whose directives a 2025 province's name finds: itself and those merged into it. */
export function provincesNowIn(name: string): string[] {
  return PROVINCES.filter((p) => p.name === name || p.successor2025 === name).map((p) => p.name);
}

export interface ProvinceIntent {
  province: string;
  /** index range of the query syllables naming it */
  from: number;
  to: number;
}

const PROVINCE_NAMES_SYL = PROVINCES.flatMap((p) =>
  [p.name, ...p.aliases].map((n) => ({ province: p.name, syl: syllables(n) })),
).sort((a, b) => b.syl.length - a.syl.length);

/**
 * Provinces named in the query. A syllable typed without diacritics matches any spelling
 * ("dien bien" names Điện Biên); one typed with diacritics must match them ("diễn biến" does not).
 */
export function detectProvinces(q: Syllable[]): ProvinceIntent[] {
  const found: ProvinceIntent[] = [];
  const used = new Set<number>();
  for (const { province, syl } of PROVINCE_NAMES_SYL) {
    for (let i = 0; i + syl.length <= q.length; i++) {
      let ok = true;
      for (let j = 0; j < syl.length && ok; j++) {
        const a = q[i + j]!;
        const b = syl[j]!;
        ok = !used.has(i + j) && matchesAsTyped(a, b);
      }
      if (ok) {
        for (let j = 0; j < syl.length; j++) used.add(i + j);
        found.push({ province, from: i, to: i + syl.length });
      }
    }
  }
  return found;
}
