/**
 * Vietnamese text handling for the whole archive: Unicode normalisation, tone-mark placement,
 * diacritic folding and slugs. Importer, site and search all call these, so a query, a
 * document and a URL agree on what "the same word" means.
 */

/** Compose to NFC: old software and copy-paste from PDFs often yield decomposed (NFD) marks. */
export function toNFC(text: string): string {
  return text.normalize('NFC');
}

// Old ("hoà", "thuỷ") versus new ("hòa", "thủy") tone placement: the two styles differ only for
// the open clusters oa, oe, uy at the end of a syllable. The reference list uses the new style.
const OLD_TO_NEW: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};
const withUpper = (map: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = { ...map };
  for (const [from, to] of Object.entries(map)) {
    out[from.toUpperCase()] = to.toUpperCase();
    out[from[0]!.toUpperCase() + from.slice(1)] = to[0]!.toUpperCase() + to.slice(1);
  }
  return out;
};
const OLD_TO_NEW_ALL = withUpper(OLD_TO_NEW);
// Not after "q" ("quý" is q-u-ý, its tone is on y in both styles) nor "g" ("giá"), and only at
// a syllable's end: "hoàng" is the same in both styles.
const OLD_TONE = new RegExp(`(?<![qQgG])(${Object.keys(OLD_TO_NEW_ALL).join('|')})(?![\\p{L}\\p{M}])`, 'gu');

/** Move tone marks from the old placement to the new one ("Thanh Hoá" -> "Thanh Hóa"). Expects NFC. */
export function toNewTonePlacement(text: string): string {
  return text.replace(OLD_TONE, (m) => OLD_TO_NEW_ALL[m] ?? m);
}

/** NFC plus new tone placement: the canonical spelling the archive stores and compares. */
export function normalizeVietnamese(text: string): string {
  return toNewTonePlacement(toNFC(text));
}

/** Strip every diacritic, including đ/Đ (which Unicode does not decompose). Keeps case. */
export function foldDiacritics(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text; // nothing to fold (the common case for codes and numbers)
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lowercased, folded, whitespace-collapsed form for comparing names typed any way. */
export function foldForMatch(text: string): string {
  // table-driven (see foldKeepLength): tone placement does not matter once marks are gone
  return foldKeepLength(toNFC(text))
    .replace(/[\u0300-\u036f]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A readable ASCII slug: "Thừa Thiên Huế" -> "thua-thien-hue", "469-CV/TU" -> "469-cv-tu". */
export function slugify(text: string): string {
  return foldForMatch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Vietnamese collation for sorting names ("Đà Nẵng" after "Cần Thơ", before "Gia Lai"). */
let collator: Intl.Collator | undefined; // made on first use: the search page never sorts names
export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base' });
  return collator.compare(a, b);
}

const UTF16 = new TextDecoder('utf-16le');
// Folded code unit for code units below U+2000 (Latin, combining marks, Vietnamese letters),
// filled on first sight of each unit (0 = not yet): a text meets a few dozen of them, and
// filling all 8,192 up front cost every page that loads this module about 15 ms.
const FOLD_TABLE = new Uint16Array(0x2000);
function foldUnit(c: number): number {
  let f = FOLD_TABLE[c]!;
  if (f === 0) {
    const ch = String.fromCharCode(c);
    const folded = c < 0x80 ? ch.toLowerCase() : foldDiacritics(ch).toLowerCase();
    f = folded.length === 1 ? folded.charCodeAt(0) : c;
    FOLD_TABLE[c] = f;
  }
  return f;
}
/**
 * Lowercase and fold diacritics one UTF-16 unit at a time, so index i of the result is index i
 * of the input (expects NFC text). Lets a matcher search folded text and cut the original.
 */
export function foldKeepLength(text: string): string {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x2000 ? foldUnit(c) : c;
  }
  return UTF16.decode(out);
}

// Styled look-alikes that Unicode's compatibility decomposition does not map to Latin letters:
// small capitals and the other "phonetic" capitals that fancy-text generators use.
const SMALL_CAPITALS: Record<string, string> = {
  ᴀ: 'A',
  ʙ: 'B',
  ᴄ: 'C',
  ᴅ: 'D',
  ᴇ: 'E',
  ꜰ: 'F',
  ɢ: 'G',
  ʜ: 'H',
  ɪ: 'I',
  ᴊ: 'J',
  ᴋ: 'K',
  ʟ: 'L',
  ᴍ: 'M',
  ɴ: 'N',
  ᴏ: 'O',
  ᴘ: 'P',
  ǫ: 'Q',
  ʀ: 'R',
  ꜱ: 'S',
  ᴛ: 'T',
  ᴜ: 'U',
  ᴠ: 'V',
  ᴡ: 'W',
  ʏ: 'Y',
  ᴢ: 'Z',
};
// Mathematical alphanumerics (U+1D400–U+1D7FF), fullwidth ASCII (U+FF01–U+FF5E), circled and
// parenthesised letters: NFKC maps each to its plain letter. Applied to these ranges only, so
// "…", "½" or "²" elsewhere in a directive are kept as written.
const COMPAT_LETTERS = /[\u{1D400}-\u{1D7FF}\uFF01-\uFF5E\u24B6-\u24E9]/gu;
const SMALL_CAPS = new RegExp(`[${Object.keys(SMALL_CAPITALS).join('')}]`, 'g');
// Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: invisible, and they cut
// a word in two for every matcher.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Remove characters that show nothing but split words (zero-width spaces and joiners, soft hyphens). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Read styled look-alike letters as the letters they imitate ("Hᴀ̀ Nᴏ̣̂ɪ" -> "HÀ NỘI",
 * "t𝚑ự𝚌 𝚑𝚒ệ𝚗" -> "thực hiện"), drop invisible characters, and compose to NFC. The importer
 * applies it to the text it extracts and emits, and search to records and queries alike.
 */
export function readAsPlainLetters(text: string): string {
  const plain = stripInvisible(text)
    .replace(COMPAT_LETTERS, (c) => c.normalize('NFKC'))
    .replace(SMALL_CAPS, (c) => SMALL_CAPITALS[c]!);
  return plain.normalize('NFC');
}
