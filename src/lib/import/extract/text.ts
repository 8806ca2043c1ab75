/**
 * Sentence bounds and the display forms of capitals lines, shared by the field rules.
 */
import { foldKeepLength, normalizeVietnamese } from '../../vietnamese.ts';
import { PLACE_INDEX } from './places.ts';

export function sentenceStart(text: string, i: number): number {
  const cut = Math.max(text.lastIndexOf('. ', i), text.lastIndexOf('\n', i), text.lastIndexOf('; ', i));
  return cut < 0 ? 0 : cut + 1;
}
export function sentenceEnd(text: string, i: number): number {
  const re = /[.;](\s|$)|\n/g;
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

// ---------------------------------------------------------------- text helpers

export const w = (phrase: string): RegExp => new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'gu');
export const CAPS_FIX: Array<[RegExp, string]> = [
  [w('ban thường vụ'), 'Ban Thường vụ'],
  [w('ban chấp hành'), 'Ban Chấp hành'],
  [w('thường trực'), 'Thường trực'],
  [w('tỉnh ủy'), 'Tỉnh ủy'],
  [w('thành ủy'), 'Thành ủy'],
  [w('ủy ban nhân dân'), 'Ủy ban nhân dân'],
  [w('ban chỉ đạo'), 'Ban Chỉ đạo'],
  [w('chủ tịch'), 'Chủ tịch'],
  [w('bí thư'), 'Bí thư'],
];
/** "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" -> "kết luận của Ban Thường vụ Tỉnh ủy"; codes (COVID-19, UBND) stay. */
export function fromCaps(line: string): string {
  if (/\p{Ll}/u.test(line)) return line;
  let s = line
    .split(/(\s+)/)
    .map((w) => (/\d|^(UBND|HĐND|MTTQ|BCĐ|TP|T\/M|KT\.|TM\.)$/u.test(w) ? w : w.toLowerCase()))
    .join('');
  s = normalizeVietnamese(s);
  for (const [re, rep] of CAPS_FIX) s = s.replace(re, rep);
  const folded = foldKeepLength(s);
  for (const m of [...folded.matchAll(PLACE_INDEX.re)].reverse()) {
    const hit = PLACE_INDEX.lookup.get(m[0].replace(/\s*-\s*/g, '-').replace(/\s+/g, ' '));
    if (hit)
      s = s.slice(0, m.index!) + (hit[1] === 'name' ? hit[0].name : hit[0].capital!) + s.slice(m.index! + m[0].length);
  }
  return s;
}
export const capFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function shorten(s: string, max = 280): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > 0 ? cut : max - 1)}…`;
}
