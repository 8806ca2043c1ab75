/**
 * The importer's review reasons in Vietnamese, for `npm run new` (the archivist's report is in
 * Vietnamese; the frontmatter and `npm run import` keep the English). A reason with no
 * translation here is shown as it is, marked as English.
 */
const FROM: Array<[RegExp, string]> = [
  [/^the same day written in full \((.+)\)$/, 'cùng ngày được ghi đủ ở chỗ khác ($1)'],
  [/^the posting stamp of the same day \((.+)\)$/, 'giờ đăng bài cùng ngày ($1)'],
  [/^the effective time the same day \((.+)\)$/, 'thời điểm áp dụng cùng ngày ($1)'],
  [/^the effective time (\d+) day\(s\) later \((.+)\)$/, 'thời điểm áp dụng $1 ngày sau ($2)'],
  [/^a document it cites, dated (\d+) day\(s\) before \((.+)\)$/, 'văn bản được dẫn, ghi ngày $1 ngày trước ($2)'],
  [/^the posting date \((.+)\)$/, 'ngày đăng bài ($1)'],
  [/^the page date \((.+)\)$/, 'dòng ngày của trang ($1)'],
];

const REASONS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [
    /^the text gives "(.+)" without a year; the year (\d{4}) is from (.+)$/,
    (m) => `văn bản ghi "${m[1]}" mà không có năm; năm ${m[2]} lấy từ ${translate(FROM, m[3]!)}`,
  ],
  [
    /^no issue date in the text; month of the publication date$/,
    () => 'văn bản không ghi ngày ban hành; lấy tháng của ngày đăng bài',
  ],
  [
    /^no issue date; month of the latest date the text reports \((.+)\)$/,
    (m) => `văn bản không ghi ngày ban hành; lấy tháng của ngày muộn nhất trong bài (${m[1]})`,
  ],
  [
    /^the date of the meeting or event the text opens with; the document may be dated a little later$/,
    () => 'ngày của cuộc họp hoặc sự kiện mở đầu bài; văn bản có thể ban hành muộn hơn ít ngày',
  ],
  [/^the dateline gives the month only$/, () => 'dòng địa danh, ngày tháng chỉ ghi tháng'],
  [
    /^read from who speaks in the text \("(.*)"\), not from a sentence that issues the document$/,
    (m) => `đọc từ chủ thể phát biểu trong bài ("${m[1]}"), không phải từ câu ban hành văn bản`,
  ],
  [
    /^read from the number's symbol only \((.*)\); the text does not name the body that issued it$/,
    (m) => `chỉ đọc từ ký hiệu của số hiệu (${m[1]}); bài không nêu cơ quan ban hành`,
  ],
  [
    /^read beside the number (.+), which may not be this document's own$/,
    (m) => `đọc cạnh số ${m[1]}, có thể không phải số của chính văn bản này`,
  ],
  [
    /^the text does not say plainly that it issues this number \(it may be a cited one\)$/,
    () => 'bài không nói rõ đây là số của văn bản được ban hành (có thể là văn bản được dẫn)',
  ],
  [/^two numbers could be this document's own: (.+)$/, (m) => `có hai số có thể là số của văn bản: ${m[1]}`],
  [
    /^the text has no headline or title block; made from the type, number and issuer$/,
    () => 'bài không có tiêu đề; tiêu đề được ghép từ loại, số hiệu và cơ quan ban hành',
  ],
  [
    /^the title block gives only the type; add the subject$/,
    () => 'phần tên văn bản chỉ ghi loại văn bản; hãy thêm trích yếu',
  ],
  [
    /^named only in the page's chrome \("(.*)"\), not in the text$/,
    (m) => `chỉ thấy trong phần khung của trang ("${m[1]}"), không có trong nội dung`,
  ],
  [/^from the portal address (.+)$/, (m) => `lấy từ địa chỉ cổng thông tin ${m[1]}`],
  [/^inferred from the place "(.+)"$/, (m) => `suy ra từ địa danh "${m[1]}"`],
  [/^the only province the text names$/, () => 'tỉnh duy nhất được nhắc đến trong bài'],
  [
    /^the text only says "văn bản"(?:; its symbol suggests (.+))?$/,
    (m) => `bài chỉ ghi "văn bản"${m[1] ? `; ký hiệu gợi ý ${m[1]}` : ''}`,
  ],
  [
    /^no type named; a "V\/v" subject line marks a công văn$/,
    () => 'không ghi loại; dòng "V/v" cho thấy đây là công văn',
  ],
  [
    /^the (\S+) gives (.+?) but the (\S+) gives (.+?)(?:; (.*))?$/,
    (m) => `hai nguồn ghi khác nhau: (${m[1]}) ghi ${m[2]}, (${m[3]}) ghi ${m[4]}${m[5] ? `; ${reasonVi(m[5])}` : ''}`,
  ],
  [/^low confidence$/, () => 'độ tin cậy thấp'],
];

function translate(table: Array<[RegExp, string]>, s: string): string {
  for (const [re, vi] of table) if (re.test(s)) return s.replace(re, vi);
  return s;
}

/** The Vietnamese for one review reason; an untranslated one is returned marked "(tiếng Anh)". */
export function reasonVi(reason: string): string {
  for (const [re, vi] of REASONS) {
    const m = re.exec(reason);
    if (m) return vi(m);
  }
  return `${reason} (tiếng Anh)`;
}
