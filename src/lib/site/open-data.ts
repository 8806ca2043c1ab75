/**
 * The open data with the text: one directive's JSON record (frontmatter, 2025 province, page
 * URL, plain text, sections with anchors), the same records one per line (JSON Lines), and the
 * licence and citation lines shown on the open-data page.
 */
import type { DirectiveRecord } from './archive.ts';
import { directiveJson, type DirectiveJson } from './serialize.ts';
import { plainText, textBlocks, type TextBlock } from './plain-text.ts';
import { province2025 } from './provinces-2025.ts';

export interface DirectiveWithText extends DirectiveJson {
  province2025: string;
  /** the directive's text, paragraphs separated by a blank line */
  text: string;
  /** the text's blocks with their anchors on the page; `url` links to the section */
  sections: Array<{ id: string | null; url: string | null; text: string }>;
}

/**
 * `url` is the page's URL as the JSON API gives it (under the base), `permalink` its absolute
 * URL (section links are absolute, so a quoted section can be cited alone); `html` the
 * rendered body (src/lib/directive-content.ts).
 */
export function directiveWithText(
  d: DirectiveRecord,
  url: string,
  html: string,
  permalink: string = url,
): DirectiveWithText {
  const blocks: TextBlock[] = textBlocks(html);
  return {
    ...directiveJson(d, url),
    province2025: province2025(d.data.province),
    text: plainText(blocks),
    sections: blocks.map((b) => ({ id: b.id, url: b.id ? `${permalink}#${b.id}` : null, text: b.text })),
  };
}

/** JSON Lines: one record per line, no pretty-printing, a final newline. */
export function toJsonLines(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

/** What readers may do with the data, and how to cite it (shown on /du-lieu/ and the home page). */
export const LICENCE = {
  /** the archive's own work: metadata, structure, exports */
  data:
    'Dữ liệu mô tả (số hiệu, ngày, cơ quan ban hành, dẫn chiếu…) và các tệp xuất được dùng lại tự do, kể cả ' +
    'cho mục đích thương mại, với điều kiện ghi nguồn (giấy phép CC BY 4.0).',
  /** the documents themselves */
  documents:
    'Văn bản hành chính của cơ quan nhà nước không thuộc đối tượng bảo hộ quyền tác giả (Điều 15 Luật Sở hữu trí ' +
    'tuệ); bài báo đăng lại văn bản thuộc quyền của tờ báo đã đăng, ghi ở mục Nguồn của từng văn bản.',
  cite:
    'Khi trích dẫn, ghi: cơ quan ban hành, loại và số văn bản, ngày ban hành, tiêu đề, “Lưu trữ văn bản ' +
    'phòng, chống COVID-19” và đường dẫn cố định của văn bản (mỗi trang văn bản có sẵn dòng trích dẫn).',
} as const;
