/**
 * Doubtful decodes are said, not hidden: a Windows-1258 (or TCVN3, VNI) file with a UTF-8
 * paragraph pasted in, and replacement characters "�" left by an earlier bad conversion, each
 * get a warning with the line; no legacy file that is all one encoding gets one (every fixture
 * text tried in every encoding). Control and bidi characters are removed and warned.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/lib/import/decode.ts';
import { MAX_INPUT_BYTES } from '../../src/lib/import/limits.ts';
import { encodeAs } from '../import/encode.ts';

const DIR = 'tests/import/fixtures';
const texts = readdirSync(DIR)
  .map((n) => join(DIR, n, 'input.txt'))
  .filter((p) => existsSync(p))
  .map((p) => readFileSync(p, 'utf8').normalize('NFC'))
  .filter((t) => /[^\x00-\x7f]/.test(t) && t.length > 40);

const LEGACY = `UBND TỈNH BẾN TRE\nSố: 4012/UBND-KGVX\nV/v tăng cường công tác phòng, chống dịch\n`;
const MORE = (
  'Ủy ban nhân dân tỉnh yêu cầu thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thành ' +
  'phố tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch theo hướng dẫn của ngành y tế.\n'
).repeat(4);
const PASTED = 'Các sở, ngành phối hợp thực hiện nghiêm túc chỉ đạo của Thủ tướng.\n';
const codes = (bytes: Uint8Array) => decode(bytes, 'x.txt').warnings.map((w) => w.code);

describe('doubtful decodes', () => {
  for (const enc of ['windows-1258', 'tcvn3', 'vni'] as const) {
    it(`regression: a ${enc} file with a UTF-8 paragraph pasted in is warned, with the line`, () => {
      const bytes = Buffer.concat([
        Buffer.from(encodeAs(LEGACY, enc)),
        Buffer.from(PASTED, 'utf8'),
        Buffer.from(encodeAs(MORE, enc)),
      ]);
      const d = decode(bytes, 'ben-tre.txt');
      expect(d.encoding).toBe(enc);
      const w = d.warnings.find((x) => x.code === 'mixed-encoding');
      expect(w, JSON.stringify(d.warnings)).toBeDefined();
      expect(w!.line).toBe(4);
      expect(w!.message).toMatch(/line\(s\) 4 are UTF-8 inside a file read as/);
      expect(w!.message).toMatch(/save the whole file as UTF-8/);
    });

    it(`no ${enc} file that is all one encoding is called mixed (every fixture text)`, () => {
      const holdable = enc === 'windows-1258' ? texts : texts.filter((t) => !/[\u2000-\uffff]/.test(t));
      expect(holdable.length).toBeGreaterThan(15);
      for (const t of holdable) expect(codes(encodeAs(t, enc)), t.slice(0, 60)).not.toContain('mixed-encoding');
    });
  }

  it('regression: replacement characters in the text are warned with their line', () => {
    const d = decode(Buffer.from(`${LEGACY}Ph\ufffdng ch\ufffdng d\ufffdch\n${MORE}`, 'utf8'), 'x.txt');
    const w = d.warnings.find((x) => x.code === 'replacement-character');
    expect(w?.line).toBe(4);
    expect(w?.message).toMatch(/3 replacement character/);
  });

  it('a clean UTF-8 file gets no warning', () => {
    for (const t of texts) expect(codes(Buffer.from(t, 'utf8'))).toEqual([]);
  });

  it('control and bidi characters are removed from the text and warned, nothing else changes', () => {
    const d = decode(Buffer.from(`${LEGACY}Nội\u0007 dung \u202ebị đảo\u202c và \u001b[2J.\n${MORE}`, 'utf8'), 'x.txt');
    expect(d.text).toBe(`${LEGACY}Nội dung bị đảo và [2J.\n${MORE}`);
    expect(d.warnings).toContainEqual(expect.objectContaining({ code: 'control-characters', line: 4 }));
  });

  it('a file over the size limit is refused with the reason', () => {
    expect(() => decode(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 'big.txt')).toThrow(
      /big\.txt: the file is 5\.0 MB; the importer takes at most 5\.0 MB/,
    );
  });
});
