/**
 * A raw source as a reader sees it: the exact bytes' size and sha256, the encoding they are in,
 * and the text decoded with the importer's decoder (src/lib/import/decode.ts), so a file in
 * TCVN3 or VNI, which no browser can display, is readable on its page (/nguon/<name>/). Also
 * the Content-Type the raw bytes are served with: the charset when browsers know the encoding.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decode, type Encoding } from '../import/decode.ts';
import { contentDir } from '../content-dir.ts';
import { rawFilePath } from './provenance.ts';

export interface RawSource {
  /** path under content/raw, "/" separators ("003_x.txt") */
  path: string;
  size: number;
  sha256: string;
  /** the encoding found, or null when the bytes could not be read as text */
  encoding: Encoding | null;
  /** the decoded text, NFC; null when undecodable */
  text: string | null;
  /** why the text could not be decoded */
  error: string | null;
}

/** Human names of the encodings, for the page. */
export const ENCODING_LABELS: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (có BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
};

export function readRawBytes(bytes: Uint8Array, path: string): RawSource {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const d = decode(bytes, path);
    return { path, size: bytes.length, sha256, encoding: d.encoding, text: d.text, error: null };
  } catch (e) {
    return { path, size: bytes.length, sha256, encoding: null, text: null, error: (e as Error).message };
  }
}

/** Read "content/raw/x.txt" or "x.txt" from the content folder. */
export function readRawSource(raw: string, root: string = contentDir()): RawSource {
  const rel = raw.replace(/^content\/raw\//, '');
  return readRawBytes(readFileSync(rawFilePath(rel, root)), rel);
}

/** The charset browsers know for this encoding, or null (TCVN3 and VNI have none). */
export function webCharset(encoding: Encoding | null): string | null {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return 'utf-8';
    case 'utf-16le':
      return 'utf-16le';
    case 'utf-16be':
      return 'utf-16be';
    case 'windows-1258':
      return 'windows-1258';
    default:
      return null;
  }
}

/**
 * The Content-Type for a raw file's bytes: text/plain with its charset; a legacy font encoding
 * (TCVN3, VNI) or undecodable bytes as application/octet-stream, so a browser downloads the
 * exact bytes instead of showing them as mojibake (their page shows the text).
 */
export function rawContentType(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'text/plain; charset=utf-8';
  let enc: Encoding | null = null;
  try {
    enc = decode(bytes).encoding;
  } catch {
    enc = null;
  }
  const cs = webCharset(enc);
  return cs ? `text/plain; charset=${cs}` : 'application/octet-stream';
}

/**
 * "a/b.txt" -> "a/b": the raw page's name under /nguon/ (another extension is kept, so "x.txt" and
 * "x.html" differ).
 */
export function rawPageName(rel: string): string {
  return rel.replace(/^content\/raw\//, '').replace(/\.txt$/i, '');
}

// One formatter for every page: `toLocaleString` with options builds a new one per call.
const KILOBYTES = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "12,3 KB" style size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  return `${KILOBYTES.format(bytes / 1024)} KB`;
}
