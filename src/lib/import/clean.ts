/**
 * Step 2: decoded text -> the text of the directive, faithfully. Removes what the scraper or
 * the website added (date stamps, menus, counters, comment forms, bylines, repeated copies,
 * empty form fields) and normalises whitespace, quotes and dashes. Never changes wording: an
 * apparent OCR error is reported as a warning, not rewritten. What it removes but the
 * extractor can use (page date, publication date, publisher) is returned as hints.
 */
import { foldForMatch, readAsPlainLetters } from '../vietnamese.ts';
import type { ImportWarning } from './warnings.ts';
import { markFormFeeds, rejoinPageBreaks, splitMergedHeader, splitPipeRows } from './page-layout.ts';
import { headlineListAtTop, isChromeLine, isRelatedDocumentEntry, isTeaserRun, mixedCaseCapitals } from './chrome.ts';

export interface CleanHints {
  /** "2021-11": a scraper's page-date stamp (" date 2021-11" first line) */
  pageDate: string | null;
  /** "2021-06-18": the news site's posting date */
  publicationDate: string | null;
  /** the news site or credit line ("Suckhoedoisong.vn", "Điện Biên TV") */
  publisher: string | null;
  /** chrome lines removed around the article (breadcrumbs, related headlines): they can name the site's province */
  chrome?: string[];
}

export interface Cleaned {
  text: string;
  hints: CleanHints;
  warnings: ImportWarning[];
}

/** Whitespace, quotes and dashes: the invisible differences between copies of one text. */
function normalizeChars(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
    .replace(/[\u201e\u201f\u00ab]/g, '“')
    .replace(/\u00bb/g, '”')
    .replace(/[\u2010-\u2012\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2014\u2015]/g, '–')
    .replace(/ {2,}/g, ' ')
    .replace(/^ +| +$/gm, '');
}

// Lines that are page chrome wherever they appear (compared folded, whole line).
const CHROME_LINE = new RegExp(
  '^(' +
    [
      'skip ribbon commands',
      'skip to main content',
      'in bai viet',
      'sign in',
      'dang nhap',
      'dang ky',
      'dang tai van ban.*',
      'tu khoa:.*',
      'tieu de',
      'hinh anh',
      'hinh anh mo ta',
      'tom tat',
      'noi dung',
      'chao mung den voi .*',
      'he thong phap luat',
      'tac gia:?',
      'mau chu co chu',
      'co chu:?.*',
      'tin van',
      'chia se',
      'in trang',
      'quay lai',
      'tro ve',
      'trang chu',
      'gui email',
      'luot xem:?.*',
      '\\.',
      '-',
      'anh minh hoa\\.?.*',
      'chi tiet noi dung .* tai day;?',
      'tai ve',
    ].join('|') +
    ')$',
);
// Lines from which the rest of the page is site footer (related news, counters, forms...).
const FOOTER_START = new RegExp(
  '^(' +
    [
      'xem lich phat song',
      'tin lien quan',
      'cac tin khac',
      'tin khac',
      'tin cung chuyen muc',
      'bai viet lien quan',
      'thong ke truy cap',
      'tra loi',
      'email cua ban se khong duoc hien thi.*',
      'lich lam viec cua .*',
      'hinh anh hoat dong',
      'du bao khi tuong',
      'copyright.*',
      'ban quyen.*',
      'binh luan',
      'y kien ban doc',
      'gui y kien',
      'gui binh luan',
      'tin moi nhat',
      'tin xem nhieu',
      'doc nhieu nhat',
      'xem them',
      'doc them',
      'bai lien quan',
      'tin bai lien quan',
      'tin bai khac',
      'tin noi bat',
      'cung chuyen muc',
      'bai viet khac',
      'tin tuc lien quan',
      'van ban lien quan cung noi dung',
    ].join('|') +
    ')\\s*:?$',
);
const IMAGE_PATH = /^\S*\.(jpe?g|png|gif|webp)$/i;
const TEMPLATE_CODE = /\{\{[^{}]*\}\}/g;

/** "Đến trước: giờ.....", "Ngày:/...../20.....": a form's blank fields, nothing filled in. */
export function isEmptyFormField(line: string): boolean {
  if (!/(\.{3,}|…{2,}|_{3,})/.test(line)) return false;
  const rest = foldForMatch(line)
    .replace(/den truoc|ngay|thang|nam|gio|so|phut|ky hieu/g, '')
    .replace(/\b20\b/g, '')
    .replace(/[\s.…_:/,-]/g, '');
  return rest === '';
}

// ("21:14 | 07/09/2021": some portals put the time first)
// ("Đăng ngày: 05/08/2021", "Thứ năm, ngày 05/08/2021 - 10:30": a label and "ngày" may come first)
// ("• Cập nhật: Thứ năm, 10/6/2021 | 9:32:43 PM", "01/10/2021 15:53  4792": a bullet, a 12-hour
// time, a view counter after it)
const PUB_DATE_LINE = new RegExp(
  '^(?:[•·▪]\\s*)?(?:(?:tin|bài|ảnh|tin, ảnh|bài, ảnh|bài và ảnh|pv' +
    String.raw`|phóng viên)\s*:\s*[^|\d:]{2,40}\|\s*)?(?:(?:ngày đăng|đăng ngày|đăng lúc|ngày xuất bản` +
    String.raw`|xuất bản|thời gian đăng|ngày cập nhật|cập nhật(?: lúc)?|đăng tải)\s*:?\s*)?` +
    String.raw`(?:\d{1,2}:\d{2}\s*[|,-]?\s*)?(?:(?:thứ\s+\S+|chủ nhật)\s*[,|-]?\s*)?(?:ngày\s+)?` +
    String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})` +
    String.raw`(?:\s*[,|-]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?)?` +
    String.raw`(?:\s*(?:\[?GMT\+7\]?|\(GMT\+7\)))?(?:(?:\s*[|·,-]\s*|\s+)\d{1,7}(?:\s+lượt (?:xem|đọc))?)?$`,
  'i',
);
const PUB_DATE_PREFIX = /^(\d{1,2})\/(\d{1,2})\/(\d{4}):?\s*\(([^)]{3,60})\)\s*[-–]\s*/;
const PAGE_DATE = /^date (\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)/;
const AGENCY_PREFIX =
  /^(?:\(([^()]{2,40})\)|((?:[\p{Lu}][\p{L}.]*\s){0,3}(?:TV|Online|Portal|\S+\.vn)))\s*[-–]\s*(?=\p{Lu})/u;

const iso = (d: string, m: string, y: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Trailing credit lines of a news item: "Nguồn: ...", "Theo ...", "BĐT", "BT/DIENBIENTV.VN". */
function creditOf(line: string): { publisher: string | null } | null {
  // credit lines are short; a long line is text (and would overflow the regex stack)
  if (line.length > 200) return null;
  let m = /^(?:nguồn|nguồn tin|theo)\s*:?\s*(.{2,80})$/iu.exec(line);
  if (m && !/[.!?]$/.test(line.trim()) && line.split(/\s+/).length <= 10) return { publisher: m[1]!.trim() };
  m = /^(?:[\p{Lu}\d]+\/)?([\p{Lu}\p{Ll}\d-]+\.(?:vn|com|net|org)(?:\.vn)?)$/iu.exec(line);
  if (m) return { publisher: m[1]!.toLowerCase() };
  // an all-capitals byline or initials ("BĐT", "HÀ SỰ"), not a signature role
  if (
    /^[\p{Lu}\s./-]{2,30}$/u.test(line) &&
    line.split(/\s+/).length <= 4 &&
    !/[\p{Ll}\d]/u.test(line) &&
    !/(BÍ THƯ|CHỦ TỊCH|T\/M|TM\.|KT\.|THƯỜNG TRỰC|THƯỜNG VỤ|ỦY BAN|UBND|TỈNH|THÀNH|GIÁM ĐỐC|TRƯỞNG)/u.test(line)
  ) {
    return { publisher: null };
  }
  if (/^tác giả\s*:/iu.test(line)) return { publisher: null };
  return null;
}

/** Warnings for characters that look like OCR confusions; the text itself is left alone. */
function ocrSuspicions(text: string): ImportWarning[] {
  const out: ImportWarning[] = [];
  const rules: Array<[RegExp, (m: string) => string]> = [
    [/\bF[lI](?![A-Za-z0-9\u00c0-\u1eff])/g, (m) => `"${m}" looks like an OCR error for "F1"; check the source.`],
    [/\bF[oO](?![A-Za-z0-9\u00c0-\u1eff])/g, (m) => `"${m}" looks like an OCR error for "F0"; check the source.`],
    [/\b[Cc][Oo][Vv][Ii][Dd]-[lI]9\b/g, (m) => `"${m}" looks like an OCR error for "COVID-19"; check the source.`],
    [/\b\d+[O]\d+\b/g, (m) => `"${m}" has a letter O among digits (OCR?); check the source.`],
  ];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (at: number): number => {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const [re, msg] of rules)
    for (const m of text.matchAll(re)) out.push({ code: 'ocr-suspect', message: msg(m[0]), line: lineOf(m.index!) });
  out.sort((a, b) => a.line! - b.line!);
  return out;
}

/** A copy found by findRepeatedBlock, in positions of the non-blank lines. */
export interface RepeatedBlock {
  /** where the second copy starts */
  start: number;
  /** where the first copy starts */
  first: number;
  /** lines in the copy */
  len: number;
  /** characters in the copy */
  chars: number;
}

/**
 * Earlier occurrences of a line tried as the start of a first copy. A text copied twice or
 * three times has each line a few times; a line that recurs more often ("Thực hiện nghiêm.",
 * a scraper's repeated menu) cannot start a long copy any better from its 9th occurrence back.
 */
const CANDIDATES_PER_LINE = 8;
/** Line comparisons allowed per line of input: the search stays linear whatever the text. */
const COMPARISONS_PER_LINE = 64;

/**
 * The largest block of lines repeated verbatim later in the text (non-overlapping, at least
 * three lines, the most characters; ties go to the earliest second copy). Lines are interned
 * to numbers (one hash each) and only earlier occurrences of the same line are compared; each
 * diagonal (the distance between the two copies) is walked once, so the work is linear in the
 * number of lines. `stats.comparisons` counts line comparisons, for the test that says so.
 */
export function findRepeatedBlock(lines: readonly string[], stats?: { comparisons: number }): RepeatedBlock | null {
  const ids: number[] = [];
  const chars: number[] = [0]; // prefix sums of line lengths
  const intern = new Map<string, number>();
  for (const line of lines) {
    let id = intern.get(line);
    if (id === undefined) intern.set(line, (id = intern.size));
    ids.push(id);
    chars.push(chars[chars.length - 1]! + line.length);
  }
  const n = ids.length;
  const recent = new Map<number, number[]>(); // line id -> its latest positions, oldest first
  const walkedTo = new Map<number, number>(); // distance -> end of the last run walked on it
  const budget = COMPARISONS_PER_LINE * n + 1000;
  let comparisons = 0;
  let best: RepeatedBlock | null = null;
  for (let i = 0; i < n && comparisons < budget; i++) {
    const earlier = recent.get(ids[i]!) ?? [];
    for (const j of earlier) {
      const d = i - j;
      if ((walkedTo.get(d) ?? -1) > j) continue; // inside a run already walked
      let k = j;
      while (k + d < n) {
        comparisons++;
        if (ids[k] !== ids[k + d]) break;
        k++;
      }
      walkedTo.set(d, k);
      // every window of the run [j, k) not reaching into its own second copy
      for (let p = j; p < k; p++) {
        const len = Math.min(d, k - p);
        if (len < 3) continue;
        const c = chars[p + len]! - chars[p]!;
        const start = p + d;
        if (
          !best ||
          c > best.chars ||
          (c === best.chars && (start < best.start || (start === best.start && p < best.first)))
        ) {
          best = { start, first: p, len, chars: c };
        }
      }
    }
    earlier.push(i);
    if (earlier.length > CANDIDATES_PER_LINE) earlier.shift();
    recent.set(ids[i]!, earlier);
  }
  if (stats) stats.comparisons = comparisons;
  return best;
}

/** Remove a second copy of the text (a block of lines repeated verbatim). */
function dropRepeatedBlock(lines: string[], warnings: ImportWarning[]): string[] {
  const idx = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l);
  const best = findRepeatedBlock(idx.map(([l]) => l));
  const total = idx.reduce((s, [l]) => s + l.length, 0);
  if (!best || best.chars < Math.min(400, total * 0.3)) return lines;
  const from = idx[best.start]![1];
  const to = idx[best.start + best.len - 1]![1];
  warnings.push({
    code: 'duplicate-body',
    message: `the text was repeated (${best.len} paragraphs); the second copy was removed.`,
  });
  return [...lines.slice(0, from), ...lines.slice(to + 1)];
}

const ENDS_SENTENCE = /[.:;!?…)”"\]]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;
const LIST_MARK = /^([-+•*]|\d+(\.\d+)*[./)]|[a-zđ][).])\s/u;

/** Join words and sentences that a page break or a hard wrap split over lines. */
function joinSplits(lines: string[]): string[] {
  const out: string[] = [];
  let blank = 0;
  for (const line of lines) {
    if (!line.trim()) {
      blank++;
      continue;
    }
    const prev = out.length ? out[out.length - 1]! : null;
    if (
      prev &&
      prev.trim() &&
      !ENDS_SENTENCE.test(prev.trim()) &&
      STARTS_LOWER.test(line) &&
      !LIST_MARK.test(line) &&
      /\p{Ll}/u.test(prev) && // an all-capitals line is a heading, not a broken sentence
      prev.trim().split(/\s+/).length >= 3
    ) {
      out[out.length - 1] = `${prev.trimEnd()} ${line.trimStart()}`;
      blank = 0;
      continue;
    }
    if (blank && out.length) out.push('');
    blank = 0;
    out.push(line);
  }
  return out;
}

/** Related-news teasers after the article (truncated headlines ending in "…"): removed, returned. */
function dropTeasers(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  const start = isTeaserRun(lines.slice(0, end));
  return start < end ? lines.splice(start) : [];
}

/** Pop credit lines ("Nguồn: ...", bylines, site names) off the end, noting the publisher. */
function stripCredits(lines: string[], hints: CleanHints): void {
  for (;;) {
    while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
    const last = lines[lines.length - 1];
    if (last === undefined) return;
    const c = creditOf(last.trim());
    if (!c) return;
    if (c.publisher) hints.publisher ??= c.publisher;
    lines.pop();
  }
}

export function clean(decoded: string): Cleaned {
  const warnings: ImportWarning[] = ocrSuspicions(decoded);
  const hints: CleanHints = { pageDate: null, publicationDate: null, publisher: null, chrome: [] };
  // styled look-alike letters are read as the letters they imitate (the raw file keeps them)
  const plain = readAsPlainLetters(decoded);
  if (plain !== decoded.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')) {
    warnings.push({
      code: 'lookalike-letters',
      message:
        'the text uses styled look-alike letters (small capitals or mathematical letters); they were read ' +
        'as plain letters.',
    });
  }
  warnings.push(...mixedCaseCapitals(plain));
  let lines = normalizeChars(markFormFeeds(plain))
    .split('\n')
    .map((l) => l.trim());
  lines = splitMergedHeader(splitPipeRows(lines));
  const pages = rejoinPageBreaks(lines);
  lines = pages.lines;
  const others = new Set(headlineListAtTop(lines));
  if (others.size) {
    hints.chrome!.push(...[...others].map((i) => lines[i]!));
    lines = lines.filter((_, i) => !others.has(i));
  }
  if (pages.joined)
    warnings.push({
      code: 'page-break-joined',
      message: `${pages.joined} sentence(s) split by a page break were joined; check the joins.`,
    });

  // scraper page-date stamp on the first line
  const first = lines.findIndex((l) => l);
  if (first >= 0) {
    const m = PAGE_DATE.exec(lines[first]!);
    if (m) {
      hints.pageDate = m[1]!.slice(0, 7);
      lines[first] = lines[first]!.slice(m[0].length).trim();
    }
  }

  const kept: string[] = [];
  // whether a long line (text, not chrome) is kept yet: lists of related documents come before it
  let textKept = false;
  let seen = 0;
  for (let raw of lines) {
    raw = raw.replace(TEMPLATE_CODE, '').trim();
    // chrome and footer markers are short lines; long ones are text
    const folded = raw.length <= 100 ? foldForMatch(raw) : '';
    if (raw && FOOTER_START.test(folded)) break;
    // chrome, image paths, blank form fields, and decoration lines ("-------", "*", "|")
    if (CHROME_LINE.test(folded) || IMAGE_PATH.test(raw) || isEmptyFormField(raw)) continue;
    if (raw && (isChromeLine(raw) || (!textKept && isRelatedDocumentEntry(raw)))) {
      // a byline with the posting stamp ("Tin: … | 15:30 | 24/09/2021") is chrome that still dates the page
      const pm = seen < 8 ? PUB_DATE_LINE.exec(raw) : null;
      if (pm) hints.publicationDate ??= iso(pm[1]!, pm[2]!, pm[3]!);
      hints.chrome!.push(raw);
      continue;
    }
    if (raw && /^[\s\-*_=|•.,:;(){}[\]+~]+$/.test(raw)) continue;
    if (raw) seen++;
    if (raw && seen <= 8) {
      let m = PUB_DATE_LINE.exec(raw);
      if (m) {
        hints.publicationDate ??= iso(m[1]!, m[2]!, m[3]!);
        continue;
      }
      m = PUB_DATE_PREFIX.exec(raw);
      if (m) {
        hints.publicationDate ??= iso(m[1]!, m[2]!, m[3]!);
        hints.publisher ??= m[4]!.trim();
        raw = raw.slice(m[0].length);
      }
      const a = AGENCY_PREFIX.exec(raw);
      if (a) {
        hints.publisher ??= (a[1] ?? a[2])!.trim();
        raw = raw.slice(a[0].length);
      }
    }
    kept.push(raw);
    if (raw.length > 150) textKept = true;
  }

  stripCredits(kept, hints);
  hints.chrome!.push(...dropTeasers(kept));
  lines = dropRepeatedBlock(kept, warnings);
  stripCredits(lines, hints); // the first copy's credit line is now last
  // a line repeated right after itself (headline shown twice)
  lines = lines.filter((l, i) => {
    if (!l) return true;
    for (let j = i - 1; j >= 0; j--) if (lines[j]) return lines[j] !== l;
    return true;
  });
  lines = joinSplits(lines);
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, hints, warnings };
}
