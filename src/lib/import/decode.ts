/**
 * Step 1: bytes -> Unicode text (NFC) plus the encoding it was read as.
 * UTF-8 (with or without BOM) and UTF-16 are recognised from their structure; legacy
 * single-byte files are decoded every plausible way (Windows-1258, TCVN3, VNI) and the
 * reading that yields the most well-formed Vietnamese syllables wins. Non-text is refused.
 */
import iconv from 'iconv-lite';
import { decodeTcvn3, decodeVni } from './legacy-encodings.ts';
import { ImportError } from './errors.ts';
import { MAX_INPUT_BYTES, tooLargeMessage } from './limits.ts';
import { removeUnsafeChars } from '../text-safety.ts';
import type { ImportWarning } from './warnings.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** doubtful readings (replacement characters, UTF-8 inside a legacy file) and removed control characters */
  warnings: ImportWarning[];
}

// A Vietnamese syllable: optional onset, a vowel cluster, optional coda, at most one tone.
const V = 'aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ';
const SYLLABLE = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${V}]{1,3}(ch|ng|nh|[cmnpt])?$`);
const TONED = /[àằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ]/g;

/** How Vietnamese a text reads: well-formed toned/shaped syllables minus impossible words. */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const raw of text.toLowerCase().split(/[\s.,;:!?()"“”'‘’\-–/]+/)) {
    if (!raw || /^[a-z0-9]+$/.test(raw)) continue; // ASCII says nothing about the encoding
    const w = raw.normalize('NFC');
    if (SYLLABLE.test(w) && (w.match(TONED)?.length ?? 0) <= 1) score += 1;
    else score -= 1;
  }
  return score;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** The text when the bytes are valid UTF-8, else null. */
function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: most ASCII characters leave a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  let evenZero = 0,
    oddZero = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Text has few control characters; binary files have many (and NULs). */
function looksBinary(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > 0 && bad / Math.max(text.length, 1) > 0.01;
}

const lineOfOffset = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** "12", "12–14", "12, 20–21 and 3 more" */
function lineList(lines: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    ranges.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return ranges.length > 3 ? `${ranges.slice(0, 3).join(', ')} and ${ranges.length - 3} more` : ranges.join(', ');
}

/**
 * Lines of a file that is not UTF-8 as a whole but that are themselves valid UTF-8 with
 * several multi-byte letters: a UTF-8 paragraph pasted into a legacy-encoded file. Reading the
 * whole file one legacy way turns them into mojibake ("Ã¡", "á»‡"). Legacy Vietnamese text
 * rarely forms even one valid multi-byte UTF-8 sequence by chance, let alone three in a line.
 */
export function utf8LinesInLegacy(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    let sequences = 0;
    let valid = true;
    for (let k = start; k < i && valid; k++) {
      const b = bytes[k]!;
      if (b < 0x80) continue;
      const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (!len || k + len > i) {
        valid = false;
        break;
      }
      for (let c = 1; c < len; c++) if ((bytes[k + c]! & 0xc0) !== 0x80) valid = false;
      // overlong forms, surrogates and code points past U+10FFFF are not UTF-8
      const second = bytes[k + 1]!;
      if (
        (b === 0xe0 && second < 0xa0) ||
        (b === 0xed && second > 0x9f) ||
        (b === 0xf0 && second < 0x90) ||
        (b === 0xf4 && second > 0x8f)
      )
        valid = false;
      sequences++;
      k += len - 1;
    }
    if (valid && sequences >= 3) out.push(line);
    start = i + 1;
    line++;
  }
  return out;
}

function finish(text: string, encoding: Encoding, name: string, bytes: Uint8Array): Decoded {
  const nfc = text.normalize('NFC');
  if (looksBinary(nfc)) {
    throw new ImportError(
      `${name}: this is not a text file (it contains binary data). Import the text of the document (a .txt ` +
        `file), not a PDF, Word or image file.`,
    );
  }
  if (!nfc.trim())
    throw new ImportError(
      `${name}: the file has no text (it is empty or only whitespace). Check that you picked the right file.`,
    );
  const warnings: ImportWarning[] = [];
  const legacy = encoding === 'windows-1258' || encoding === 'tcvn3' || encoding === 'vni';
  const mixed = legacy ? utf8LinesInLegacy(bytes) : [];
  if (mixed.length) {
    warnings.push({
      code: 'mixed-encoding',
      line: mixed[0]!,
      message:
        `line(s) ${lineList(mixed)} are UTF-8 inside a file read as ${encoding}: they will show as ` +
        `garbled letters (such as "Ã¡"). Open the original, save the whole file as UTF-8 and import it again.`,
    });
  }
  const replacement = nfc.indexOf('\ufffd');
  if (replacement >= 0) {
    const count = nfc.split('\ufffd').length - 1;
    warnings.push({
      code: 'replacement-character',
      line: lineOfOffset(nfc, replacement),
      message:
        `the text has ${count} replacement character(s) "\ufffd" where an earlier conversion lost a ` +
        `letter. Compare with the original document and correct the text (or import a better copy).`,
    });
  }
  const removed = removeUnsafeChars(nfc);
  if (removed.first) {
    warnings.push({
      code: 'control-characters',
      line: removed.first.line,
      message:
        `${removed.count} invisible control or text-direction character(s) removed (the first ` +
        `is ${removed.first.code}); they are not part of any document and could hide or reorder text. ` +
        `Nothing else was changed.`,
    });
  }
  return { text: removed.text, encoding, warnings };
}

/**
 * Decode a raw file. `name` is only used in error messages.
 * @throws ImportError for empty, binary or undecodable input
 */
export function decode(bytes: Uint8Array, name = 'input'): Decoded {
  if (bytes.length === 0) throw new ImportError(`${name}: the file is empty. Check that you picked the right file.`);
  if (bytes.length > MAX_INPUT_BYTES) throw new ImportError(tooLargeMessage(name, bytes.length));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8OrNull(bytes.subarray(3));
    if (text === null)
      throw new ImportError(
        `${name}: the file starts as UTF-8 but contains invalid UTF-8 bytes. Re-save it as UTF-8 and import again.`,
      );
    return finish(text, 'utf-8-bom', name, bytes);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le', name, bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be', name, bytes);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(iconv.decode(buf, utf16), utf16, name, bytes);
  if (bytes.includes(0)) {
    throw new ImportError(
      `${name}: this is not a text file (it contains binary data). Import the text of the document (a .txt ` +
        `file), not a PDF, Word or image file.`,
    );
  }
  const utf8 = utf8OrNull(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', name, bytes);

  // A legacy single-byte file: read it every way and keep the most Vietnamese reading.
  const readings: Array<[Encoding, string]> = [
    ['windows-1258', iconv.decode(buf, 'windows1258').normalize('NFC')],
    ['tcvn3', decodeTcvn3(bytes).normalize('NFC')],
    ['vni', decodeVni(bytes).normalize('NFC')],
  ];
  let best: [Encoding, string] | null = null;
  let bestScore = -Infinity;
  for (const r of readings) {
    const s = vietnameseScore(r[1]);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (!best || bestScore <= 0) {
    throw new ImportError(
      `${name}: the text encoding could not be recognised (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI). Open ` +
        `it in a text editor, save it as UTF-8 and import again.`,
    );
  }
  return finish(best[1], best[0], name, bytes);
}
