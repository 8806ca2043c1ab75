/**
 * Document numbers in the text, each scored as the document's own (an act: "ban hành Công văn số
 * N") or a cited one ("theo/thực hiện <type> số N", central symbols TTg, CP, BYT, TW).
 */
import { normalizeDocNumber, docNumberKey, parseDocNumber } from '../../doc-number.ts';
import { isNationalCode } from '../../national-issuers.ts';
import { TYPE_ALT, TYPE_BEFORE } from './type-words.ts';
import { sentenceStart, sentenceEnd } from './text.ts';

// ---------------------------------------------------------------- numbers

export function isCentral(codes: string[]): boolean {
  return codes.some(isNationalCode);
}

export interface NumberHit {
  raw: string;
  number: string;
  key: string;
  index: number;
  end: number;
  typeWord: string | null; // folded
  score: number;
  line: string;
}

// "469-CV/TU", "907 -CV/TU", "35/CT-TTg", "07 – CĐ/TU", and legal documents' "15/2021/QĐ-UBND"
export const NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\d/.-])(\d{1,5})\s?([-/\u2013\u2014])\s?` +
    String.raw`((?:(?:19|20)\d\d\s?\/\s?)?(?:[\p{Lu}][\p{Lu}\p{Ll}\d&]*)` +
    String.raw`(?:\s?[-/\u2013\u2014]\s?[\p{Lu}][\p{Lu}\p{Ll}\d&]*)*)`,
  'gu',
);
// "công điện số 03", "Công điện khẩn số 02", "văn bản khẩn 2556": the serial alone
export const BARE_NUMBER_RE = new RegExp(
  `(?:^|[^a-z])(${TYPE_ALT})(?:\\s+(?:hoa toc|thuong khan|khan))?\\s+(?:so\\s*:?\\s*|(?<=(?:khan|hoa toc)\\s+))` +
    `(\\d{1,5})(?![\\d/.,-]|\\s?[-/]\\s?[a-z]|\\s+(?:nam|thang|ngay|gio|nguoi|ca|%))`,
  'g',
);
export const ACTION = /(?:^|\s)(?:ban hanh|co|ra|ky|ky ban hanh|phat hanh|gui)\s+(?:(?:hoa toc|thuong khan|khan)\s+)?$/;
// "Đó là nội dung tại Chỉ thị số 03/CT-UBND": a report naming the document it is about
export const THIS_IS =
  /(?:do la|day la)\s+(?:mot (?:trong nhung|so) )?(?:noi dung|yeu cau|chi dao)(?:\s+chinh)?\s+(?:tai|cua|trong)\s+$/;
export const CITED_BEFORE = new RegExp(
  String.raw`(?:^|\s)(?:thuc hien|theo|tai|can cu|trien khai|quan triet|kem theo|thay the|bai bo` +
    String.raw`|tinh than|chi dao cua|nhu|sau|va|cua|voi|tiep tuc thuc hien)\s+(?:nghiem\s+)?` +
    String.raw`(?:cac\s+|noi dung\s+)?$`,
);
export const CENTRAL_AFTER = new RegExp(
  String.raw`^[^.;]{0,40}?\bcua\s+(thu tuong|chinh phu|van phong chinh phu|bo\s|bo truong|ban bi thu` +
    '|bo chinh tri|trung uong|ban chi dao quoc gia|quoc hoi|tong bi thu)',
);

/** The sentence a number stands in, for evidence. */
export function sentenceOf(text: string, h: { index: number; end: number }): string {
  return text.slice(sentenceStart(text, h.index), sentenceEnd(text, h.end)).trim();
}

// "Kế hoạch (này) do … ký (ban hành)", "Văn bản được ban hành ngày …": a sentence that says who issued it
export const SIGNED_AFTER_TYPE = new RegExp(
  String.raw`^(?:nay\s+)?(?:(?:do\s+[^.;]{3,90}?\s+)?(?:ky ban hanh|ky|ban hanh)` +
    String.raw`|duoc\s+(?:[^.;]{3,90}?\s+)?(?:ky ban hanh|ky|ban hanh))\b`,
);

// "(ngày D) của (Chủ tịch) UBND / Ban Thường vụ / Tỉnh ủy … tỉnh|thành phố": a provincial body's document
const OF_PROVINCE_BODY_AFTER = new RegExp(
  String.raw`^\s*(?:,?\s*ngay\s+[\d/.-]+\s*)?,?\s*cua\s+(?:chu tich\s+)?` +
    String.raw`(?:ubnd|uy ban nhan dan|ban thuong vu|thuong truc|tinh uy|thanh uy)\s+` +
    '(?:tinh|thanh pho|tp)',
);
// "(ngày D) của Ban Thường vụ / Tỉnh ủy / UBND / Ban Chỉ đạo …": a local body's document, place unsaid
const OF_LOCAL_BODY_AFTER = new RegExp(
  String.raw`^\s*(?:,?\s*ngay\s+[\d/.-]+\s*)?cua\s+(ban thuong vu|thuong truc|ban chap hanh` +
    '|tinh uy|thanh uy|ubnd|uy ban nhan dan|chu tich ubnd|ban chi dao|van phong ubnd)',
);

/**
 * Whether the sentence after the one ending past `end` opens with the same type word and says who signed
 * or issued it.
 */
export function signedNext(folded: string, end: number, typeWord: string): boolean {
  const rest = folded.slice(end, end + 600);
  const stop = /[.!?]\s+/.exec(rest);
  if (!stop) return false;
  const next = rest.slice(stop.index + stop[0].length);
  return next.startsWith(typeWord + ' ') && SIGNED_AFTER_TYPE.test(next.slice(typeWord.length + 1));
}

export function findNumbers(text: string, folded: string): NumberHit[] {
  const hits: NumberHit[] = [];
  const consider = (index: number, end: number, raw: string, number: string): void => {
    const parts = parseDocNumber(number);
    const key = docNumberKey(number);
    if (!parts || !key) return;
    const lineStart = text.lastIndexOf('\n', index) + 1;
    const lineEnd = text.indexOf('\n', end);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const before = folded.slice(Math.max(lineStart, index - 90), index);
    const tm = TYPE_BEFORE.exec(before);
    const typeWord = tm ? tm[1]! : null;
    const beforeType = tm ? before.slice(0, tm.index + tm[0].indexOf(tm[1]!)) : before;
    const after = folded.slice(end, end + 120);
    let score = 0;
    if (isCentral(parts.codes)) score -= 10;
    if (ACTION.test(beforeType)) score += 6;
    // passive: "Công văn số N ... vừa được ban hành", "do UBND tỉnh vừa ký"
    else if (/^[^.;\n]{0,70}?\b(?:vua|moi) (?:duoc )?(?:ky )?(?:ban hanh|phat hanh|ky)\b/.test(after)) score += 6;
    // "Công văn số N do Phó Chủ tịch UBND tỉnh ký ngày D": the passive act of signing it
    else if (/^\s*(?:,?\s*ngay\s+[\d/.-]+\s*,?)?\s*do\s+[^.;\n]{3,80}?\s(?:ky|ban hanh)\b/.test(after)) score += 6;
    if (CITED_BEFORE.test(beforeType)) score -= 6;
    // "số N về việc triển khai Công điện của Thủ tướng": the subject cites the centre, the number is local
    if (CENTRAL_AFTER.test(after) && !/^\s*(?:,?\s*)?(?:ve viec|ve|v\/v)\s/.test(after)) score -= 8;
    if (THIS_IS.test(beforeType)) score += 12;
    // a sentence opening "Theo Công văn số N ngày D của UBND tỉnh X về việc …": a report retelling a
    // provincial document (still cited-looking, so it only just qualifies, for review)
    if (/(?:^|[.;:!?]\s+)theo\s+$/.test(beforeType) && OF_PROVINCE_BODY_AFTER.test(after)) score += 9;
    // "Theo Kế hoạch N, tỉnh X sẽ … . Kế hoạch do Phó Chủ tịch UBND tỉnh ký ban hành ngày D": the report
    // names the document, then says who signed it; the number is the document's own (for review)
    if (tm && /(?:^|[.;:!?]\s+)theo\s+$/.test(beforeType) && signedNext(folded, end, tm[1]!)) score += 12;
    // "(Công văn số 1074/VP-KGVX, ngày 23/3/2020)": the report's own document, in brackets after the lead
    if (
      tm &&
      /\(\s*$/.test(beforeType) &&
      /^[^()\n]{0,110}\)/.test(after) &&
      !CITED_BEFORE.test(before.slice(0, Math.max(0, before.lastIndexOf('('))))
    )
      score += 5;
    if (OF_LOCAL_BODY_AFTER.test(after) && index - lineStart < 40) score += 4;
    // the text's first line opens with the document ("Chỉ thị 17/CT-UBND của …",
    // "HỎA TỐC: Công văn 1803/BCĐ-VX …"): its headline
    if (
      lineStart === 0 &&
      tm &&
      /^(?:(?:hoa toc|thuong khan|khan)\s*:?\s*)?$/.test(
        folded.slice(0, Math.max(0, index - (before.length - tm.index))).trim(),
      )
    )
      score += 3;
    if (
      /^(dinh kem|file dinh kem|tai ve|tep dinh kem|van ban)\s*[-:–]?\s*$/.test(
        folded.slice(lineStart, index).trim(),
      ) ||
      /^\.(pdf|docx?)\b/.test(after)
    )
      score += 3;
    hits.push({ raw, number, key, index, end, typeWord, score, line });
  };
  for (const m of text.matchAll(NUMBER_RE)) {
    const symbol = m[3]!;
    const codes = symbol.split(/[-/\s]+/);
    if (!codes.some((c) => /^[\p{Lu}]{2,}/u.test(c))) continue;
    consider(m.index!, m.index! + m[0].length, m[0], normalizeDocNumber(m[0]));
  }
  for (const m of folded.matchAll(BARE_NUMBER_RE)) {
    const at = m.index! + m[0].lastIndexOf(m[2]!);
    if (hits.some((h) => at >= h.index && at < h.end)) continue;
    consider(at, at + m[2]!.length, m[2]!, m[2]!);
  }
  return hits.sort((a, b) => a.index - b.index);
}
