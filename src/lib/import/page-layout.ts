/**
 * Part of step 2 (clean): what printing, scanning and legal databases do to a page's layout.
 * - Page breaks: a form feed, a page-number line ("- 3 -", "Trang 2/3", a bare "2" beside a
 *   form feed) between two parts of one sentence, sometimes inside one syllable ("quy đ⏎ịnh").
 * - Pipe tables: legal databases scrape the two-column header of an official document as
 *   `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |`; each cell is a line of its own.
 * Pure functions over lines; the wording is never changed.
 */

/** Marks where a page ended, until the lines either side are joined. */
const PAGE_BREAK = '\uE000'; // a private-use character: trim() and regex line ends leave it alone

/** Form feeds become page-break marker lines (the cleaner would otherwise read them as spaces). */
export function markFormFeeds(text: string): string {
  return text.includes('\f') ? text.replace(/\f/g, `\n${PAGE_BREAK}\n`) : text;
}

// "- 3 -", "– 12 –", "Trang 2/3", "Trang 2", "Page 2 of 3"
const PAGE_NUMBER_LINE =
  /^(?:[-–]\s*\d{1,3}\s*[-–]|trang\s+\d{1,3}(?:\s*(?:\/|trên)\s*\d{1,3})?|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$/iu;
const BARE_NUMBER = /^\d{1,3}$/;

// A Vietnamese syllable always has a vowel: a lower-case run of consonants alone is half a word.
const VOWEL = /[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;
const isFragment = (w: string): boolean => /^\p{Ll}+$/u.test(w) && !VOWEL.test(w.normalize('NFC'));
const lettersOf = (w: string): string => w.replace(/[^\p{L}].*$/u, '');
const ENDS_SENTENCE = /[.:;!?…)”"\]]$/;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Drop page-number lines and rejoin what a page break split: the sentence (with a space) or
 * the syllable (without one). A break between two sentences stays a paragraph break.
 * Returns the lines and how many breaks were rejoined.
 */
export function rejoinPageBreaks(lines: string[]): { lines: string[]; joined: number } {
  if (!lines.some((l) => l === PAGE_BREAK || PAGE_NUMBER_LINE.test(l))) return { lines, joined: 0 };
  // page-number lines are breaks too; a bare number counts only beside a form feed
  const marked = lines.map((l, i) => {
    if (l === PAGE_BREAK || PAGE_NUMBER_LINE.test(l)) return PAGE_BREAK;
    const near = (j: number): boolean => {
      for (let k = j; k >= 0 && k < lines.length; k += j < i ? -1 : 1) {
        if (lines[k]!.trim() === '') continue;
        return lines[k] === PAGE_BREAK;
      }
      return false;
    };
    return BARE_NUMBER.test(l) && (near(i - 1) || near(i + 1)) ? PAGE_BREAK : l;
  });
  const out: string[] = [];
  let joined = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] !== PAGE_BREAK) {
      out.push(marked[i]!);
      continue;
    }
    // skip the run of markers and blank lines that make up this break
    let j = i;
    while (j < marked.length && (marked[j] === PAGE_BREAK || !marked[j]!.trim())) j++;
    while (out.length && !out[out.length - 1]!.trim()) out.pop();
    const prev = out.length ? out[out.length - 1]! : null;
    const next = j < marked.length ? marked[j]! : null;
    i = j - 1;
    if (prev === null || next === null) {
      if (prev !== null) out.push('');
      continue;
    }
    const lastWord = prev.split(/\s+/).at(-1) ?? '';
    const firstWord = next.split(/\s+/)[0] ?? '';
    if (
      (isFragment(lastWord) && STARTS_LOWER.test(firstWord)) ||
      (/\p{Ll}$/u.test(lastWord) && isFragment(lettersOf(firstWord)))
    ) {
      out[out.length - 1] = prev + next; // "quy đ" + "ịnh" -> "quy định"
      joined++;
      i = j;
    } else if (!ENDS_SENTENCE.test(prev) && STARTS_LOWER.test(next)) {
      out[out.length - 1] = `${prev} ${next}`;
      joined++;
      i = j;
    } else {
      out.push('');
    }
  }
  return { lines: out, joined };
}

const ROLE = '(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)';
const SIGNATURE_CELL = new RegExp(
  `^((?:T/M|TM\\.|KT\\.|TL\\.|TUQ\\.|Q\\.|${ROLE})[\\p{Lu}\\s./]*?)\\s+((?:[\\p{Lu}][\\p{Ll}’']+\\s?){2,5})$`,
  'u',
);

/**
 * One table cell can hold a whole block: "Nơi nhận: - Văn phòng Chính phủ; - Lưu: VT." is a list,
 * "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đặng Ngọc Hậu" the role lines and the signer's name.
 */
function splitCell(cell: string): string[] {
  if (/^nơi nhận\s*:/iu.test(cell)) return cell.split(/\s+(?=[-+•]\s)/u);
  const sig = SIGNATURE_CELL.exec(cell);
  if (!sig) return [cell];
  // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH": a new role starts at a role word not right after KT./T/M/PHÓ
  const roles = sig[1]!
    .trim()
    .split(new RegExp(`\\s+(?=${ROLE}(?:\\s|$))`, 'u'))
    .reduce<string[]>((acc, part) => {
      const prev = acc.at(-1);
      if (prev !== undefined && /(?:^|\s)(?:T\/M|TM\.|KT\.|TL\.|TUQ\.|Q\.|PHÓ)$/u.test(prev))
        acc[acc.length - 1] = `${prev} ${part}`;
      else acc.push(part);
      return acc;
    }, []);
  return [...roles, sig[2]!.trim()];
}

/**
 * A scraped table row `A | B |` (or `| A | B |`) becomes its cells, one per line. Rows that
 * only draw the table (`|---|---|`) disappear.
 */
export function splitPipeRows(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('|'))) return lines;
  const out: string[] = [];
  for (const l of lines) {
    const cells = l.split(/\s*\|\s*/);
    if (cells.length < 2 || !/\|\s*$|^\s*\|/.test(l)) {
      out.push(l);
      continue;
    }
    for (const c of cells) {
      // "ỦY BAN NHÂN DÂN TỈNH SƠN LA --------", "TỈNH ỦY HÀ NAM *******"
      const t = c.trim().replace(/\s*[-*=_]{3,}\s*$/, '');
      if (t && !/^[-:\s]+$/.test(t)) out.push(...splitCell(t));
    }
  }
  return out;
}

// The two columns of an official header, run together when a PDF or a web page loses the table:
// "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH ĐỒNG NAI Độc lập - Tự do - Hạnh phúc",
// "Số: 9518/UBND-KGVX Đồng Nai, ngày 16 tháng 8 năm 2021".
const MOTTO = new RegExp(
  String.raw`^(.+?)\s+(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM` +
    String.raw`|ĐẢNG CỘNG SẢN VIỆT NAM)(?:\s+(.*))?$`,
  'u',
);
const MOTTO_TAIL = /^(.+?)\s+(Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)(?:\s+(.*))?$/iu;
const PLACE_DATE = new RegExp(
  String.raw`^((?:Số|V\/v)(?![\p{L}]).*?)\s+((?:[\p{Lu}][\p{Ll}]*\.?\s?){1,4}` +
    String.raw`(?:\s?-\s?(?:[\p{Lu}][\p{Ll}]*\s?){1,3})?,\s*ngày(?![\p{L}]).*)$`,
  'u',
);

/** Split the run-together columns of an official header into their lines (the top lines only). */
export function splitMergedHeader(lines: string[]): string[] {
  const out: string[] = [];
  let prose = false;
  for (const l of lines) {
    // the header zone ends at the first sentence of the text
    if (prose || (l.split(/\s+/).length >= 15 && /[.;:]$/.test(l))) {
      prose = true;
      out.push(l);
      continue;
    }
    const m = MOTTO.exec(l) ?? MOTTO_TAIL.exec(l) ?? PLACE_DATE.exec(l);
    if (m && m[1]!.length >= 2) out.push(...[m[1]!, m[2]!, m[3] ?? ''].map((x) => x.trim()).filter(Boolean));
    else out.push(l);
  }
  return out;
}
