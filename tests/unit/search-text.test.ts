/**
 * The search tokenizer (src/lib/search/text.ts) splits text into words by scanning characters,
 * asking the Unicode classes once per character seen: it must split exactly as the regular
 * expression it replaced (runs of letters, marks and digits), on any input. And the lookups by
 * folded spelling (foldPositions) must find exactly what walking the words finds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldPositions,
  matchesAsTyped,
  occurrences,
  standsAt,
  standsIn,
  syllables,
  type Syllable,
} from '../../src/lib/search/text.ts';
import { variantsInDocument } from '../../src/lib/vietnamese-variants.ts';

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

// What the lookups replaced: every position of the text tried in turn.
const walked = (seq: Syllable[], doc: Syllable[], eq: (q: Syllable, d: Syllable) => boolean): number[] => {
  const out: number[] = [];
  for (let i = 0; i + seq.length <= doc.length; i++) if (standsAt(seq, doc, i, eq)) out.push(i);
  return out;
};
const folded = (q: Syllable, d: Syllable): boolean => q.fold === d.fold;
// Words of directives, their variant forms (one inside another), and words typed without marks.
const words = [
  'tiêm vắc xin cho trẻ em',
  'vắc-xin',
  'vaccine',
  'vac xin',
  'Covid 19',
  'COVID-19',
  'thành phố Hồ Chí Minh',
  'Hồ Chí Minh',
  'TP.HCM',
  'vi rút',
  'virus',
  'Hà Nam',
  'Quảng Nam',
  'Hà Nội',
  'hoá',
  'hóa',
  'giãn cách',
  'gian',
  'cách ly',
  'Công văn số 907',
  'Công an',
  ' ',
  ', ',
  '\n',
];

describe('lookups by folded spelling', () => {
  it('find a run of words, as typed or folded, exactly where walking the words finds it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 30 }),
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (parts, asked, typedBare) => {
          const doc = syllables(parts.join(' '));
          const typed = asked.join(' ');
          const seq = syllables(typedBare ? typed.normalize('NFD').replace(/\p{M}/gu, '') : typed);
          fc.pre(seq.length > 0); // (nothing typed stands nowhere: see below)
          for (const eq of [matchesAsTyped, folded]) {
            expect(occurrences(seq, doc, eq)).toEqual(walked(seq, doc, eq));
            expect(standsIn(seq, doc, eq)).toBe(walked(seq, doc, eq).length > 0);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(occurrences([], syllables('Hà Nam'))).toEqual([]);
    expect(standsIn([], syllables('Hà Nam'))).toBe(false);
  });

  it('find the same variant forms as reading every word, overlapping forms included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const doc = syllables(parts.join(' '));
        expect(variantsInDocument(doc, foldPositions(doc))).toEqual(variantsInDocument(doc));
      }),
      { numRuns: 500 },
    );
    // "thành phố Hồ Chí Minh" is one form: its "Hồ Chí Minh" is not read again on its own
    const doc = syllables('Ủy ban nhân dân thành phố Hồ Chí Minh và TP.HCM');
    const found = variantsInDocument(doc, foldPositions(doc)).map((m) => [m.group.id, m.from, m.to]);
    expect(found).toEqual(variantsInDocument(doc).map((m) => [m.group.id, m.from, m.to]));
    expect(found.map(([, from, to]) => [from, to])).toEqual([
      [0, 4],
      [4, 9],
      [10, 12],
    ]);
  });
});
