/**
 * Province names and capitals in a text, found with one trie-shaped regex.
 */
import { foldForMatch } from '../../vietnamese.ts';
import { PROVINCES, type Province } from '../../provinces.ts';

// ---------------------------------------------------------------- provinces

export interface PlaceHit {
  province: Province;
  index: number;
  end: number;
  via: 'name' | 'capital';
}

/**
 * One regex for many names, as a trie ("ha (giang|noi|nam|tinh)") so the engine rejects a
 * position after a character or two instead of trying every name. " " matches any space and
 * "-" tolerates spaces around it ("Phan Rang - Tháp Chàm").
 */
export function trieSource(words: string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      if (!n.next.has(ch)) n.next.set(ch, { end: false, next: new Map() });
      n = n.next.get(ch)!;
    }
    n.end = true;
  }
  const atom = (ch: string): string =>
    ch === ' ' ? '\\s' : ch === '-' ? '\\s?-\\s?' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const emit = (n: Node): string => {
    // longest match first: children before the end of a shorter name
    const alts = [...n.next.entries()].map(([ch, c]) => atom(ch) + emit(c));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

export const PLACE_INDEX = (() => {
  const entries: Array<[string, Province, 'name' | 'capital']> = [];
  for (const p of PROVINCES) {
    for (const n of [p.name, ...p.aliases]) entries.push([foldForMatch(n), p, 'name']);
    if (p.capital && foldForMatch(p.capital) !== foldForMatch(p.name))
      entries.push([foldForMatch(p.capital), p, 'capital']);
  }
  entries.sort((a, b) => b[0].length - a[0].length);
  const re = new RegExp(`(?<![a-z0-9])(${trieSource(entries.map(([n]) => n))})(?![a-z0-9])`, 'g');
  const lookup = new Map<string, [Province, 'name' | 'capital']>();
  for (const [n, p, via] of entries) if (!lookup.has(n)) lookup.set(n, [p, via]);
  return { re, lookup };
})();

/** Capitalised as a name ("Thanh Hóa", "THANH HÓA"), not a phrase ("hòa bình"). */
export const looksLikeName = (s: string): boolean =>
  s
    .split(/[\s-]+/)
    .filter(Boolean)
    .every((w) => /^[\p{Lu}\d]/u.test(w));

export function findPlaces(text: string, folded: string): PlaceHit[] {
  const out: PlaceHit[] = [];
  for (const m of folded.matchAll(PLACE_INDEX.re)) {
    const orig = text.slice(m.index!, m.index! + m[0].length);
    if (!looksLikeName(orig)) continue;
    const key = m[0].replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
    const hit = PLACE_INDEX.lookup.get(key) ?? PLACE_INDEX.lookup.get(foldForMatch(orig));
    if (!hit) continue;
    const [province, via] = hit;
    const before = folded.slice(Math.max(0, m.index! - 12), m.index!);
    // part of a longer proper name ("đồng chí Nguyễn Thái Bình") or a photo credit ("Ảnh: Thái Bình")
    const prevWord = /([\p{L}.]+)\s$/u.exec(text.slice(Math.max(0, m.index! - 20), m.index!))?.[1] ?? '';
    if (/^[\p{Lu}][\p{Ll}]+$/u.test(prevWord) && !/^(tinh|pho|tp\.?|ubnd)$/.test(foldForMatch(prevWord))) continue;
    if (/anh:\s*$/.test(before)) continue;
    // "Hồ Chí Minh" alone is usually the person ("tư tưởng Hồ Chí Minh"), not the city
    if (key === 'ho chi minh' && !/(tp\.?|thanh pho)\s*$/.test(before)) continue;
    // a capital counts only as "thành phố X"/"TP X", or when its name is unmistakable (two+ words)
    if (via === 'capital' && !/(tp\.?|thanh pho|thi xa)\s*$/.test(before) && key.split(/[\s-]/).length < 2) continue;
    out.push({ province, index: m.index!, end: m.index! + m[0].length, via });
  }
  return out;
}

export const PLACE_AT = new RegExp(PLACE_INDEX.re.source, 'y');
export function provinceAt(text: string, folded: string, at: number): PlaceHit | null {
  PLACE_AT.lastIndex = at;
  const m = PLACE_AT.exec(folded);
  if (!m) return null;
  const orig = text.slice(at, at + m[0].length);
  if (!looksLikeName(orig)) return null;
  const key = m[0].replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
  const hit = PLACE_INDEX.lookup.get(key);
  return hit ? { province: hit[0], index: at, end: at + m[0].length, via: hit[1] } : null;
}
