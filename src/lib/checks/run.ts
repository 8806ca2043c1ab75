/**
 * All content checks over one content folder, in the order an archivist fixes things:
 * folder, schema, content safety, integrity. Sorted by file and line.
 */
import { checkBody } from './content.ts';
import { checkIntegrity, type DirectiveEntry } from './integrity.ts';
import { loadContent } from './load.ts';
import { checkFrontmatter } from './schema.ts';
import { problem, type Problem } from './types.ts';

export interface CheckReport {
  problems: Problem[];
  directives: number;
  rawFiles: number;
}

export async function runChecks(root: string): Promise<CheckReport> {
  const content = await loadContent(root);
  const problems: Problem[] = [];
  for (const dir of content.missingDirs) {
    problems.push(problem(dir, null, 'load.missing_dir', `Không có thư mục ${dir}.`, `Folder ${dir} does not exist.`,
      'Kiểm tra CONTENT_DIR hoặc tạo thư mục (với một tệp .gitkeep).', 'Check CONTENT_DIR or create the folder (with a .gitkeep file).'));
  }
  for (const f of content.special) {
    problems.push(problem(f.display, null, 'load.not_a_file',
      'Đây không phải tệp thường (liên kết tượng trưng hoặc tệp đặc biệt): kho chỉ nhận tệp thường.',
      'Not a regular file (a symbolic link or special file): the archive accepts regular files only.',
      'Thay liên kết bằng chính tệp đó, hoặc xóa nó.', 'Replace the link with the file itself, or delete it.'));
  }
  for (const f of content.strayFiles) {
    problems.push(problem(f.display, null, 'load.stray_file',
      'Tệp không phải .mdx trong thư mục văn bản: trang web sẽ bỏ qua nó.',
      'A file that is not .mdx in the directives folder: the site ignores it.',
      'Nếu là văn bản gốc, chuyển vào content/raw/ và chạy npm run import; nếu không, xóa nó.',
      'If it is a raw source, move it to content/raw/ and run npm run import; otherwise delete it.', 'warning'));
  }
  const entries: DirectiveEntry[] = [];
  for (const d of content.directives) {
    const schema = checkFrontmatter(d.display, d.source);
    problems.push(...schema.problems);
    const split = schema.split;
    if (split.ok) problems.push(...checkBody(d.display, split.body));
    else problems.push(...checkBody(d.display, d.source)); // still refuse code in a file with broken frontmatter
    const source = split.ok ? (split.data.source as { raw?: unknown; sha256?: unknown } | undefined) : undefined;
    entries.push({
      file: d.display,
      rel: d.rel,
      data: schema.data,
      rawField: source?.raw,
      shaField: source?.sha256,
      lineOf: split.ok ? split.lineOf : () => 1,
    });
  }
  problems.push(...checkIntegrity(entries, content.raw.map((r) => ({ rel: r.rel, file: r.display, sha256: r.sha256 }))));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { problems, directives: content.directives.length, rawFiles: content.raw.length };
}
