/** Test helper: bytes of a text in the encodings archives hold, from the importer's own tables. */
import iconv from 'iconv-lite';
import { encodeTcvn3, encodeVni, toWindows1258Form } from '../../src/lib/import/legacy-encodings.ts';

/** Bytes of `text` in one of the encodings archives hold. */
export function encodeAs(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be-nobom':
      return iconv.encode(text, 'utf-16be');
    case 'windows-1258':
      return iconv.encode(toWindows1258Form(text), 'windows1258');
    case 'tcvn3':
      return encodeTcvn3(text);
    case 'vni':
      return encodeVni(text);
    default:
      throw new Error(`unknown fixture encoding ${encoding}`);
  }
}
