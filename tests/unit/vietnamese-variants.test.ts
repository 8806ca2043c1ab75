/**
 * The variant table (src/lib/vietnamese-variants.ts): what people type and what the texts write
 * meet in one token, on the index side and the query side alike.
 */
import { describe, expect, it } from 'vitest';
import { VARIANT_GROUPS, variantIdsInQuery, variantIdsOf, variantToken } from '../../src/lib/vietnamese-variants.ts';

describe('variant groups', () => {
  it.each([
    ['vi rút', 'virus'],
    ['virus', 'virus'],
    ['Vi-rút', 'virus'],
    ['Covid', 'covid'],
    ['COVID-19', 'covid'],
    ['covid19', 'covid'],
    ['SARS-CoV-2', 'covid'],
    ['CT16', 'ct16'],
    ['CT 16', 'ct16'],
    ['Chỉ thị 16', 'ct16'],
    ['chi thi so 16', 'ct16'],
    ['TP.HCM', 'hcm'],
    ['TPHCM', 'hcm'],
    ['Sài Gòn', 'hcm'],
    ['sai gon', 'hcm'],
    ['Thành phố Hồ Chí Minh', 'hcm'],
    ['UBND', 'ubnd'],
    ['Ủy ban nhân dân', 'ubnd'],
    ['Uỷ ban nhân dân', 'ubnd'],
    ['BCĐ', 'bcd'],
    ['Ban Chỉ đạo', 'bcd'],
    ['giản cách', 'giancach'],
    ['giãn cách', 'giancach'],
  ])('the query "%s" names the group %s', (q, id) => {
    expect(variantIdsInQuery(q)).toEqual([id]);
  });

  it('reads a text the same way: every spelling gives the same token', () => {
    const texts = [
      'phòng, chống vi rút SARS-CoV-2',
      'đề phòng virus corona',
      'giản cách xã hội theo CT16 tại TPHCM',
      'UBND tỉnh và BCĐ',
    ];
    expect(variantIdsOf(texts[0]!)).toEqual(['virus', 'covid']);
    expect(variantIdsOf(texts[1]!)).toEqual(['virus', 'covid']);
    expect(variantIdsOf(texts[2]!)).toEqual(['ct16', 'hcm', 'giancach']);
    expect(variantIdsOf(texts[3]!)).toEqual(['ubnd', 'bcd']);
  });

  it('keeps diacritics as typed: other words with the same letters are no variant', () => {
    // "gian cách" (thời gian, cách ly) is not "giãn cách"; "vì rút" is not "vi rút"
    expect(variantIdsOf('trong thời gian cách ly')).toEqual(['cachly']);
    expect(variantIdsOf('vì rút kinh nghiệm')).toEqual([]);
    expect(variantIdsInQuery('giàn cách')).toEqual([]);
  });

  it('does not read the name of Hồ Chí Minh as the city', () => {
    expect(variantIdsOf('học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh')).toEqual([]);
    expect(variantIdsOf('tại TP. HCM')).toEqual(['hcm']);
  });

  it('strips invisible characters and reads look-alike letters as letters', () => {
    expect(variantIdsInQuery('vi\u200b rút')).toEqual(['virus']);
    expect(variantIdsOf('𝐯𝐢𝐫𝐮𝐬')).toEqual(['virus']);
  });

  it('gives each group a token no Vietnamese word spells, letters and digits only', () => {
    const ids = VARIANT_GROUPS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(variantToken(id)).toMatch(/^vx[a-z0-9]+$/);
  });
});
