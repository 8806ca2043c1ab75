/**
 * Document-type words as Vietnamese texts write them (folded: "cong van", "thong bao ket luan"),
 * read from the one list in src/lib/doc-types.ts, plus the cited types that are not the archive's.
 */
import { foldForMatch } from '../../vietnamese.ts';
import { DOC_TYPES, type DocTypeName } from '../../doc-types.ts';

// ---------------------------------------------------------------- document types

// Longest first, so "thông báo kết luận" wins over "thông báo" and "công điện" over "điện".
export const TYPE_WORDS: Array<[string, DocTypeName | 'văn bản' | 'other']> = [
  ...DOC_TYPES.filter((t) => t.name !== 'Văn bản').map((t): [string, DocTypeName] => [foldForMatch(t.name), t.name]),
  ['van ban', 'văn bản'],
  // cited types outside the archive's list
  ['nghi dinh', 'other'],
  ['thong tu', 'other'],
  ['to trinh', 'other'],
  ['bao cao', 'other'],
  ['luat', 'other'],
].sort((x, y) => y[0]!.length - x[0]!.length) as Array<[string, DocTypeName | 'văn bản' | 'other']>;
export const TYPE_ALT = TYPE_WORDS.map(([w]) => w).join('|');
/** a document-type word at the end of `before` (folded), e.g. "... ban hanh cong van so " */
// "Công văn CV 9229/UBND-VHXH": the type's code may repeat before the number
export const TYPE_BEFORE = new RegExp(
  `(?:^|[^a-z])(${TYPE_ALT})(?:\\s+(?:hoa toc|thuong khan|khan))?(?:\\s+(?:cv|cd|ct|tb|kh|qd|hd|kl|nq))?\\s*` +
    `(?:so\\s*:?|[-–:])?\\s*$`,
);

export const typeOfWord = (folded: string): DocTypeName | 'văn bản' | 'other' | null =>
  TYPE_WORDS.find(([w]) => w === folded)?.[1] ?? null;

// Cited types that are not the archive's own document types.
export const CITED_OTHER_TYPES: Readonly<Record<string, string>> = {
  'nghi dinh': 'Nghị định',
  'thong tu': 'Thông tư',
  'to trinh': 'Tờ trình',
  'bao cao': 'Báo cáo',
  luat: 'Luật',
};
/** The display form of a cited document's type word ("chỉ thị" -> "Chỉ thị"). */
export function citedTypeName(folded: string): string | null {
  const t = typeOfWord(folded);
  if (t && t !== 'văn bản' && t !== 'other') return t;
  return CITED_OTHER_TYPES[folded] ?? null;
}

// ---------------------------------------------------------------- acts that issue a document

// "vừa (thay mặt …) ký ban hành <type>": the lead sentence of a news report naming its document
export const LEAD_ACT = new RegExp(
  `(?:vua|da|moi)\\s+(?:thay mat [^.;]{3,60}?\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|gui|phat hanh)\\s+` +
    `(?:(?:hoa toc|thuong khan|khan)\\s+)?(?:${TYPE_ALT})\\b`,
);
export const LEAD_ACT_ALL = new RegExp(LEAD_ACT.source, 'g');
// "vừa ký <type> về/số/…": the type of the document a report is about
export const ACT_TYPE_ALL = new RegExp(
  `(?:vua|da|moi)\\s+(?:thay mat [^.;]{3,60}?\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|phat hanh|gui)\\s+` +
    `(?:(?:hoa toc|thuong khan|khan)\\s+)?(${TYPE_ALT})(?:\\s+(?:khan|hoa toc))?\\s+` +
    `(?:ve|so|chi dao|gui|yeu cau|nham|cua|\\d)`,
  'g',
);
/** "<issuer> (vừa|đã)? (ký|ban hành|có|ra|gửi) <type>": an act whose subject is a named body, in the same sentence */
export const BODY_ACT_ALL = new RegExp(
  `(?:(?:vua|da|moi|chinh thuc)\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|gui|phat hanh)\\s+` +
    `(?:(?:hoa toc|thuong khan|khan)\\s+)?(${TYPE_ALT})(?![a-z])`,
  'g',
);
