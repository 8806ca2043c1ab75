/**
 * Step 3: cleaned text -> labelled parts, following the layout of Vietnamese administrative
 * documents (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW) and of news reports about them:
 * national motto and issuing-body header, "Số", dateline, "V/v", urgency, the type title,
 * "Kính gửi", body, "Nơi nhận", signature block; or headline, lead and body for a report.
 * The extractor reads fields from the parts; the structurer turns the body into Markdown.
 */
import { foldForMatch } from '../vietnamese.ts';

export interface Signature {
  /** role lines as written ("T/M BAN THƯỜNG VỤ", "BÍ THƯ") */
  roles: string[];
  name: string | null;
}

export interface Segmented {
  /** official layout (header, Số, dateline, Kính gửi, Nơi nhận or signature) vs. a news report */
  official: boolean;
  /** issuing-body and motto lines at the top ("ỦY BAN NHÂN DÂN", "TỈNH BẠC LIÊU") */
  header: string[];
  /** aggregator metadata ("Số hiệu" -> "02/CT-UBND") */
  meta: Record<string, string>;
  numberLine: string | null;
  dateline: string | null;
  /** the dateline as printed, when a scan's look-alike letters ("1O tháng 8") were read as digits in \`dateline\` */
  datelineAsPrinted?: string;
  /** the "V/v ..." line(s), joined */
  subjectLine: string | null;
  urgencyLine: string | null;
  /** the type title block ("THÔNG BÁO", "KẾT LUẬN CỦA ...", "về ...") */
  titleLines: string[];
  /** a news report's headline */
  headline: string | null;
  /** a legal database's title line above the document ("Chỉ thị 24/CT-UBND năm 2021 về … do tỉnh Sơn La ban hành") */
  databaseTitle: string | null;
  /** "QUYẾT ĐỊNH:" (or "QUYẾT NGHỊ:") before "Điều 1": the enacting formula that names a decision's type */
  enactingFormula: string | null;
  /** a telegram's sender line under its title ("CHỦ TỊCH UBND TỈNH ĐỒNG NAI điện:"), kept in the body */
  senderLine: string | null;
  /** "Kính gửi" entries */
  recipients: string[];
  /** "Nơi nhận" entries */
  distribution: string[];
  signature: Signature | null;
  /** the directive's text: paragraphs as lines, '' between blocks */
  body: string[];
}

const SURNAMES = new Set([
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dinh',
  'truong',
  'dao',
  'doan',
  'lam',
  'mai',
  'trinh',
  'cao',
  'luong',
  'ha',
  'ta',
  'chu',
  'luu',
  'vuong',
  'thai',
  'dam',
  'quach',
  'to',
  'kieu',
  'la',
  'lai',
  'trieu',
  'nong',
  'lo',
  'ma',
  'tong',
  'than',
  'van',
  'giap',
  'khong',
  'chau',
  'au',
  'doan',
  'hua',
  'tu',
  'ton',
  'luc',
  'be',
  'y',
  'h',
  'kim',
  'thach',
  'son',
  'danh',
  'ksor',
  'rmah',
  'nie',
  'mua',
  'sung',
  'giang',
  'hau',
  'lu',
  'quan',
  'khuat',
  'ong',
  'nghiem',
  'ninh',
  'phung',
  'tang',
  'diep',
  'lang',
  'ung',
  'uong',
  'mac',
  'dieu',
  'bach',
  'tieu',
  'che',
  'khuc',
  'phi',
  'cu',
  'yen',
]);

/** "Phạm Hoàng Anh", "NGUYỄN ĐỨC THANH": 2–5 capitalised words starting with a surname. */
export function isPersonName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => /^[\p{Lu}][\p{L}’']*$/u.test(w))) return false;
  const first = foldForMatch(words[0]!);
  return SURNAMES.has(first);
}

const ROLE_WORDS = new RegExp(
  String.raw`^(T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC` +
    String.raw`|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|THƯỜNG TRỰC|\(?ĐÃ KÝ\)?|\(?Đã ký\)?` +
    '|ỦY BAN NHÂN DÂN|UBND|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)',
  'u',
);
/** "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "KT. CHỦ TỊCH", "(Đã ký)" */
function isRoleLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && ROLE_WORDS.test(t) && !/[.;]$/.test(t) && (t === t.toUpperCase() || /đã ký/i.test(t));
}

const HEADER_FIXED = new Set([
  'cong hoa xa hoi chu nghia viet nam',
  'doc lap - tu do - hanh phuc',
  'dang cong san viet nam',
  'cong',
  'hoa xa hoi chu nghia viet nam',
  'doc lap – tu do – hanh phuc',
]);
const HEADER_BODY = new RegExp(
  '(uy ban nhan dan|ubnd|tinh uy|thanh uy|huyen uy|thi uy|quan uy|ban chap hanh' +
    '|ban thuong vu|dang bo|van phong|ban chi dao|^tinh |^thanh pho |hoi dong nhan dan)',
);
const isCaps = (l: string): boolean => /\p{Lu}/u.test(l) && !/\p{Ll}/u.test(l);

const META_KEYS = [
  'Số hiệu',
  'Loại văn bản',
  'Nơi ban hành',
  'Người ký',
  'Ngày ban hành',
  'Ngày hiệu lực',
  'Ngày công báo',
  'Số công báo',
  'Tình trạng',
  'Lĩnh vực',
  'Cơ quan ban hành',
];
const META_RE = new RegExp(`(${META_KEYS.join('|')})\\s*:\\s*`, 'gu');
const META_KEY_ALONE = new RegExp(`^(${META_KEYS.join('|')})\\s*:?$`, 'u');

// "Số: 24/CT-UBND", and "SỐ: …" as all-capitals scans print it
const NUMBER_LINE = /^Số\s*:?\s*\d{1,5}\s*[-/]?\s*[\p{L}\d\s/-]{0,30}$/iu;
// "Số 35-TB/TU, ngày 21/7/2021": the number and the date on one line, as Party notices and copies print them
const NUMBER_DATE_LINE = new RegExp(
  String.raw`^(Số\s*:?\s*\d{1,5}\s*[-/]?\s*[\p{L}\d\s/-]{0,30}?)\s*[,;–-]\s*` +
    String.raw`(ngày\s+\d{1,2}(?:\s+tháng\s+|\s?[/.-]\s?)\d{1,2}(?:\s+năm\s+|\s?[/.-]\s?)\d{4})\.?$`,
  'iu',
);
/** "Vĩnh Phúc, ngày 08 tháng 11 năm 2021" (also "Long Xuyên, ngày 9/2/2020"): place, day, month, year */
export const DATELINE = new RegExp(
  String.raw`^(?:([\p{L}][\p{L} .'’-]{1,40}),\s*)?ngày\s+(\d{1,2})(?:\s+tháng\s+|\s?[/.-]\s?)` +
    String.raw`(\d{1,2})(?:\s+năm\s+|\s?[/.-]\s?)(\d{4})\.?$`,
  'iu',
);
/** an undated dateline, "Long Xuyên, tháng 7/2021" or "Hà Nội, ngày    tháng 7 năm 2021": place, month, year */
export const DATELINE_MONTH =
  /^([\p{L}][\p{L} .'’-]{1,40}),\s*(?:ngày[\s.…_]*)?tháng\s+(\d{1,2})(?:\s+năm\s+|\s?[/.-]\s?)(\d{4})\.?$/iu;
const URGENCY = /^(hoa toc|thuong khan|khan|hoa toc - hen gio|khan - hoa toc)$/;
const DOC_TYPE_TITLE = new RegExp(
  '^(cong van|thong bao|thong bao ket luan|cong dien|dien|chi thi|nghi quyet|ket luan' +
    '|ke hoach|quyet dinh|huong dan|thong tri|quy dinh|kich ban|dien khan|cong dien khan)$',
);
const LIST_ITEM = /^[-+•]\s*/;
// "Chỉ thị 24/CT-UBND năm 2021 về …", "CÔNG VĂN 4521/UBND-KGVX NĂM 2021 VỀ …": how legal databases title a document
const DATABASE_TITLE = new RegExp(
  '^(?:công văn|công điện|chỉ thị|quyết định|kế hoạch|thông báo|nghị quyết|hướng dẫn' +
    String.raw`|kết luận|thông tri|quy định)\s+(?:số\s+)?\d{1,5}\s?[-/]\s?[\p{L}\d/-]+\s+năm\s+(?:19` +
    String.raw`|20)\d\d\b`,
  'iu',
);

/**
 * The subject under a type title, as copies in sentence case print it ("KẾ HOẠCH" then "Triển
 * khai xét nghiệm diện rộng …"): one short line that is not a sentence, a basis or a list item.
 */
function isSubjectUnderTitle(line: string): boolean {
  return (
    line.length <= 180 &&
    line.split(/\s+/).length <= 30 &&
    !/[.;:!?]$/.test(line) &&
    /^\p{Lu}/u.test(line) &&
    !/^(căn cứ|kính gửi|thực hiện|theo|thi hành|nơi nhận|điều\s+\d|\d|[-+•*])/iu.test(line)
  );
}

export function segment(text: string): Segmented {
  const lines = text.split('\n');
  const used = new Array<boolean>(lines.length).fill(false);
  const seg: Segmented = {
    official: false,
    header: [],
    meta: {},
    numberLine: null,
    dateline: null,
    subjectLine: null,
    urgencyLine: null,
    titleLines: [],
    headline: null,
    databaseTitle: null,
    enactingFormula: null,
    senderLine: null,
    recipients: [],
    distribution: [],
    signature: null,
    body: [],
  };

  // --- top: the header zone ends at the first long prose paragraph
  // the first prose paragraph (a long sentence that is not "V/v" or aggregator metadata)
  let topEnd = lines.findIndex(
    (l) =>
      ((l.trim().split(/\s+/).length >= 15 && /[.;:]$/.test(l.trim())) || l.length > 200) &&
      /\p{Ll}/u.test(l) &&
      !/^V\/v\b/iu.test(l) &&
      !/^(Số hiệu|Loại văn bản)/u.test(l),
  );
  if (topEnd < 0) topEnd = lines.length;
  for (let i = 0; i < topEnd; i++) {
    const l = lines[i]!.trim();
    if (!l) continue;
    const f = foldForMatch(l);
    if (!seg.databaseTitle && !seg.header.length && DATABASE_TITLE.test(l)) {
      seg.databaseTitle = l;
      used[i] = true;
      continue;
    }
    // a metadata table scraped cell by cell: "Số hiệu:" on one line, "24/CT-UBND" on the next
    const key = META_KEY_ALONE.exec(l);
    if (key && i + 1 < topEnd && lines[i + 1]!.trim() && !META_KEY_ALONE.test(lines[i + 1]!.trim())) {
      seg.meta[key[1]!] = lines[i + 1]!.trim();
      used[i] = used[i + 1] = true;
      i++;
      continue;
    }
    META_RE.lastIndex = 0;
    if (META_RE.test(l)) {
      META_RE.lastIndex = 0;
      const parts = l.split(META_RE);
      for (let k = 1; k + 1 < parts.length; k += 2) seg.meta[parts[k]!] = parts[k + 1]!.trim();
      used[i] = true;
      continue;
    }
    // (a capitals headline that cites a number, "… CÔNG VĂN SỐ 2105/UBND-VP", is not the header)
    if (
      HEADER_FIXED.has(f) ||
      (isCaps(l) &&
        l.length <= 70 &&
        HEADER_BODY.test(f) &&
        !/\d\s?[-/]\s?\p{L}/u.test(l) &&
        !seg.titleLines.length &&
        !DOC_TYPE_TITLE.test(f))
    ) {
      seg.header.push(l);
      used[i] = true;
      continue;
    }
    if (!seg.numberLine && NUMBER_LINE.test(l)) {
      seg.numberLine = l;
      used[i] = true;
      continue;
    }
    const nd = !seg.numberLine && !seg.dateline ? NUMBER_DATE_LINE.exec(l) : null;
    if (nd) {
      seg.numberLine = nd[1]!.trim();
      seg.dateline = nd[2]!;
      used[i] = true;
      continue;
    }
    // a dateline names its place ("Hà Nội, ngày …"); a bare "Ngày 5/8/2021" line is a news stamp
    if (!seg.dateline && (DATELINE.exec(l)?.[1] || DATELINE_MONTH.test(l))) {
      seg.dateline = l;
      used[i] = true;
      continue;
    }
    // a scanned dateline with look-alike letters beside digits ("ngày 1O tháng 8 năm 2O21")
    const digits = l.replace(/(?<=\d)[OolI]|[OolI](?=\d)/g, (c) => (/[Oo]/.test(c) ? '0' : '1'));
    if (!seg.dateline && digits !== l && DATELINE.exec(digits)?.[1]) {
      seg.dateline = digits;
      seg.datelineAsPrinted = l;
      used[i] = true;
      continue;
    }
    if (!seg.urgencyLine && URGENCY.test(f)) {
      seg.urgencyLine = l;
      used[i] = true;
      continue;
    }
    if (!seg.subjectLine && /^V\/v\b/iu.test(l)) {
      let s = l;
      used[i] = true;
      while (i + 1 < topEnd && lines[i + 1]!.trim() && /^\p{Ll}/u.test(lines[i + 1]!.trim())) {
        s += ' ' + lines[++i]!.trim();
        used[i] = true;
      }
      seg.subjectLine = s;
      continue;
    }
    if (!seg.titleLines.length && isCaps(l) && DOC_TYPE_TITLE.test(f)) {
      seg.titleLines.push(l);
      used[i] = true;
      while (i + 1 < lines.length && lines[i + 1]!.trim()) {
        const n = lines[i + 1]!.trim();
        if (isCaps(n) || /^(về|v\/v)(?=\s)/iu.test(n)) {
          seg.titleLines.push(n);
          used[++i] = true;
        } else if (seg.titleLines.length === 1 && isSubjectUnderTitle(n)) {
          seg.titleLines.push(n);
          used[++i] = true;
          break;
        } else break;
        // the subject line ends the title; a capitals line after it is the authority ("CHỦ TỊCH UBND ...")
        if (/^(về|v\/v)(?=\s)/iu.test(n)) break;
      }
      continue;
    }
    if (/^-?\s*kính gửi\b/iu.test(l)) {
      used[i] = true;
      const inline = l.replace(/^-?\s*kính gửi\s*:?\s*/iu, '').trim();
      if (inline) seg.recipients.push(...splitEntries(inline));
      while (i + 1 < lines.length) {
        const n = lines[i + 1]!.trim();
        if (!n) {
          if (seg.recipients.length) break;
          used[++i] = true;
          continue;
        }
        if (LIST_ITEM.test(n) || (n.length < 120 && /[,;]$/.test(seg.recipients.at(-1) ?? ''))) {
          seg.recipients.push(stripEntry(n));
          used[++i] = true;
        } else break;
      }
    }
  }

  // --- the enacting formula, kept in the body: "QUYẾT ĐỊNH:" then "Điều 1."
  for (let i = 0; i < lines.length && !seg.enactingFormula; i++) {
    if (!/^(QUYẾT ĐỊNH|QUYẾT NGHỊ)\s*:$/u.test(lines[i]!.trim())) continue;
    const next = lines.slice(i + 1).find((l) => l.trim());
    if (next && /^Điều\s+1\b/u.test(next.trim())) seg.enactingFormula = lines[i]!.trim();
  }

  // --- a telegram's sender line, kept in the body: "CHỦ TỊCH UBND TỈNH … điện:", the body it comes from
  // in capitals, before the recipients
  seg.senderLine =
    lines
      .slice(0, topEnd)
      .map((l) => l.trim())
      .find((l) => {
        const m = /^(.{3,80}?)\s+điện\s*:$/iu.exec(l);
        return m !== null && isCaps(m[1]!);
      }) ?? null;

  // --- bottom: "Nơi nhận" list and the signature block
  const noiNhan = lines.findIndex((l) => /^nơi nhận\b/iu.test(l.trim()));
  if (noiNhan >= 0) {
    used[noiNhan] = true;
    const inline = lines[noiNhan]!.trim().replace(/^nơi nhận\s*:?\s*/iu, '');
    if (inline) seg.distribution.push(stripEntry(inline));
    for (let i = noiNhan + 1; i < lines.length; i++) {
      const n = lines[i]!.trim();
      if (!n) {
        used[i] = true;
        continue;
      }
      if (LIST_ITEM.test(n)) {
        seg.distribution.push(stripEntry(n));
        used[i] = true;
      } else break;
    }
  }
  // signature: read upwards from the end over the name and role lines
  let end = lines.length - 1;
  while (end >= 0 && (!lines[end]!.trim() || used[end])) end--;
  const roles: string[] = [];
  let name: string | null = null;
  let k = end;
  if (k >= 0 && isPersonName(lines[k]!.trim())) {
    name = lines[k]!.trim();
    k--;
  }
  const nameIdx = name ? k + 1 : -1;
  const roleIdx: number[] = [];
  while (k >= 0 && (!lines[k]!.trim() || used[k] || isRoleLine(lines[k]!))) {
    if (lines[k]!.trim() && !used[k]) {
      roles.unshift(lines[k]!.trim());
      roleIdx.push(k);
    }
    k--;
  }
  seg.official = Boolean(
    seg.numberLine ||
      seg.dateline ||
      seg.recipients.length ||
      noiNhan >= 0 ||
      roles.length ||
      seg.header.some((h) => HEADER_FIXED.has(foldForMatch(h))),
  );
  if (name || roles.length) {
    if (seg.official) {
      seg.signature = { roles, name };
      for (const r of roleIdx) used[r] = true;
      if (nameIdx >= 0) used[nameIdx] = true;
    } else if (name && nameIdx >= 0) {
      used[nameIdx] = true; // a news item's byline: not the directive's text, not a signer
    }
  }

  // --- a news report's headline: the first substantial line, not a sentence
  if (!seg.official) {
    let seen = 0;
    for (let i = 0; i < lines.length && seen < 3; i++) {
      const l = lines[i]!.trim();
      if (!l || used[i]) continue;
      seen++;
      if (/[.!?…]$/.test(l) && l.split(/\s+/).length >= 8) break; // prose has started: no headline
      const words = l.split(/\s+/).length;
      const restHasText = lines.slice(i + 1).some((x, j) => x.trim() && !used[i + 1 + j]);
      if (words >= 5 && l.length <= 300 && !/[.;:!?]$/.test(l.replace(/\s+\.$/, '')) && restHasText) {
        seg.headline = l.replace(/\s+\.$/, '').trim();
        used[i] = true;
        for (let j = 0; j < i; j++)
          // section labels above it
          if (lines[j]!.trim() && !used[j] && lines[j]!.trim().split(/\s+/).length < 5) used[j] = true;
        break;
      }
    }
  }

  let lastBlank = true;
  for (let i = 0; i < lines.length; i++) {
    if (used[i]) continue;
    const l = lines[i]!.trim();
    if (!l) {
      if (!lastBlank) seg.body.push('');
      lastBlank = true;
      continue;
    }
    seg.body.push(l);
    lastBlank = false;
  }
  while (seg.body.length && !seg.body[seg.body.length - 1]) seg.body.pop();
  return seg;
}

function stripEntry(s: string): string {
  return s
    .replace(LIST_ITEM, '')
    .replace(/[,;.]+$/, '')
    .trim();
}
function splitEntries(s: string): string[] {
  return s.split(/;\s*/).map(stripEntry).filter(Boolean);
}
