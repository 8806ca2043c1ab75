import { describe, expect, it } from 'vitest';
import { readAsPlainLetters, stripInvisible } from '../../src/lib/vietnamese.ts';

describe('readAsPlainLetters', () => {
  it('reads small capitals with combining marks as Vietnamese capitals', () => {
    expect(readAsPlainLetters('Hᴀ̀ Nᴏ̣̂ɪ')).toBe('HÀ NỘI');
  });
  it('reads mathematical and fullwidth letters as plain letters', () => {
    expect(readAsPlainLetters('t𝚑ự𝚌 𝚑𝚒ệ𝚗 𝐂𝐡𝐢̉ 𝐭𝐡𝐢̣ ＣＯＶＩＤ－１９')).toBe('thực hiện Chỉ thị COVID-19');
  });
  it('keeps punctuation and signs outside the look-alike ranges as written', () => {
    expect(readAsPlainLetters('Giảm ½ … 10²')).toBe('Giảm ½ … 10²');
  });
  it('removes zero-width characters and soft hyphens that split a word', () => {
    expect(stripInvisible('gi\u200Dãn c\u00ADách\u200B xã\uFEFF hội')).toBe('giãn cách xã hội');
  });
});
