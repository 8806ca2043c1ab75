/**
 * The search tokenizer (src/lib/search/text.ts) splits text into words by scanning characters,
 * asking the Unicode classes once per character seen: it must split exactly as the regular
 * expression it replaced (runs of letters, marks and digits), on any input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syllables } from '../../src/lib/search/text.ts';

const reference = (text: string): { word: string; start: number; end: number }[] =>
  [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));

const split = (text: string) =>
  syllables(text).map((s) => ({ word: text.slice(s.start, s.end), start: s.start, end: s.end }));

// Vietnamese letters precomposed and decomposed, digits of several scripts, punctuation,
// invisible characters, astral letters (styled look-alikes) and symbols, lone surrogates.
const pieces = [
  'Thanh Hóa',
  'Ủy ban',
  'đ',
  'Đ',
  'ệ',
  'e\u0323\u0302',
  'giãn',
  'cách',
  '469-CV/TU',
  '16/CT-TTg',
  '١٢',
  '٣',
  '\u200b',
  '\u200d',
  '\u00ad',
  '\ufeff',
  ' ',
  '\n',
  '\t',
  '·',
  '–',
  '“',
  '”',
  ',',
  '.',
  '(',
  ')',
  '𝐇𝐚̀ 𝐍𝐨̣̂𝐢',
  '😷',
  '𝟏𝟐',
  '\ud835',
  '\udc00',
  'COVID-19',
  'F0',
  'x²',
  'Ⅻ',
];

describe('search tokenizer', () => {
  it('splits the seeds’ kind of text as the regular expression does', () => {
    const text = 'Ngày 24-11-2021, tỉnh Thanh Hóa ghi nhận 98 ca dương tính; F0 tại nhà. “Hỏa tốc” – 469-CV/TU.';
    expect(split(text)).toEqual(reference(text));
    expect(syllables('Thanh Hóa').map((s) => [s.norm, s.fold])).toEqual([
      ['thanh', 'thanh'],
      ['hóa', 'hoa'],
    ]);
  });

  it('splits any mix of letters, marks, digits, invisible characters, astral letters and lone surrogates alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        (parts, noise) => {
          const text = parts.join('') + noise;
          expect(split(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(split(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });
});
