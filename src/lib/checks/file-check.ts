/**
 * The per-file part of the checks (schema and content safety), as plain data so it can run in
 * worker threads: the problems, the valid frontmatter, and the raw file it names.
 */
import type { DirectiveData } from '../directive-schema.ts';
import { checkBody } from './content.ts';
import { readNoteProblems } from './frontmatter.ts';
import { checkFrontmatter } from './schema.ts';
import { problem, type Problem } from './types.ts';
import { MAX_MDX_BYTES, megabytes } from '../import/limits.ts';
import { UNSAFE_CHAR, codePointLabel } from '../text-safety.ts';

export interface FileCheckResult {
  problems: Problem[];
  data: DirectiveData | null;
  rawField: unknown;
  shaField: unknown;
}

/** `size`: the file's size in bytes, when `source` may be only its beginning (an oversized file). */
export function checkDirectiveFile(display: string, source: string, size = Buffer.byteLength(source)): FileCheckResult {
  const schema = checkFrontmatter(display, source);
  const split = schema.split;
  const problems = [...readNoteProblems(display, split.notes), ...schema.problems];
  if (size > MAX_MDX_BYTES) {
    problems.push(
      problem(
        display,
        null,
        'content.too_large',
        `Tệp dài ${megabytes(size)}, quá giới hạn ${megabytes(MAX_MDX_BYTES)} cho một văn bản; phần nội dung ` +
          `không được kiểm tra.`,
        `The file is ${megabytes(size)}, over the ${megabytes(MAX_MDX_BYTES)} limit for one directive; its body ` +
          `was not checked.`,
        'Một văn bản chỉ vài trang: tệp lớn như vậy thường là nhiều văn bản gộp lại hoặc cả một trang web. Tách ' +
          'thành từng văn bản, mỗi văn bản một tệp gốc, rồi nhập lại bằng npm run import.',
        'A directive is a few pages: a file this large is usually several documents or a whole web page. Split ' +
          'it into one directive per raw file and import each with npm run import.',
      ),
    );
  }
  // positions in the text as read (BOM dropped, NFC): the blanked body lines up with it
  problems.push(...unsafeCharProblems(display, split.text, split.ok ? split.body : null));
  if (size <= MAX_MDX_BYTES) {
    // A file with broken frontmatter still has its whole text checked for code.
    problems.push(...checkBody(display, split.ok ? split.body : source));
  }
  const src = split.ok ? (split.data.source as { raw?: unknown; sha256?: unknown } | undefined) : undefined;
  // Unreadable frontmatter: still find which raw file it names, so that file is not called an orphan.
  const rawField = split.ok ? src?.raw : /^\s+raw:\s*["']?(content\/raw\/[^"'\s]+)/m.exec(source)?.[1];
  return { problems, data: schema.data, rawField, shaField: src?.sha256 };
}

/**
 * Control and text-direction characters: refused in the frontmatter (titles and subjects head
 * every list, feed and page title, where a U+202E could make one read as another), a warning in
 * the body (shown as written; npm run import never writes them). `body` is the file with its
 * frontmatter blanked, null when the frontmatter is unreadable (then the whole file counts).
 */
function unsafeCharProblems(display: string, source: string, body: string | null): Problem[] {
  const found = { frontmatter: [] as { code: string; line: number }[], body: [] as { code: string; line: number }[] };
  let line = 1;
  let at = 0;
  for (const m of source.matchAll(UNSAFE_CHAR)) {
    for (let i = source.indexOf('\n', at); i >= 0 && i < m.index; i = source.indexOf('\n', i + 1)) line++;
    at = m.index;
    const inBody = body !== null && body.startsWith(m[0], m.index);
    (inBody ? found.body : found.frontmatter).push({ code: codePointLabel(m[0]), line });
  }
  const out: Problem[] = [];
  for (const [where, list] of [
    ['frontmatter', found.frontmatter],
    ['body', found.body],
  ] as const) {
    if (!list.length) continue;
    const first = list[0]!;
    out.push(
      problem(
        display,
        first.line,
        'content.control_character',
        `Tệp có ${list.length} ký tự điều khiển hoặc ký tự đổi chiều chữ ` +
          `ẩn ${where === 'frontmatter' ? 'ở phần thông tin đầu tệp' : 'trong nội dung'} (ký tự đầu ` +
          `tiên: ${first.code}): chúng làm hỏng nguồn tin RSS hoặc làm chữ hiển thị khác với nội dung thật.`,
        `The ${where} has ${list.length} invisible control or text-direction character(s) (the ` +
          `first: ${first.code}): they break the RSS feeds or make text display differently ` +
          `from what it says.`,
        'Xóa các ký tự này (trình soạn thảo có thể hiện chúng khi bật "hiện ký tự ẩn"), hoặc nhập lại bằng npm ' +
          'run import, lệnh này tự bỏ chúng.',
        'Delete them (an editor shows them with "show invisible characters"), or re-import with npm run import, ' +
          'which removes them.',
        where === 'frontmatter' ? 'error' : 'warning',
      ),
    );
  }
  return out;
}
