/**
 * The build's own gate on raw files, run by scripts/build.ts whether or not `npm run check` ran
 * first: the build copies content/raw into the published site, so a symbolic link there (to
 * /etc/passwd, or in CI to .git/config, which holds the checkout token) would publish whatever
 * it points to. Refused: anything under content/ that is not a regular file or folder (read
 * with lstat, links never followed), a directive's raw file that is missing or outside
 * content/raw/, and one whose bytes no longer match the recorded sha256.
 */
import { splitFrontmatter } from './frontmatter.ts';
import { checkRaw, type DirectiveEntry } from './integrity.ts';
import { loadContent, missingDirProblems } from './load.ts';
import { problem, type Problem } from './types.ts';

/** The codes that stop a build (orphans and shared raw files are the check's business). */
const BLOCKING = new Set(['integrity.raw_missing', 'integrity.raw_changed', 'integrity.raw_path']);

export async function rawGate(root: string): Promise<Problem[]> {
  const content = await loadContent(root);
  const problems: Problem[] = [];
  problems.push(...missingDirProblems(content.missingDirs));
  for (const f of content.special) {
    problems.push(
      problem(
        f.display,
        null,
        'load.not_a_file',
        'Đây không phải tệp thường (liên kết tượng trưng hoặc tệp đặc biệt): bản dựng không sao chép nó, vì nó ' +
          'có thể đăng một tệp ở ngoài kho.',
        'Not a regular file (a symbolic link or special file): the build does not copy it, since it could ' +
          'publish a file from outside the archive.',
        'Thay liên kết bằng chính tệp đó (cp --remove-destination <đích> <liên kết>), hoặc xóa nó (git rm).',
        'Replace the link with the file itself (cp --remove-destination <target> <link>), or delete it (git rm).',
      ),
    );
  }
  const entries: DirectiveEntry[] = content.directives.map((d) => {
    const split = splitFrontmatter(d.source);
    const src = split.ok ? (split.data.source as { raw?: unknown; sha256?: unknown } | undefined) : undefined;
    return {
      file: d.display,
      rel: d.rel,
      data: null,
      rawField: src?.raw,
      shaField: src?.sha256,
      lineOf: (path) => (split.ok ? split.lineOf(path) : 1),
    };
  });
  const raws = content.raw.map((r) => ({ rel: r.rel, file: r.display, sha256: r.sha256 }));
  problems.push(...checkRaw(entries, raws).filter((p) => BLOCKING.has(p.code)));
  return problems;
}
