/**
 * Tables for the two pre-Unicode Vietnamese encodings still found in archives, TCVN3 (ABC,
 * TCVN 5712:1993) and VNI (VNI-Windows), in both directions. Decoding is table-driven; encoding
 * exists so tests can produce legacy bytes from text we write ourselves.
 */

// TCVN3: one byte per precomposed letter. Upper-case toned letters have no codes of their own
// (old fonts drew them from the same codes), so they decode to lower case.
const TCVN3_PAIRS: Array<[number, string]> = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];
const TCVN3_DECODE = new Map<number, string>(TCVN3_PAIRS);
const TCVN3_ENCODE = new Map<string, number>(TCVN3_PAIRS.map(([b, c]) => [c, b]));

/** Bytes in TCVN3 to a Unicode string (NFC). Bytes outside the table are read as Latin-1. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += TCVN3_DECODE.get(b) ?? String.fromCharCode(b);
  return out;
}

/** A Unicode string to TCVN3 bytes (upper-case toned letters are written lower case). */
export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase());
    if (code !== undefined) out.push(code);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(0x3f); // '?': not representable
  }
  return Uint8Array.from(out);
}

// VNI-Windows: a base letter followed by one modifier byte (or two: vowel shape + tone).
// Modifier bytes, lower case (upper-case letters take the upper-case bytes, second column).
const VNI_TONE: Record<string, [number, number]> = {
  '\u0301': [0xf9, 0xd9], // sắc
  '\u0300': [0xf8, 0xd8], // huyền
  '\u0309': [0xfb, 0xdb], // hỏi
  '\u0303': [0xf5, 0xd5], // ngã
  '\u0323': [0xef, 0xcf], // nặng
};
// circumflex + tone and breve + tone have their own single bytes
const VNI_CIRC: Record<string, [number, number]> = {
  '': [0xe2, 0xc2], '\u0301': [0xe1, 0xc1], '\u0300': [0xe0, 0xc0], '\u0309': [0xe5, 0xc5], '\u0303': [0xe3, 0xc3], '\u0323': [0xe4, 0xc4],
};
const VNI_BREVE: Record<string, [number, number]> = {
  '': [0xea, 0xca], '\u0301': [0xe9, 0xc9], '\u0300': [0xe8, 0xc8], '\u0309': [0xfa, 0xda], '\u0303': [0xfc, 0xdc], '\u0323': [0xeb, 0xcb],
};
// letters VNI writes as one byte
const VNI_SINGLE: Record<string, [number, number]> = {
  'đ': [0xf1, 0xd1], 'ơ': [0xf4, 0xd4], 'ư': [0xf6, 0xd6],
  'í': [0xed, 0xcd], 'ì': [0xec, 0xcc], 'ỉ': [0xe6, 0xc6], 'ĩ': [0xf3, 0xd3], 'ị': [0xf2, 0xd2],
};

/** The VNI byte sequence for one Unicode letter, or undefined when it is plain ASCII/unknown. */
function vniBytes(ch: string): number[] | undefined {
  const lower = ch.toLowerCase();
  const up = ch !== lower ? 1 : 0;
  if (VNI_SINGLE[lower]) return [VNI_SINGLE[lower]![up]];
  const nfd = lower.normalize('NFD');
  const base = nfd[0]!;
  const marks = nfd.slice(1);
  if (!/[aeiouy]/.test(base) || !marks) return undefined;
  const tone = [...marks].find((m) => VNI_TONE[m]) ?? '';
  const shape = [...marks].find((m) => m === '\u0302' || m === '\u0306' || m === '\u031b') ?? '';
  const baseByte = (up ? base.toUpperCase() : base).charCodeAt(0);
  if (shape === '\u0302') return [baseByte, VNI_CIRC[tone]![up]];
  if (shape === '\u0306') return [baseByte, VNI_BREVE[tone]![up]];
  if (shape === '\u031b') {
    // ơ / ư with a tone: the single-byte letter, then the tone byte
    const single = VNI_SINGLE[base === 'o' ? 'ơ' : 'ư']![up];
    return tone ? [single, VNI_TONE[tone]![up]] : [single];
  }
  if (base === 'i' && tone) return [VNI_SINGLE[('i' + tone).normalize('NFC')]![up]];
  return tone ? [baseByte, VNI_TONE[tone]![up]] : undefined;
}

const cp1252 = (b: number): string => WIN1252_HIGH[b - 0x80] ?? String.fromCharCode(b);
// Windows-1252 0x80–0x9F (the rest of the high half equals Latin-1)
const WIN1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'.split('');

// every Vietnamese letter, to build the VNI decoding map from the encoder
const VIET_LETTERS = (() => {
  const bases = 'aăâeêioôơuưy';
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const out = new Set<string>(['đ', 'Đ']);
  for (const b of bases) for (const t of tones) {
    const c = (b + t).normalize('NFC');
    out.add(c); out.add(c.toUpperCase());
  }
  return [...out];
})();

const VNI_DECODE = (() => {
  const m = new Map<string, string>();
  for (const ch of VIET_LETTERS) {
    const bytes = vniBytes(ch);
    if (!bytes) continue;
    m.set(bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : cp1252(b))).join(''), ch);
  }
  return m;
})();
const VNI_PATTERN = new RegExp(
  [...VNI_DECODE.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

/** Bytes in VNI-Windows to a Unicode string (NFC). */
export function decodeVni(bytes: Uint8Array): string {
  let latin = '';
  for (const b of bytes) latin += b < 0x80 ? String.fromCharCode(b) : cp1252(b);
  return latin.replace(VNI_PATTERN, (s) => VNI_DECODE.get(s) ?? s);
}

/** A Unicode string to VNI-Windows bytes. */
export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const bytes = vniBytes(ch);
    if (bytes) out.push(...bytes);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Split a string into the form Windows-1258 stores: letters with their shape marks (â, ơ, ă…)
 * precomposed and tone marks as separate combining characters. iconv-lite does the byte step.
 */
export function toWindows1258Form(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((c) => TONE_MARKS.test(c));
    out += tone ? nfd.replace(tone, '').normalize('NFC') + tone : ch;
  }
  return out;
}
