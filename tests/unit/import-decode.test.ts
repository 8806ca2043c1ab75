/**
 * Encoding detection: every directive text we wrote, saved in each legacy encoding, must come
 * back as the same Unicode text (TCVN3 has no upper-case toned letters, so it is compared
 * case-insensitively), and UTF-16/BOM/NFD variants are recognised. Non-text is refused.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/lib/import/decode.ts';
import { encodeAs } from '../import/encode.ts';

const DIR = 'tests/import/fixtures';
const texts = readdirSync(DIR)
  .map((n) => join(DIR, n, 'input.txt'))
  .filter((p) => existsSync(p))
  .map((p) => readFileSync(p, 'utf8').normalize('NFC'))
  .filter((t) => /[^\x00-\x7f]/.test(t) && t.length > 40);

describe('decode', () => {
  it('has Vietnamese texts to try', () => expect(texts.length).toBeGreaterThan(20));

  for (const enc of ['windows-1258', 'tcvn3', 'vni'] as const) {
    it(`recognises ${enc} and converts it back to the same Unicode text`, () => {
      // TCVN3 and VNI have no typographic dashes or quotes: try the texts they can hold
      const holdable = enc === 'windows-1258' ? texts : texts.filter((t) => !/[\u2000-\uffff]/.test(t));
      expect(holdable.length).toBeGreaterThan(15);
      for (const t of holdable) {
        const d = decode(encodeAs(t, enc), 'x.txt');
        expect(d.encoding).toBe(enc);
        if (enc === 'tcvn3') expect(d.text.toLowerCase()).toBe(t.toLowerCase());
        else expect(d.text).toBe(t);
      }
    });
  }

  it('recognises UTF-8 with a BOM, UTF-16 LE/BE with and without a BOM', () => {
    const t = texts[0]!;
    expect(decode(encodeAs(t, 'utf-8-bom')).encoding).toBe('utf-8-bom');
    expect(decode(encodeAs(t, 'utf-16le')).text).toBe(t);
    expect(decode(encodeAs(t, 'utf-16be-nobom')).encoding).toBe('utf-16be');
    expect(decode(encodeAs(t, 'utf-16be-nobom')).text).toBe(t);
  });

  it('turns NFD input (combining marks) into NFC', () => {
    const t = texts[0]!;
    expect(decode(Buffer.from(t.normalize('NFD'), 'utf8')).text).toBe(t);
  });

  it('refuses empty, whitespace-only and binary input with a message naming the file', () => {
    expect(() => decode(new Uint8Array(), 'a.txt')).toThrow(/a\.txt: the file is empty/);
    expect(() => decode(Buffer.from('  \n\n '), 'b.txt')).toThrow(/b\.txt: the file has no text/);
    expect(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'c.png')).toThrow(
      /c\.png: this is not a text file/,
    );
  });
});
