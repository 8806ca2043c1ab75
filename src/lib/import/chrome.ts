/**
 * Part of step 2 (clean): site chrome that scrapers keep around an article, recognised by how
 * Vietnamese news portals and legal databases build their pages. Never the title, never the
 * body. Each test takes one trimmed line.
 */
import { foldForMatch } from '../vietnamese.ts';

// "Trang chủ > Thời sự > Chính trị", "Trang chủ » Tin tức", "Home / Tin tức / Y tế"
const BREADCRUMB_SEP = /\s(?:>|»|›|\/|→|”|\|)\s/;
/** A breadcrumb trail: "Trang chủ" at the start, or three short steps between separators. */
export function isBreadcrumb(line: string): boolean {
  const f = foldForMatch(line);
  // "Home ” Tin tức ” CÔNG VĂN CỦA …": a trail ending in the article's own title, however long
  if (/^(trang chu|home)\s*[>»›/|→”]\s*\S/.test(f) && f.length <= 300) return true;
  if (f.length > 120) return false;
  if (/^(trang chu|home)(\s*[>»›/|→-]\s*|\s+)\S/.test(f) && !/[.!?;]$/.test(line) && line.split(/\s+/).length <= 12)
    return true;
  const steps = line.split(BREADCRUMB_SEP);
  return steps.length >= 3 && steps.every((s) => s.trim().split(/\s+/).length <= 5 && !/[.;!?]$/.test(s.trim()));
}

// Sharing, printing and account links, alone or several on one line ("Facebook Zalo In bài viết").
const SHARE_WORDS = [
  'facebook',
  'zalo',
  'twitter',
  'linkedin',
  'email',
  'e-mail',
  'in bai viet',
  'in bai',
  'in trang',
  'chia se',
  'gui bai viet',
  'gui email',
  'luu bai viet',
  'luu',
  'copy link',
  'sao chep lien ket',
  'dang nhap',
  'dang ky',
  'dang xuat',
  'quen mat khau',
  'tweet',
  'like',
  'thich',
  'binh luan',
  'phan hoi',
  'in',
  'share',
  'print',
  'a+',
  'a-',
  'aa',
  'nghe doc bai',
  'nghe bai viet',
  'theo doi',
  'google news',
  'theo doi tren google news',
];
const SHARE_RE = new RegExp(
  `^(?:(?:${SHARE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*[|,·•/:-]?\\s*)+$`,
);
export function isShareOrLogin(line: string): boolean {
  const f = foldForMatch(line);
  return f.length <= 80 && SHARE_RE.test(f);
}

// A legal database's subscription and login banners above the document.
const DATABASE_BANNER = /(goi cuoc|vui long dang nhap|de su dung toan bo tien ich|nang cap tai khoan|tai khoan vip)/;
// its tabs, each alone on a line
const DATABASE_TAB = new RegExp(
  String.raw`^(van ban lien quan|luoc do|van ban goc|tai van ban|tieng anh( \(english\))?` +
    '|theo doi hieu luc|ban dang xem van ban|noi dung|thuoc tinh|hieu luc|van ban tieng anh)$',
);
export function isDatabaseBanner(line: string): boolean {
  const f = foldForMatch(line);
  return (f.length <= 200 && DATABASE_BANNER.test(f)) || DATABASE_TAB.test(f);
}

// a counter of one or two digits glued to a capitalised type word: "1Luật", "4Quyết định"
const RELATED_DOCUMENT_ENTRY = new RegExp(
  String.raw`^[-•]?\s?\d{1,2}(?=\p{Lu})(?:Luật|Nghị định|Nghị quyết|Quyết định|Chỉ thị` +
    '|Thông tư|Công văn|Công điện|Thông báo|Kế hoạch|Hướng dẫn|Pháp lệnh|Bộ luật|Văn bản)',
  'u',
);

/**
 * An entry of the "related documents" list a legal database prints above the text:
 * "- 1Luật Phòng, chống bệnh truyền nhiễm 2007", "- 4Quyết định 3421/QĐ-UBND năm 2021 ...".
 * The counter glued to the type word is the sign.
 */
export function isRelatedDocumentEntry(line: string): boolean {
  return RELATED_DOCUMENT_ENTRY.test(line);
}

/** Markdown image remains ("![]()", "![ảnh](x.jpg)") and broken-image placeholders ("error image") a scraper left. */
export function isImageRemnant(line: string): boolean {
  return /^!\[[^\]]*\]\([^)]*\)\s*\|?$/.test(line) || /^(?:(?:error image|image|no image|loading)\s*)+$/i.test(line);
}

// skip links, weather widgets, contact bars, mastheads and slogan banners of news sites and portals
const SKIP_LINK =
  /^(truy cap noi dung luon|bo qua noi dung|chuyen den noi dung chinh|click de copy|nhay den noi dung)$/;
const WEATHER = /^(?:[•·*-]\s*)?[\p{L} .-]{2,40}\s\d{1,2}\s?°\s?C$/u;
const CONTACT = /^(tong dai|hotline|duong day nong|email|e-mail|dien thoai|fax|lien he)\s*:.*(\||@)/;
const MASTHEAD = /^co quan (trung uong|ngon luan|chu quan)\b/;
const SLOGAN = new RegExp(
  '^(quyet tam|nhiet liet chao mung|chao mung|dang cong san viet nam quang vinh|mung dang' +
    String.raw`|mung xuan)\b.*\b(dai hoi|nhiem ky|ky niem|nam thanh lap)\b`,
);
export function isSiteFurniture(line: string): boolean {
  const f = foldForMatch(line);
  return (
    f.length <= 160 &&
    (SKIP_LINK.test(f) || WEATHER.test(line.trim()) || CONTACT.test(f) || MASTHEAD.test(f) || SLOGAN.test(f))
  );
}

/** Any of the above: a line of chrome wherever it appears. */
export function isChromeLine(line: string): boolean {
  return (
    isBreadcrumb(line) ||
    isShareOrLogin(line) ||
    isDatabaseBanner(line) ||
    isImageRemnant(line) ||
    isSiteFurniture(line)
  );
}

/**
 * Headlines of other articles listed above this one, each ending in " -" ("Nhiều bị cáo … -"):
 * a run of at least three, and the line that closes it. Returns the indices to drop.
 */
export function headlineListAtTop(lines: string[]): number[] {
  const out: number[] = [];
  let run: number[] = [];
  for (let i = 0; i < lines.length && i < 40; i++) {
    const l = lines[i]!.trim();
    if (!l || l === '-') {
      if (l === '-') run.push(i);
      continue;
    }
    if (/\s[-–]$/.test(l) && l.length <= 200) {
      run.push(i);
      continue;
    }
    if (run.filter((k) => lines[k]!.trim() !== '-').length >= 3) {
      out.push(...run);
      if (l.length <= 160 && !/[.!?:;…]$/.test(l)) out.push(i); // the list's last headline has no dash
    }
    run = [];
    if (l.length > 200) break;
  }
  return out;
}

/**
 * Where the related-news teasers under an article start: a run of at least two short lines at
 * the end, each a headline cut off with "…" (or an unfinished last word). Returns lines.length
 * when there is none.
 */
export function isTeaserRun(lines: string[]): number {
  let i = lines.length;
  let count = 0;
  while (i > 0) {
    const l = lines[i - 1]!.trim();
    if (!l) {
      i--;
      continue;
    }
    const teaser =
      l.length <= 200 && (/(…|\.\.\.)$/.test(l) || (count > 0 && i === lines.length && l.split(/\s+/).length <= 3));
    if (!teaser) break;
    count++;
    i--;
  }
  // the cut-off last line ("Hải ") counts only after real teasers
  return count >= 2 ? i : lines.length;
}

// "CƯờNG", "TĂNG CƯờNG": a capital word with a small toned vowel inside, as TCVN3 capitals with
// tone marks decode when the font's capital set was not used
const TONED_LOWER = 'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
const MIXED_CAPS = new RegExp(
  `(?<![\\p{L}])(?=[\\p{L}]*\\p{Lu}[\\p{L}]*\\p{Lu})[\\p{Lu}]+[${TONED_LOWER}]+[\\p{Lu}]*(?![\\p{L}])`,
  'gu',
);
/** Warnings for capital words with small toned letters inside (a legacy-font decoding slip). */
export function mixedCaseCapitals(text: string): Array<{ code: string; message: string; line: number }> {
  const out: Array<{ code: string; message: string; line: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < 5; i++) {
    for (const m of lines[i]!.matchAll(MIXED_CAPS)) {
      if (!/^[\p{Lu}]{2,}/u.test(m[0]) && !/[\p{Lu}]$/u.test(m[0])) continue;
      out.push({
        code: 'mixed-case-capitals',
        line: i + 1,
        message:
          `"${m[0]}" mixes capitals and small letters with tone marks, as TCVN3 capitals often decode; ` +
          `check the source and write it in capitals ("${m[0].toUpperCase()}").`,
      });
      break;
    }
  }
  return out;
}
