/**
 * Step 4: labelled parts -> metadata, each field with its value, a confidence (0..1) and the
 * evidence it came from. Rules follow how Vietnamese administrative documents and news reports
 * about them are written; none of them knows any particular document.
 *
 * - number: the document's own number ("Số: ...", or "<issuer> ban hành <type> số N"), never a
 *   cited one ("theo/thực hiện/tại <type> số N", central symbols like TTg, CP, BYT, TW).
 * - date: dateline > "Ngày ban hành" > the own number's sentence > a lead "Ngày D, <issuer> ..."
 *   > the page's publication date (month only, marked) > the latest date the text reports
 *   (month only, marked inferred, only for "vừa ..." reports with no dated schedule).
 * - issuer: the subject of the sentence that issues the own number, refined for Party bodies by
 *   who speaks ("Thường trực Tỉnh ủy yêu cầu"); header, "T/M", "thay mặt" count too.
 * - province: the issuer's place > the dateline > the place that issues > a headline "X: ..." >
 *   the one province (or capital) the text names > a provincial portal's domain.
 */
import { foldForMatch, foldKeepLength, normalizeVietnamese } from '../vietnamese.ts';
import { PROVINCES, findProvince, type Province } from '../provinces.ts';
import { docTypeFromCode, type DocTypeName } from '../doc-types.ts';
import type { Issuer } from '../issuers.ts';
import { normalizeDocNumber, docNumberKey, parseDocNumber } from '../doc-number.ts';
import { isNationalCode } from '../national-issuers.ts';
import type { DirectiveReference } from '../directive-schema.ts';
import type { CleanHints } from './clean.ts';
import { DATELINE, DATELINE_MONTH, isPersonName, type Segmented } from './segment.ts';
import type { ImportWarning } from './warnings.ts';

export interface Field<T> {
  value: T;
  confidence: number;
  /** the text the value was read from */
  evidence: string | null;
  /** why the confidence is low, for the archivist */
  reason?: string;
  /** the named rule whose evidence won ("so-line", "metadata-table", "lead-sentence", …) */
  rule?: string;
}

export type DateSource = 'document' | 'publication' | 'inferred';

export interface Extracted {
  number: Field<string | null>;
  docType: Field<DocTypeName | null>;
  date: Field<string | null> & { source: DateSource | null };
  issuer: Field<Issuer | null>;
  province: Field<string | null>;
  signer: Field<string | null>;
  signerRole: string | null;
  subject: Field<string | null>;
  title: Field<string | null>;
  summary: string | null;
  recipients: string[];
  urgency: 'Hỏa tốc' | 'Thượng khẩn' | 'Khẩn' | null;
  publisher: string | null;
  references: DirectiveReference[];
  warnings: ImportWarning[];
}

export interface ExtractOptions {
  /** province supplied by the archivist (--province) */
  province?: string | undefined;
}

const none = <T>(value: T, reason?: string): Field<T> => ({ value, confidence: 0, evidence: null, ...(reason ? { reason } : {}) });

// ---------------------------------------------------------------- document types

const TYPE_WORDS: Array<[string, DocTypeName | 'văn bản' | 'other']> = [
  ['thong bao ket luan', 'Thông báo kết luận'], ['cong van', 'Công văn'], ['cong dien', 'Công điện'],
  ['thong bao', 'Thông báo'], ['chi thi', 'Chỉ thị'], ['nghi quyet', 'Nghị quyết'], ['ket luan', 'Kết luận'],
  ['ke hoach', 'Kế hoạch'], ['quyet dinh', 'Quyết định'], ['huong dan', 'Hướng dẫn'], ['thong tri', 'Thông tri'],
  ['quy dinh', 'Quy định'], ['kich ban', 'Kịch bản'], ['loi keu goi', 'Lời kêu gọi'], ['dien', 'Điện'], ['van ban', 'văn bản'],
  ['nghi dinh', 'other'], ['thong tu', 'other'], ['to trinh', 'other'], ['bao cao', 'other'], ['luat', 'other'],
];
const TYPE_ALT = TYPE_WORDS.map(([w]) => w).join('|');
/** a document-type word at the end of `before` (folded), e.g. "... ban hanh cong van so " */
const TYPE_BEFORE = new RegExp(`(?:^|[^a-z])(${TYPE_ALT})(?:\\s+(?:hoa toc|thuong khan|khan))?\\s*(?:so\\s*:?|[-–:])?\\s*$`);

const typeOfWord = (folded: string): DocTypeName | 'văn bản' | 'other' | null =>
  TYPE_WORDS.find(([w]) => w === folded)?.[1] ?? null;

// Cited types that are not the archive's own document types.
const CITED_OTHER_TYPES: Readonly<Record<string, string>> = { 'nghi dinh': 'Nghị định', 'thong tu': 'Thông tư', 'to trinh': 'Tờ trình', 'bao cao': 'Báo cáo', luat: 'Luật' };
/** The display form of a cited document's type word ("chỉ thị" -> "Chỉ thị"). */
function citedTypeName(folded: string): string | null {
  const t = typeOfWord(folded);
  if (t && t !== 'văn bản' && t !== 'other') return t;
  return CITED_OTHER_TYPES[folded] ?? null;
}

// ---------------------------------------------------------------- dates

interface DateHit {
  index: number;
  end: number;
  iso: string | null; // null when the year is missing
  day: number;
  month: number;
  year: number | null;
  text: string;
}

const validDay = (d: number, m: number): boolean => d >= 1 && d <= 31 && m >= 1 && m <= 12;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Every date the text writes: "ngày 08 tháng 11 năm 2021", "08/11/2021", "8-11-2021", "7.10.2021", "ngày 26/8". */
function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  const push = (index: number, str: string, d: number, m: number, y: number | null): void => {
    if (!validDay(d, m)) return;
    if (y !== null && (y < 1900 || y > 2100)) return;
    if (hits.some((h) => index < h.end && index + str.length > h.index)) return;
    hits.push({ index, end: index + str.length, day: d, month: m, year: y, iso: y === null ? null : `${y}-${pad(m)}-${pad(d)}`, text: str });
  };
  const folded = foldKeepLength(text); // same indices, ASCII: the regexes below need no Unicode flags
  for (const m of folded.matchAll(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g)) push(m.index!, text.slice(m.index!, m.index! + m[0].length), +m[1]!, +m[2]!, +m[3]!);
  for (const m of text.matchAll(/(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?!\d)/gu)) push(m.index!, m[0], +m[1]!, +m[3]!, +m[4]!);
  for (const m of folded.matchAll(/(?<![a-z])(?:ngay|sang|chieu|toi|trua|dem|hom)\s+(?:ngay\s+)?(\d{1,2})\s?([/.-])\s?(\d{1,2})(?![\d/.-]*\d)/g)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    push(at, text.slice(at, m.index! + m[0].length), +m[1]!, +m[3]!, null);
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * The year of a day and month written without one ("Ngày 16/5", "Chiều 18/12"), from the text
 * around it, in order of trust: the same day written in full elsewhere (a same-day reference),
 * the page's posting stamp on that day, an effective time a day to three days later
 * ("từ 0h ngày 21/7/2021"), then the posting or page date's month (the last such day before it).
 */
function inferYear(h: DateHit, dates: DateHit[], hints: CleanHints, effective: (d: DateHit) => boolean): { year: number; from: string } | null {
  const same = dates.find((x) => x.year && x.day === h.day && x.month === h.month);
  if (same) return { year: same.year!, from: `the same day written in full ("${same.text}")` };
  const pub = hints.publicationDate;
  if (pub && +pub.slice(5, 7) === h.month && +pub.slice(8, 10) === h.day) return { year: +pub.slice(0, 4), from: `the posting stamp of the same day (${pub})` };
  for (const x of dates) {
    if (!x.year || !effective(x) || x.index < h.index) continue;
    for (const y of [x.year, x.year - 1]) {
      const days = (Date.UTC(x.year, x.month - 1, x.day) - Date.UTC(y, h.month - 1, h.day)) / 86_400_000;
      if (days >= 0 && days <= 3) return { year: y, from: `the effective time ${days ? `${days} day(s) later` : 'the same day'} ("${x.text}")` };
    }
  }
  const hint = pub ?? hints.pageDate;
  if (hint) {
    const [y, m] = hint.split('-').map(Number) as [number, number];
    return { year: h.month <= m ? y : y - 1, from: `the ${pub ? 'posting' : 'page'} date (${hint})` };
  }
  return null;
}

// ---------------------------------------------------------------- numbers

function isCentral(codes: string[]): boolean {
  return codes.some(isNationalCode);
}

interface NumberHit {
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
const NUMBER_RE = /(?<![\p{L}\d/.-])(\d{1,5})\s?([-/\u2013\u2014])\s?((?:(?:19|20)\d\d\s?\/\s?)?(?:[\p{Lu}][\p{Lu}\p{Ll}\d&]*)(?:\s?[-/\u2013\u2014]\s?[\p{Lu}][\p{Lu}\p{Ll}\d&]*)*)/gu;
// "công điện số 03", "Công điện khẩn số 02", "văn bản khẩn 2556": the serial alone
const BARE_NUMBER_RE = new RegExp(`(?:^|[^a-z])(${TYPE_ALT})(?:\\s+(?:hoa toc|thuong khan|khan))?\\s+(?:so\\s*:?\\s*|(?<=(?:khan|hoa toc)\\s+))(\\d{1,5})(?![\\d/.,-]|\\s?[-/]\\s?[a-z]|\\s+(?:nam|thang|ngay|gio|nguoi|ca|%))`, 'g');
const ACTION = /(?:^|\s)(?:ban hanh|co|ra|ky|ky ban hanh|phat hanh|gui)\s+(?:(?:hoa toc|thuong khan|khan)\s+)?$/;
// "Đó là nội dung tại Chỉ thị số 03/CT-UBND": a report naming the document it is about
const THIS_IS = /(?:do la|day la)\s+(?:mot (?:trong nhung|so) )?(?:noi dung|yeu cau|chi dao)(?:\s+chinh)?\s+(?:tai|cua|trong)\s+$/;
const CITED_BEFORE = /(?:^|\s)(?:thuc hien|theo|tai|can cu|trien khai|quan triet|kem theo|thay the|bai bo|tinh than|chi dao cua|nhu|sau|va|cua|voi|tiep tuc thuc hien)\s+(?:nghiem\s+)?(?:cac\s+|noi dung\s+)?$/;
const CENTRAL_AFTER = /^[^.;]{0,40}?\bcua\s+(thu tuong|chinh phu|van phong chinh phu|bo\s|bo truong|ban bi thu|bo chinh tri|trung uong|ban chi dao quoc gia|quoc hoi|tong bi thu)/;

function sentenceStart(text: string, i: number): number {
  const cut = Math.max(text.lastIndexOf('. ', i), text.lastIndexOf('\n', i), text.lastIndexOf('; ', i));
  return cut < 0 ? 0 : cut + 1;
}
function sentenceEnd(text: string, i: number): number {
  const re = /[.;](\s|$)|\n/g;
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function findNumbers(text: string, folded: string): NumberHit[] {
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
    if (CITED_BEFORE.test(beforeType)) score -= 6;
    // "số N về việc triển khai Công điện của Thủ tướng": the subject cites the centre, the number is local
    if (CENTRAL_AFTER.test(after) && !/^\s*(?:,?\s*)?(?:ve viec|ve|v\/v)\s/.test(after)) score -= 8;
    if (THIS_IS.test(beforeType)) score += 12;
    // "(Công văn số 1074/VP-KGVX, ngày 23/3/2020)": the report's own document, in brackets after the lead
    if (tm && /\(\s*$/.test(beforeType) && /^[^()\n]{0,40}\)/.test(after) && !CITED_BEFORE.test(before.slice(0, Math.max(0, before.lastIndexOf('('))))) score += 5;
    if (/^\s*(?:,?\s*ngay\s+[\d/.\-]+\s*)?cua\s+(ban thuong vu|thuong truc|ban chap hanh|tinh uy|thanh uy|ubnd|uy ban nhan dan|chu tich ubnd)/.test(after) && index - lineStart < 40) score += 4;
    if (/^(dinh kem|file dinh kem|tai ve|tep dinh kem|van ban)\s*[-:–]?\s*$/.test(folded.slice(lineStart, index).trim()) || /^\.(pdf|docx?)\b/.test(after)) score += 3;
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

// ---------------------------------------------------------------- issuers

type Body = 'btv' | 'tt' | 'bch' | 'cap' | 'ubnd' | 'ct' | 'bcd' | 'vp' | 'hdnd' | 'district';
const STATE_BODIES: ReadonlySet<Body> = new Set<Body>(['ubnd', 'ct', 'bcd', 'vp', 'hdnd']);
interface IssuerHit {
  index: number;
  end: number;
  body: Body;
  committee: 'Tỉnh ủy' | 'Thành ủy' | null;
  level: 'tỉnh' | 'thành phố' | null;
  place: Province | null;
  weight: number;
  text: string;
}

const PARTY_RE = /(?:(ban thường vụ|ban chấp hành|thường trực)\s+)?(tỉnh ủy|thành ủy)/giu;
const STATE_RE = /(?:(chủ tịch)\s+)?(ubnd|ủy ban nhân dân)(?:\s+(tỉnh|thành phố|tp\.?))?/giu;
const BCD_RE = /ban chỉ đạo (?:phòng[,\s-]*chống)[^.;\n]{0,40}?(tỉnh|thành phố)(?![\p{L}])/giu;
const VP_RE = /văn phòng (?:ubnd|ủy ban nhân dân)\s+(tỉnh|thành phố|tp\.?)/giu;
const EXCLUDE_BEFORE = /(?:trước|báo cáo|về|đến|gửi|cho|với|của|theo|tham mưu|xin ý kiến|ủy viên|trực thuộc|kính gửi|như|văn phòng|ban tuyên giáo|ủy ban kiểm tra|bí thư|phó bí thư|chánh văn phòng|trưởng ban|ban cán sự đảng|bcs đảng|đảng đoàn|các|và|phó|cấp|nghe)\s*(?:(?:thường trực|ban thường vụ)(?:\s+(?:tỉnh|thành)\s+ủy)?\s*(?:,|và)\s*)?$/iu;
const DOC_AFTER = new RegExp(`^\\s*,?(?:\\s+(?:vua|da|moi|cung|tiep tuc|chinh thuc))*\\s+(?:ban hanh|co|ra|ky|ky ban hanh|phat hanh|gui)\\s+(?:(?:hoa toc|thuong khan|khan)\\s+)?(?:${TYPE_ALT})\\b`);
/** "…, Chủ tịch UBND tỉnh Vĩnh Long, đã ký": a person's name or a comma between the body and its act */
const NAME_AFTER = /^\s*,?\s*(?:(?:ông|bà|đồng chí)\s+)?(?:[\p{Lu}][\p{Ll}’']*\s+){1,4}[\p{Lu}][\p{Ll}’']*(?=\s*,?\s+\p{Ll})|^\s*,(?=\s+\p{Ll})/u;
// "vừa (thay mặt …) ký ban hành <type>": the lead sentence of a news report naming its document
const LEAD_ACT = new RegExp(`(?:vua|da|moi)\\s+(?:thay mat [^.;]{3,60}?\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|gui|phat hanh)\\s+(?:(?:hoa toc|thuong khan|khan)\\s+)?(?:${TYPE_ALT})\\b`);
const LEAD_ACT_ALL = new RegExp(LEAD_ACT.source, 'g');
// "vừa ký <type> về/số/…": the type of the document a report is about
const ACT_TYPE_ALL = new RegExp(`(?:vua|da|moi)\\s+(?:thay mat [^.;]{3,60}?\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|phat hanh|gui)\\s+(?:(?:hoa toc|thuong khan|khan)\\s+)?(${TYPE_ALT})(?:\\s+(?:khan|hoa toc))?\\s+(?:ve|so|chi dao|gui|yeu cau|nham|cua|\\d)`, 'g');
/** "<issuer> (vừa|đã)? (ký|ban hành|có|ra|gửi) <type>": an act whose subject is a named body, in the same sentence */
const BODY_ACT_ALL = new RegExp(`(?:(?:vua|da|moi|chinh thuc)\\s+)?(?:ky ban hanh|ky|ban hanh|co|ra|gui|phat hanh)\\s+(?:(?:hoa toc|thuong khan|khan)\\s+)?(${TYPE_ALT})(?![a-z])`, 'g');
const VOICE_AFTER = /^(?:\s+\S+){0,3}?(?:\s+(?:vua|da|cung|tiep tuc|co ban))*\s+(?:yeu cau|chi dao|de nghi|ket luan|quyet dinh|luu y|giao|nhan manh|thong nhat|nhat tri|hop|dong y|chu truong|quan triet|keu goi|huong dan|chi thi)\b/;

function placeAfter(text: string, folded: string, end: number, levelAt = -1): { place: Province | null; end: number } {
  const m = /^\s+((?:tỉnh|thành phố|tp\.?)\s*)?/iu.exec(text.slice(end));
  const start = end + (m ? m[0].length : 0);
  // "UBND TP.HCM": the level word belongs to the place's own spelling
  const p = provinceAt(text, folded, start) ?? (levelAt >= 0 ? provinceAt(text, folded, levelAt) : null);
  return p ? { place: p.province, end: Math.max(p.end, end) } : { place: null, end };
}

function findIssuers(text: string, folded: string): IssuerHit[] {
  const out: IssuerHit[] = [];
  const norm = normalizeVietnamese(text);
  for (const m of norm.matchAll(PARTY_RE)) {
    const word = m[2]!;
    if (!/^[\p{Lu}]/u.test(word)) continue; // "các huyện, thị, thành ủy": district committees
    if (/^\s*viên/u.test(norm.slice(m.index! + m[0].length))) continue; // "Tỉnh ủy viên"
    const pre = foldForMatch(m[1] ?? '');
    const body: Body = pre === 'ban thuong vu' ? 'btv' : pre === 'thuong truc' ? 'tt' : pre === 'ban chap hanh' ? 'bch' : 'cap';
    const committee = foldForMatch(word) === 'tinh uy' ? 'Tỉnh ủy' : 'Thành ủy';
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length);
    out.push({ index: m.index!, end, body, committee, level: null, place, weight: 0, text: text.slice(m.index!, end) });
  }
  for (const m of norm.matchAll(STATE_RE)) {
    const lvl = m[3] ? foldForMatch(m[3]).replace(/\.$/, '') : null;
    const after = norm.slice(m.index! + m[0].length);
    if (!lvl && /^\s+(?:huyện|quận|thị xã|xã|phường|thị trấn)\s+\p{Lu}/u.test(after)) {
      // a district's or commune's own committee ("UBND huyện Cần Giờ"): not a provincial issuer
      out.push({ index: m.index!, end: m.index! + m[0].length, body: 'district', committee: null, level: null, place: null, weight: 0, text: norm.slice(m.index!, m.index! + m[0].length + 20) });
      continue;
    }
    if (!lvl && !/^\s*\n/.test(after) && !/^\s*$/.test(after)) continue; // "UBND các huyện", "UBND cấp xã"
    const body: Body = m[1] ? 'ct' : 'ubnd';
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length, m[3] ? m.index! + m[0].length - m[3].length : -1);
    out.push({ index: m.index!, end, body, committee: null, level: lvl === 'tinh' ? 'tỉnh' : lvl ? 'thành phố' : null, place, weight: 0, text: text.slice(m.index!, end) });
  }
  for (const m of norm.matchAll(BCD_RE)) {
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length);
    out.push({ index: m.index!, end, body: 'bcd', committee: null, level: foldForMatch(m[1]!) === 'tinh' ? 'tỉnh' : 'thành phố', place, weight: 0, text: text.slice(m.index!, end) });
  }
  for (const m of norm.matchAll(VP_RE)) {
    const lvl = foldForMatch(m[1]!).replace(/\.$/, '');
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length, m.index! + m[0].length - m[1]!.length);
    // the Office's own hit replaces the committee's inside it ("Văn phòng [UBND tỉnh]")
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.index > m.index! && out[k]!.index < m.index! + m[0].length) out.splice(k, 1);
    out.push({ index: m.index!, end, body: 'vp', committee: null, level: lvl === 'tinh' ? 'tỉnh' : 'thành phố', place, weight: 0, text: text.slice(m.index!, end) });
  }
  for (const h of out) {
    const before = norm.slice(Math.max(0, h.index - 60), h.index);
    const name = NAME_AFTER.exec(text.slice(h.end, h.end + 60));
    const after = folded.slice(h.end + (name ? name[0].length : 0), h.end + 80);
    if (/^\s*(?:\S+\s+){0,2}se\b/.test(after)) { h.weight = -1; continue; } // "sẽ có chỉ đạo": future
    if (/thay mặt\s*$/iu.test(before)) { h.weight = 5; continue; }
    if (EXCLUDE_BEFORE.test(before) && !(h.body === 'vp' && !/(?:của|theo|với|gửi|cho)\s*$/iu.test(before))) { h.weight = -1; continue; }
    if (DOC_AFTER.test(after)) h.weight = 5;
    else if (VOICE_AFTER.test(after) || (h.body === 'vp' && /^\s+thong bao (?:y kien|ket luan)/.test(after))) h.weight = 2;
  }
  return out;
}

// ---------------------------------------------------------------- provinces

interface PlaceHit { province: Province; index: number; end: number; via: 'name' | 'capital' }

/**
 * One regex for many names, as a trie ("ha (giang|noi|nam|tinh)") so the engine rejects a
 * position after a character or two instead of trying every name. " " matches any space and
 * "-" tolerates spaces around it ("Phan Rang - Tháp Chàm").
 */
function trieSource(words: string[]): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      if (!n.next.has(ch)) n.next.set(ch, { end: false, next: new Map() });
      n = n.next.get(ch)!;
    }
    n.end = true;
  }
  const atom = (ch: string): string => (ch === ' ' ? '\\s' : ch === '-' ? '\\s?-\\s?' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const emit = (n: Node): string => {
    // longest match first: children before the end of a shorter name
    const alts = [...n.next.entries()].map(([ch, c]) => atom(ch) + emit(c));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const PLACE_INDEX = (() => {
  const entries: Array<[string, Province, 'name' | 'capital']> = [];
  for (const p of PROVINCES) {
    for (const n of [p.name, ...p.aliases]) entries.push([foldForMatch(n), p, 'name']);
    if (p.capital && foldForMatch(p.capital) !== foldForMatch(p.name)) entries.push([foldForMatch(p.capital), p, 'capital']);
  }
  entries.sort((a, b) => b[0].length - a[0].length);
  const re = new RegExp(`(?<![a-z0-9])(${trieSource(entries.map(([n]) => n))})(?![a-z0-9])`, 'g');
  const lookup = new Map<string, [Province, 'name' | 'capital']>();
  for (const [n, p, via] of entries) if (!lookup.has(n)) lookup.set(n, [p, via]);
  return { re, lookup };
})();

/** Capitalised as a name ("Thanh Hóa", "THANH HÓA"), not a phrase ("hòa bình"). */
const looksLikeName = (s: string): boolean => s.split(/[\s-]+/).filter(Boolean).every((w) => /^[\p{Lu}\d]/u.test(w));

function findPlaces(text: string, folded: string): PlaceHit[] {
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

const PLACE_AT = new RegExp(PLACE_INDEX.re.source, 'y');
function provinceAt(text: string, folded: string, at: number): PlaceHit | null {
  PLACE_AT.lastIndex = at;
  const m = PLACE_AT.exec(folded);
  if (!m) return null;
  const orig = text.slice(at, at + m[0].length);
  if (!looksLikeName(orig)) return null;
  const key = m[0].replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
  const hit = PLACE_INDEX.lookup.get(key);
  return hit ? { province: hit[0], index: at, end: at + m[0].length, via: hit[1] } : null;
}

// ---------------------------------------------------------------- text helpers

const w = (phrase: string): RegExp => new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'gu');
const CAPS_FIX: Array<[RegExp, string]> = [
  [w('ban thường vụ'), 'Ban Thường vụ'], [w('ban chấp hành'), 'Ban Chấp hành'], [w('thường trực'), 'Thường trực'],
  [w('tỉnh ủy'), 'Tỉnh ủy'], [w('thành ủy'), 'Thành ủy'], [w('ủy ban nhân dân'), 'Ủy ban nhân dân'],
  [w('ban chỉ đạo'), 'Ban Chỉ đạo'], [w('chủ tịch'), 'Chủ tịch'], [w('bí thư'), 'Bí thư'],
];
/** "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" -> "kết luận của Ban Thường vụ Tỉnh ủy"; codes (COVID-19, UBND) stay. */
function fromCaps(line: string): string {
  if (/\p{Ll}/u.test(line)) return line;
  let s = line.split(/(\s+)/).map((w) => (/\d|^(UBND|HĐND|MTTQ|BCĐ|TP|T\/M|KT\.|TM\.)$/u.test(w) ? w : w.toLowerCase())).join('');
  s = normalizeVietnamese(s);
  for (const [re, rep] of CAPS_FIX) s = s.replace(re, rep);
  const folded = foldKeepLength(s);
  for (const m of [...folded.matchAll(PLACE_INDEX.re)].reverse()) {
    const hit = PLACE_INDEX.lookup.get(m[0].replace(/\s*-\s*/g, '-').replace(/\s+/g, ' '));
    if (hit) s = s.slice(0, m.index!) + (hit[1] === 'name' ? hit[0].name : hit[0].capital!) + s.slice(m.index! + m[0].length);
  }
  return s;
}
const capFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function shorten(s: string, max = 280): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > 0 ? cut : max - 1)}…`;
}

// ---------------------------------------------------------------- the extractor

export function extract(seg: Segmented, hints: CleanHints, opts: ExtractOptions = {}): Extracted {
  const warnings: ImportWarning[] = [];
  // The searchable text: what a reader sees, without the lists of recipients.
  const parts = [seg.headline ?? '', seg.titleLines.join('\n'), seg.subjectLine ?? '', ...seg.body].filter((x) => x !== undefined);
  const text = parts.join('\n');
  const folded = foldKeepLength(text);

  // ---- number
  const numberHits = findNumbers(text, folded);
  const scores = new Map<string, { best: NumberHit; score: number }>();
  const own = (key: string, hit: NumberHit, score: number): void => {
    const cur = scores.get(key);
    if (!cur) scores.set(key, { best: hit, score });
    else { cur.score = Math.max(cur.score, score) + (score > 0 ? 1 : 0); if (score > cur.best.score) cur.best = hit; }
  };
  for (const h of numberHits) own(h.key, h, h.score);
  let headerNumber: string | null = null;
  const fromLine = seg.numberLine ?? seg.meta['Số hiệu'] ?? null;
  if (fromLine) {
    const m = /(\d{1,5}\s?[-/]?\s?[\p{L}\d/\s-]*)$/u.exec(fromLine.replace(/^Số(\s*hiệu)?\s*:?\s*/u, ''));
    if (m) headerNumber = normalizeDocNumber(m[1]!.trim());
  }
  let number: Field<string | null> = none(null, 'no number of its own found in the text');
  let ownHit: NumberHit | null = null;
  if (headerNumber && docNumberKey(headerNumber)) {
    number = { value: headerNumber, confidence: 0.95, evidence: fromLine };
    const key = docNumberKey(headerNumber)!;
    ownHit = scores.get(key)?.best ?? null;
  } else {
    const ranked = [...scores.values()].filter((s) => s.score >= 3).sort((a, b) => b.score - a.score || a.best.index - b.best.index);
    if (ranked.length) {
      const top = ranked[0]!;
      ownHit = top.best;
      // the fullest spelling of the same number in the text ("3376/UBND-VXNV" over "3376")
      const spellings = numberHits.filter((h) => h.key === top.best.key);
      const value = spellings.map((h) => h.number).sort((a, b) => b.length - a.length)[0]!;
      number = { value, confidence: top.score >= 6 ? 0.85 : 0.6, evidence: top.best.line.trim() };
      if (ranked.length > 1 && ranked[1]!.score === top.score) {
        number.confidence = 0.5;
        number.reason = `two numbers could be this document's own: ${top.best.number}, ${ranked[1]!.best.number}`;
      }
    }
  }
  const ownKey = number.value ? docNumberKey(number.value) : null;

  // ---- references: every other number, with its type and date when written next to it
  const dates = findDates(text);
  const references: DirectiveReference[] = [];
  const seenRefs = new Set<string>();
  for (const h of numberHits) {
    if (h.key === ownKey || seenRefs.has(h.key) || !/\D/.test(h.number)) continue;
    seenRefs.add(h.key);
    const d = dates.find((x) => x.index >= h.end && x.index - h.end <= 12 && /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(h.end, x.index)) && x.iso);
    references.push({ number: h.number, docType: h.typeWord ? citedTypeName(h.typeWord) : null, date: d?.iso && /^(2019|202\d)/.test(d.iso) ? d.iso : null });
  }

  const issuerHits = findIssuers(text, folded);
  // ---- docType
  let docType: Field<DocTypeName | null> = none(null, 'the text names no document type');
  const ownWord = ownHit?.typeWord ? typeOfWord(ownHit.typeWord) : null;
  const codeType = (() => {
    if (!number.value) return undefined;
    const p = parseDocNumber(number.value);
    const codes = p ? p.codes.filter((c) => !/^\d+$/.test(c)) : []; // "15/2021/QĐ-UBND": skip the year
    if (!codes.length) return undefined;
    const t = docTypeFromCode(codes[0]!);
    if (t) return t;
    // state symbols without a type code ("288/UBND-VP") are, by Nghị định 30, công văn
    if (/\//.test(number.value) && /^(UBND|CTUBND|VPUBND|HDND|BCD)$/.test(codes[0]!)) return 'Công văn' as DocTypeName;
    return undefined;
  })();
  const titleType = seg.titleLines.length ? typeOfWord(foldForMatch(seg.titleLines[0]!).replace(/\s+khan$/, '')) : null;
  const metaType = seg.meta['Loại văn bản'] ? typeOfWord(foldForMatch(seg.meta['Loại văn bản'])) : null;
  const enactingType = seg.enactingFormula ? typeOfWord(foldForMatch(seg.enactingFormula).replace(/\s*:$/, '') === 'quyet nghi' ? 'nghi quyet' : 'quyet dinh') : null;
  // a headline that starts with the type: "Công văn của UBND tỉnh ... về việc ...", "QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH ..."
  const headlineType = (() => {
    if (!seg.headline) return null;
    const hf = foldForMatch(seg.headline);
    const m = new RegExp(`^(${TYPE_ALT})(?:\\s+(?:khan|hoa toc))?(?=\\s+(?:cua|ve|so|ban hanh|yeu cau|chi dao|khan|hoa toc|\\d+\\s*/\\s*[a-z]*-?(?:ubnd|tu|bcd|ctubnd)))`).exec(hf);
    const t = m ? typeOfWord(m[1]!) : null;
    return t && t !== 'văn bản' && t !== 'other' && !isCentral(parseDocNumber(hf.slice(m![0].length).trim().split(/\s/)[0] ?? '')?.codes ?? []) ? t : null;
  })();
  if (titleType && titleType !== 'văn bản' && titleType !== 'other') {
    docType = { value: titleType, confidence: 0.95, evidence: seg.titleLines[0]! };
  } else if (enactingType && enactingType !== 'văn bản' && enactingType !== 'other') {
    docType = { value: enactingType, confidence: 0.9, evidence: seg.enactingFormula! };
  } else if (metaType && metaType !== 'văn bản' && metaType !== 'other') {
    docType = { value: metaType, confidence: 0.9, evidence: `Loại văn bản: ${seg.meta['Loại văn bản']}` };
  } else if (ownWord && ownWord !== 'văn bản' && ownWord !== 'other') {
    docType = { value: ownWord, confidence: 0.9, evidence: ownHit!.line.trim() };
  } else if (codeType && !(ownWord === 'văn bản' && codeType === 'Công văn')) {
    docType = { value: codeType, confidence: seg.subjectLine && codeType === 'Công văn' ? 0.85 : 0.7, evidence: number.value };
  } else {
    // a report without a number: "<issuer> vừa (ký|ban hành|có) <type> ..."
    const acts = [...folded.matchAll(ACT_TYPE_ALL)];
    const named = acts.map((m) => ({ t: typeOfWord(m[1]!), m })).filter((x) => x.t && x.t !== 'other');
    const specific = named.find((x) => x.t !== 'văn bản');
    // "<issuer>, ... (đã) có công văn khẩn", "Tỉnh đã ban hành hỏa tốc Công văn": the act of a named body
    const bodyAct = [...folded.matchAll(BODY_ACT_ALL)].map((m) => ({ t: typeOfWord(m[1]!), m })).find(({ t, m }) => {
      if (!t || t === 'other' || t === 'văn bản') return false;
      const start = sentenceStart(text, m.index!);
      const subject = issuerHits.some((h) => h.index >= start && h.end <= m.index! && m.index! - h.end <= 90 && h.weight >= 0 && h.body !== 'district')
        || /(?:^|\s)(?:tinh|thanh pho)\s+(?:\S+\s+){0,1}$/.test(folded.slice(Math.max(start, m.index! - 12), m.index!));
      return subject && !CITED_BEFORE.test(folded.slice(Math.max(0, m.index! - 40), m.index!));
    });
    if (specific) docType = { value: specific.t as DocTypeName, confidence: 0.7, evidence: text.slice(specific.m.index!, specific.m.index! + specific.m[0].length) };
    else if (headlineType) docType = { value: headlineType, confidence: 0.75, evidence: seg.headline };
    else if (bodyAct) docType = { value: bodyAct.t as DocTypeName, confidence: 0.7, evidence: text.slice(sentenceStart(text, bodyAct.m.index!), bodyAct.m.index! + bodyAct.m[0].length).trim() };
    else if (seg.subjectLine) docType = { value: 'Công văn', confidence: 0.75, evidence: seg.subjectLine, reason: 'no type named; a "V/v" subject line marks a công văn' };
    else if (ownWord === 'văn bản' || named.length) {
      docType = { value: 'Văn bản', confidence: 0.4, evidence: ownHit?.line.trim() ?? null, reason: 'the text only says "văn bản"' + (codeType ? `; its symbol suggests ${codeType}` : '') };
    }
  }

  // ---- issuer
  const headerText = seg.header.join('\n');
  const headerFolded = seg.header.map(foldForMatch).join('\n');
  let issuer: Field<Issuer | null> = none(null, 'no issuing body found');
  let issuerHit: IssuerHit | null = null;
  // the subject of the sentence that issues the own number
  if (ownHit) {
    const start = sentenceStart(text, ownHit.index);
    const inSentence = issuerHits.filter((h) => h.index >= start && h.end <= ownHit!.index && h.weight >= 0);
    const last = inSentence[inSentence.length - 1];
    if (last) { last.weight += 8; issuerHit = last; }
    // "<type> N ngày D của <issuer>" in a headline
    const after = issuerHits.find((h) => h.index >= ownHit!.end && h.index - ownHit!.end < 30 && /^\s*(?:,?\s*ngày\s+[\d/.-]+\s*)?của\s+$/iu.test(text.slice(ownHit!.end, h.index)));
    if (after) { after.weight = Math.max(after.weight, 0) + 8; issuerHit ??= after; }
  }
  // header, signature "T/M ..." and title "... CỦA BAN THƯỜNG VỤ TỈNH ỦY"

  const sigRoles = foldForMatch((seg.signature?.roles ?? []).join(' '));
  const titleFolded = foldForMatch(seg.titleLines.join(' '));
  const partyVoice = (b: Body, w: number): void => { for (const h of issuerHits) if (h.body === b && h.weight >= 0) h.weight += w; };
  if (/(t\/m|tm\.?)\s+ban thuong vu/.test(sigRoles) || /cua ban thuong vu/.test(titleFolded)) partyVoice('btv', 5);
  if (/(t\/m|tm\.?)\s+thuong truc/.test(sigRoles) || /cua thuong truc/.test(titleFolded)) partyVoice('tt', 5);
  if (/(t\/m|tm\.?)\s+ban chap hanh/.test(sigRoles)) partyVoice('bch', 5);
  // the issuing body named in the header ("THƯỜNG TRỰC TỈNH ỦY BÀ RỊA - VŨNG TÀU")
  if (/ban thuong vu/.test(headerFolded)) partyVoice('btv', 6);
  if (/thuong truc (tinh|thanh) uy/.test(headerFolded)) partyVoice('tt', 6);
  if (/ban chap hanh/.test(headerFolded)) partyVoice('bch', 6);

  if (issuerHit?.body === 'district') {
    warnings.push({ code: 'not-provincial', message: `issued by a district or commune body ("${issuerHit.text.trim()}"), not a provincial one.` });
  }
  const headerParty = /(tinh|thanh) uy/.test(headerFolded);
  const ownCodes = number.value ? parseDocNumber(number.value)?.codes ?? [] : [];
  const headerBcd = /ban chi dao/.test(headerFolded);
  const headerHdnd = /hoi dong nhan dan|hdnd/.test(headerFolded) || ownCodes.includes('HDND');
  const headerState = /uy ban nhan dan|ubnd/.test(headerFolded) || headerBcd || headerHdnd;
  let branch: 'party' | 'state' | null = null;
  if (issuerHit?.body === 'district') branch = null;
  else if (ownCodes.includes('TU')) branch = 'party';
  else if (ownCodes.some((c) => /UBND$|^HDND$/.test(c))) branch = 'state';
  else if (issuerHit) branch = STATE_BODIES.has(issuerHit.body) ? 'state' : 'party';
  else if (headerState) branch = 'state';
  else if (headerParty) branch = 'party';
  else {
    const best = [...issuerHits].filter((h) => h.weight > 0).sort((a, b) => b.weight - a.weight)[0];
    if (best) branch = STATE_BODIES.has(best.body) ? 'state' : 'party';
  }

  let committeeWord: 'Tỉnh ủy' | 'Thành ủy' | null = null;
  let stateLevel: 'tỉnh' | 'thành phố' | null = null;
  if (branch === 'party') {
    const party = issuerHits.filter((h) => h.committee && h.weight > 0);
    committeeWord = issuerHit?.committee ?? party.sort((a, b) => b.weight - a.weight)[0]?.committee ?? (/thanh uy/.test(headerFolded) ? 'Thành ủy' : 'Tỉnh ủy');
    // the most specific body that speaks for the document wins over the bare committee
    const specific = party.filter((h) => h.body !== 'cap');
    const sum = new Map<Body, number>();
    for (const h of specific) sum.set(h.body, (sum.get(h.body) ?? 0) + h.weight);
    const ranked = [...sum.entries()].sort((a, b) => b[1] - a[1]);
    const body = ranked.length && ranked[0]![1] >= 2 ? ranked[0]![0] : (issuerHit && issuerHit.body !== 'cap' && issuerHit.committee ? issuerHit.body : 'cap');
    const prefix = body === 'btv' ? 'Ban Thường vụ ' : body === 'tt' ? 'Thường trực ' : body === 'bch' ? 'Ban Chấp hành ' : '';
    const ev = (specific.find((h) => h.body === body) ?? issuerHit ?? party[0])?.text ?? (headerText || null);
    // the document speaks as this body ("Thường trực Tỉnh ủy yêu cầu") and its symbol is a Party one
    const conf = issuerHit || ranked.length
      ? (ranked.length && ranked[0]![1] >= 5 ? 0.9 : issuerHit ? 0.85 : ownCodes.includes('TU') ? 0.8 : 0.65)
      : ownCodes.includes('TU') ? 0.55 : 0.6;
    issuer = { value: `${prefix}${committeeWord}` as Issuer, confidence: conf, evidence: ev };
  } else if (branch === 'state') {
    const state = issuerHits.filter((h) => STATE_BODIES.has(h.body) && h.weight > 0);
    let chosen = issuerHit && STATE_BODIES.has(issuerHit.body) && !headerHdnd ? issuerHit : null;
    let conf = chosen ? 0.9 : 0.6;
    if (!chosen && headerState) { conf = 0.9; }
    else if (!chosen && ownCodes.includes('CTUBND')) { conf = 0.7; }
    else if (!chosen) chosen = state.sort((a, b) => b.weight - a.weight)[0] ?? null;
    let body: Body = chosen?.body ?? (ownCodes.includes('CTUBND') ? 'ct' : 'ubnd');
    // the header names the authority: "CHỦ TỊCH UBND TỈNH X" issues in the Chairman's own name
    if (!chosen && headerState) {
      body = headerHdnd ? 'hdnd' : headerBcd ? 'bcd' : /(^|\n)chu tich (ubnd|uy ban nhan dan)/.test(headerFolded) ? 'ct'
        : /(^|\n)van phong (ubnd|uy ban nhan dan)/.test(headerFolded) ? 'vp' : 'ubnd';
    }
    stateLevel = chosen?.level ?? (/thanh pho/.test(headerFolded) ? 'thành phố' : 'tỉnh');
    const name = body === 'ct' ? `Chủ tịch UBND ${stateLevel}` : body === 'bcd' ? `Ban Chỉ đạo phòng, chống dịch ${stateLevel}`
      : body === 'vp' ? `Văn phòng UBND ${stateLevel}` : body === 'hdnd' ? `HĐND ${stateLevel}` : `UBND ${stateLevel}`;
    issuer = { value: name as Issuer, confidence: conf, evidence: chosen?.text ?? (headerText || number.value) };
  }

  if (issuerHit?.body === 'district') issuer.reason = 'issued by a district or commune body; the archive holds provincial directives';

  // ---- province
  let province: Field<string | null> = none(null, 'the text names no province');
  const provinceFrom = (p: Province, confidence: number, evidence: string): Field<string> => ({ value: p.name, confidence, evidence });
  const placed = issuerHits.filter((h) => h.place && h.weight >= 0);
  const dl = seg.dateline ? DATELINE.exec(seg.dateline) : null;
  const dlMonth = seg.dateline && !dl ? DATELINE_MONTH.exec(seg.dateline) : null;
  const dlPlaceName = dl?.[1] ?? dlMonth?.[1] ?? null;
  const dlPlace = dlPlaceName ? findProvince(dlPlaceName) ?? PROVINCES.find((p) => p.capital && foldForMatch(p.capital) === foldForMatch(dlPlaceName)) : undefined;
  const headerPlace = (() => {
    for (const h of seg.header) {
      const f = foldForMatch(h);
      // "TỈNH BẠC LIÊU", "TỈNH ỦY VĨNH PHÚC", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH TỈNH AN GIANG"
      const m = /(?:^|\s)(?:tinh|thanh pho|tp\.?|tinh uy|thanh uy)\s+(.+)$/.exec(f);
      if (m) { const p = findProvince(m[1]!); if (p) return { p, h }; }
    }
    return null;
  })();
  const places = findPlaces(text, folded);
  if (opts.province) {
    const p = findProvince(opts.province);
    if (p) province = provinceFrom(p, 1, `--province ${opts.province}`);
  } else if (issuerHit?.place) {
    province = provinceFrom(issuerHit.place, 0.95, issuerHit.text);
  } else if (headerPlace) {
    province = provinceFrom(headerPlace.p, 0.95, headerPlace.h);
  } else if (dlPlace) {
    province = provinceFrom(dlPlace, 0.9, seg.dateline!);
  } else if (placed.length && new Set(placed.map((h) => h.place!.name)).size === 1) {
    province = provinceFrom(placed[0]!.place!, 0.9, placed[0]!.text);
  } else if (ownHit && (() => {
    const start = sentenceStart(text, ownHit.index);
    const p = places.filter((x) => x.index >= start && x.end <= ownHit!.index).at(-1);
    if (p) province = provinceFrom(p.province, 0.8, text.slice(start, ownHit.end).trim());
    return Boolean(p);
  })()) {
    // the place that issues: "Đà Nẵng có Công văn ..."
  } else if (seg.headline && /^[^:]{2,30}:/.test(seg.headline) && findProvince(seg.headline.split(':')[0]!)) {
    province = provinceFrom(findProvince(seg.headline.split(':')[0]!)!, 0.8, seg.headline);
  } else if (placed.length) {
    warnings.push({ code: 'province-ambiguous', message: `the issuing bodies name several provinces (${[...new Set(placed.map((h) => h.place!.name))].join(', ')}); province left empty.` });
    province.reason = 'several provinces are named as issuers';
  } else {
    // the one province the text names (ignoring people coming "from" elsewhere)
    const counted = places.filter((p) => !/(tu|ve tu|den tu|di qua|cac tinh|tinh ban|voi)\s+(tinh\s+|thanh pho\s+|tp\.?\s*)?$/.test(folded.slice(Math.max(0, p.index - 20), p.index)));
    const names = [...new Set(counted.map((p) => p.province.name))];
    if (names.length === 1) {
      const p = counted[0]!;
      province = provinceFrom(p.province, p.via === 'capital' ? 0.7 : 0.75, text.slice(Math.max(0, p.index - 30), p.end + 10).trim());
      province.reason = p.via === 'capital' ? `inferred from the place "${text.slice(p.index, p.end)}"` : 'the only province the text names';
    } else if (names.length > 1) {
      warnings.push({ code: 'province-ambiguous', message: `the text names several provinces (${names.join(', ')}) and no issuer's province; province left empty. Supply it with --province.` });
      province.reason = `the text names several provinces (${names.join(', ')}) and not the issuer's`;
    } else if (hints.publisher && /([a-z]+)\.gov\.vn/.test(hints.publisher)) {
      const host = /([a-z]+)\.gov\.vn/.exec(hints.publisher)![1]!;
      const p = PROVINCES.find((x) => x.slug.replace(/-/g, '') === host);
      if (p) { province = provinceFrom(p, 0.6, hints.publisher); province.reason = `from the portal address ${hints.publisher}`; }
    }
  }
  const prov = province.value ? findProvince(province.value) ?? null : null;
  // name the issuer's committee as the province has it (Thành ủy for the five cities)
  if (issuer.value && prov) {
    if (committeeWord && committeeWord !== prov.partyCommittee) issuer.value = issuer.value.replace(committeeWord, prov.partyCommittee) as Issuer;
    const lvl = prov.kind === 'city' ? 'thành phố' : 'tỉnh';
    if (stateLevel && stateLevel !== lvl) issuer.value = issuer.value.replace(new RegExp(`${stateLevel}$`), lvl) as Issuer;
  }

  // ---- date
  let date: Extracted['date'] = { ...none<string | null>(null, 'no issue date with a year found'), source: null };
  // a time the measures start ("từ 00 giờ ngày ...", "kể từ ngày ..."): the document precedes it
  const effective = (h: DateHit): boolean => /(giờ|\dh|\dh\d\d)\s*(?:\d+\s*)?(?:ngày\s*)?$|(kể từ|hiệu lực(?: từ)?|áp dụng từ|bắt đầu từ)\s+(?:ngày\s+)?$/iu.test(text.slice(Math.max(0, h.index - 20), h.index));
  const setDate = (h: DateHit, conf: number, evidence: string, rule: string): void => {
    const y = h.year ? { year: h.year, from: '' } : inferYear(h, dates, hints, effective);
    if (y === null) { date = { ...none<string | null>(null, `the issue date "${h.text}" has no year, and nothing near it gives one`), evidence, source: null }; return; }
    date = { value: `${y.year}-${pad(h.month)}-${pad(h.day)}`, confidence: h.year ? conf : Math.min(conf, 0.6), evidence, source: h.year ? 'document' : 'inferred', rule };
    if (!h.year) date.reason = `the text gives "${h.text}" without a year; the year ${y.year} is from ${y.from}`;
  };
  let found = false;
  if (dlMonth) {
    date = { value: `${dlMonth[3]}-${pad(+dlMonth[2]!)}`, confidence: 0.85, evidence: seg.dateline!, source: 'document', reason: 'the dateline gives the month only' };
    found = true;
  } else if (dl) {
    date = { value: `${dl[4]}-${pad(+dl[3]!)}-${pad(+dl[2]!)}`, confidence: 0.95, evidence: seg.dateline!, source: 'document' };
    found = true;
  } else if (seg.meta['Ngày ban hành'] && /(\d{1,2})\/(\d{1,2})\/(\d{4})/.test(seg.meta['Ngày ban hành'])) {
    const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(seg.meta['Ngày ban hành'])!;
    date = { value: `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`, confidence: 0.9, evidence: `Ngày ban hành: ${seg.meta['Ngày ban hành']}`, source: 'document' };
    found = true;
  } else if (ownHit) {
    // "N ngày D", "N, ban hành ngày D", "N của UBND tỉnh ngày D"
    const after = dates.find((x) => x.index >= ownHit!.end && /^\s*,?\s*(?:của\s+[^,.;\d]{3,50}?\s*,?\s*)?(?:ban hành\s+)?(?:ngày\s*)?$/iu.test(text.slice(ownHit!.end, x.index)));
    const start = sentenceStart(text, ownHit.index);
    const before = dates.filter((x) => x.index >= start && x.end <= ownHit!.index && !effective(x)
      && !numberHits.some((n) => n.end <= x.index && x.index - n.end <= 12 && /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(n.end, x.index)))).at(0);
    const pick = after ?? before;
    if (pick) { setDate(pick, 0.9, text.slice(start, sentenceEnd(text, ownHit.end)).trim(), 'own-number-sentence'); found = true; }
  }
  if (!found) {
    // an act sentence without a number ("Chiều 3.9, ... vừa ký chỉ thị") or a lead "Ngày D, <issuer> ..."
    const subjectBefore = (at: number): boolean => {
      const start = sentenceStart(text, at);
      return issuerHits.some((h) => h.index >= start && h.end <= at && at - h.end <= 90 && h.weight >= 0 && h.body !== 'district');
    };
    // "Ngày 31/8, Thủ tướng Chính phủ đã ra Công điện": the centre's act dates the centre's document
    const centralSubject = (at: number): boolean => !subjectBefore(at) && /(thu tuong|chinh phu|bo y te|bo truong|ban chi dao quoc gia|trung uong|ban bi thu|bo chinh tri)/.test(folded.slice(sentenceStart(text, at), at));
    const leads = [...folded.matchAll(LEAD_ACT_ALL)].map((m) => m.index!)
      .concat([...folded.matchAll(BODY_ACT_ALL)].map((m) => m.index!).filter(subjectBefore))
      .filter((at) => !centralSubject(at))
      .sort((a, b) => a - b);
    for (const at of leads) {
      const start = sentenceStart(text, at);
      const d = dates.find((x) => x.index >= start && x.end <= at && !effective(x));
      if (d) { setDate(d, 0.75, text.slice(start, sentenceEnd(text, at)).trim(), 'lead-sentence'); found = true; break; }
    }
    if (!found) {
      for (const para of seg.body.slice(0, 4)) {
        const m = /^(ngày\s+\S+)\s*,\s*/iu.exec(para);
        if (!m) continue;
        const off = text.indexOf(para);
        const d = dates.find((x) => x.index >= off && x.index < off + m[0].length);
        const who = issuerHits.find((h) => h.index === off + m[0].length);
        if (d && who) {
          setDate(d, 0.6, para.slice(0, 120), 'opening-date');
          if (date.value) date.reason = 'the date of the meeting or event the text opens with; the document may be dated a little later';
          found = true;
          break;
        }
      }
    }
  }
  if (!found) {
    const pub = hints.publicationDate ?? hints.pageDate;
    if (pub) {
      date = { value: pub.slice(0, 7), confidence: 0.5, evidence: hints.publicationDate ? `published ${hints.publicationDate}` : `page date ${hints.pageDate}`, source: 'publication', reason: 'no issue date in the text; month of the publication date' };
    } else if (/\bvừa\b/iu.test(text) && !dates.some((d) => effective(d) && d.year)) {
      // a "just issued" report: issued after the latest date it reports
      const latest = dates.filter((d) => d.year && d.year >= 2019 && d.year <= 2023).sort((a, b) => (a.iso! < b.iso! ? 1 : -1))[0];
      if (latest) date = { value: latest.iso!.slice(0, 7), confidence: 0.35, evidence: latest.text, source: 'inferred', reason: `no issue date; month of the latest date the text reports (${latest.text})` };
    }
  }

  // ---- signer
  let signer: Field<string | null> = none(null);
  let signerRole: string | null = null;
  if (seg.signature?.name) {
    signer = { value: seg.signature.name.split(/\s+/).map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w)).join(' '), confidence: 0.9, evidence: [...seg.signature.roles, seg.signature.name].join(' / ') };
    if (seg.signature.roles.length) signerRole = seg.signature.roles.filter((r) => !/đã ký/iu.test(r)).map(fromCaps).map(capFirst).join(', ') || null;
  } else if (seg.meta['Người ký'] && isPersonName(seg.meta['Người ký'])) {
    signer = { value: seg.meta['Người ký'], confidence: 0.85, evidence: `Người ký: ${seg.meta['Người ký']}` };
  } else {
    const re = /((?:Phó\s+)?(?:Bí thư|Chủ tịch|Trưởng ban)[^.;\n]{0,50}?)\s+((?:[\p{Lu}][\p{Ll}’']*\s+){1,6}[\p{Lu}][\p{Ll}’']*)\s+(?:(?:vừa|đã|mới)\s+)?(?:thay mặt\s+[^.;\n]{3,60}?\s+)?(?:ký|ban hành)(?![\p{L}])/gu;
    for (const m of text.matchAll(re)) {
      let words = m[2]!.split(/\s+/);
      let role = m[1]!;
      // drop a leading place name ("Hà Nội Đinh Tiến Dũng")
      for (let k = words.length - 2; k >= 1; k--) {
        if (findProvince(words.slice(0, k).join(' '))) { role += ' ' + words.slice(0, k).join(' '); words = words.slice(k); break; }
      }
      const name = words.join(' ');
      if (isPersonName(name)) { signer = { value: name, confidence: 0.75, evidence: m[0] }; signerRole = role.trim(); break; }
    }
  }

  // ---- subject
  let subject: Field<string | null> = none(null);
  if (seg.subjectLine) subject = { value: seg.subjectLine.replace(/^V\/v\s*:?\s*/iu, '').trim(), confidence: 0.9, evidence: seg.subjectLine };
  else if (seg.titleLines.length > 1) {
    const rest = seg.titleLines.slice(1).map(fromCaps).join(' ');
    const m = /(?:^|\s)(?:về việc|về|v\/v)\s+(.+)$/iu.exec(rest);
    subject = { value: (m ? m[1]! : rest).trim(), confidence: 0.8, evidence: seg.titleLines.join(' / ') };
  } else {
    const anchor = ownHit ? ownHit.end : (() => {
      const m = LEAD_ACT.exec(folded);
      return m ? m.index! + m[0].length : -1;
    })();
    if (anchor >= 0) {
      const end = sentenceEnd(text, anchor);
      const tail = text.slice(anchor, end);
      const m = /(?:^|\s)(?:về việc|V\/v|về)\s+(.+)$/u.exec(tail);
      if (m) {
        let s = m[1]!.replace(/\s+(?:gửi|tới)\s+.*$/u, '').replace(/[\s,.;:]+$/, '').trim();
        if (/^[“"]/.test(s)) s = s.replace(/^[“"]\s*/, '').replace(/\s*[”“"]$/, '').trim(); // a quoted subject
        if (s.length >= 8) subject = { value: s, confidence: 0.7, evidence: tail.trim() };
      }
    }
  }

  // ---- urgency, recipients, publisher
  const urgencyF = foldForMatch(seg.urgencyLine ?? '');
  // the 30 characters before the own number (same slice as always: a negative start counts from the end)
  const beforeOwn = ownHit ? folded.slice(ownHit.index - 30, ownHit.index) : '';
  const urgency: Extracted['urgency'] = /hoa toc/.test(urgencyF) ? 'Hỏa tốc' : /thuong khan/.test(urgencyF) ? 'Thượng khẩn' : /khan/.test(urgencyF) ? 'Khẩn'
    : /(cong )?dien khan\b/.test(titleFolded) ? 'Khẩn'
    : ownHit && /(hoa toc|thuong khan|khan)\s*(so\s*)?$/.test(beforeOwn) ? (
      /hoa toc/.test(beforeOwn) ? 'Hỏa tốc' : /thuong khan/.test(beforeOwn) ? 'Thượng khẩn' : 'Khẩn')
    : null;
  const recipients = [...seg.recipients];
  for (const d of seg.distribution) if (!recipients.includes(d)) recipients.push(d);
  const publisher = hints.publisher;

  // ---- title and summary
  let title: Field<string | null> = none(null);
  // "QUYẾT ĐỊNH" + "Về việc ..." read as one headline: "Quyết định về việc ..."
  if (seg.titleLines.length) title = { value: capFirst(seg.titleLines.map(fromCaps).map((l, i) => (i ? l.replace(/^Về(?=\s)/u, 'về') : l)).join(' ')), confidence: 0.9, evidence: seg.titleLines.join(' / ') };
  else if (seg.headline) title = { value: seg.headline, confidence: 0.85, evidence: seg.headline };
  else if (subject.value) title = { value: capFirst(subject.value), confidence: 0.7, evidence: subject.evidence };
  else if (docType.value && issuer.value) {
    const where = prov ? ` ${prov.name}` : '';
    title = { value: `${docType.value}${number.value ? ` ${number.value}` : ''} của ${issuer.value}${where}`, confidence: 0.6, evidence: null };
  }
  let summary: string | null = null;
  if (ownHit && !seg.official) {
    const s = text.slice(sentenceStart(text, ownHit.index), sentenceEnd(text, ownHit.end)).trim();
    summary = shorten(s.replace(/^[,.\s]+/, '')) + (/[.…]$/.test(s) ? '' : '.');
  } else if (subject.value) {
    summary = `${capFirst(subject.value)}${/[.…]$/.test(subject.value) ? '' : '.'}`;
  } else {
    const first = seg.body.find((l) => l.length > 40);
    if (first) { const s = first.slice(0, sentenceEnd(first, 0) + 1).trim(); summary = shorten(s); }
  }

  return {
    number, docType, date, issuer, province, signer, signerRole, subject, title, summary,
    recipients, urgency, publisher, references, warnings,
  };
}

