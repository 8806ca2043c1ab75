/**
 * All content checks over one content folder, in the order an archivist fixes things:
 * folder, schema, content safety, integrity. Sorted by file and line. The per-file checks run
 * in worker threads when there are many files (the MDX parse is the cost: ~3 ms a file).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { needsParse } from './content.ts';
import { checkDirectiveFile, type FileCheckResult } from './file-check.ts';
import { splitFrontmatter, type SplitResult } from './frontmatter.ts';
import { checkIntegrity, type DirectiveEntry } from './integrity.ts';
import { loadContent, missingDirProblems, type ContentFile, type DirectiveSource } from './load.ts';
import { problem, type Problem } from './types.ts';

export interface CheckReport {
  problems: Problem[];
  directives: number;
  rawFiles: number;
}

/** Below this many files to parse, a worker costs more to start than it saves. */
const PARALLEL_THRESHOLD = 400;

function inWorker(files: ContentFile[]): Promise<FileCheckResult[]> {
  return new Promise((ok, fail) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: files.map((f) => ({ display: f.display, abs: f.abs })),
    });
    worker.once('message', (r: FileCheckResult[]) => ok(r));
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`check worker exited with code ${code}`));
    });
  });
}

async function checkFiles(files: (ContentFile & DirectiveSource)[], threshold: number): Promise<FileCheckResult[]> {
  const threads = Math.min(availableParallelism(), 8);
  // Only the MDX parse is worth a thread; most directives are plain text and skip it.
  const heavy = files.filter((f) => needsParse(f.source)).length;
  if (heavy < threshold || threads < 2) {
    return files.map((f) => checkDirectiveFile(f.display, f.source, f.size));
  }
  const size = Math.ceil(files.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size)).filter(
    (s) => s.length,
  );
  return (await Promise.all(slices.map(inWorker))).flat();
}

export interface RunOptions {
  /** run the per-file checks in worker threads from this many files on */
  parallelThreshold?: number;
}

export async function runChecks(root: string, options: RunOptions = {}): Promise<CheckReport> {
  const content = await loadContent(root);
  const problems: Problem[] = [];
  problems.push(...missingDirProblems(content.missingDirs));
  for (const f of content.special) {
    problems.push(
      problem(
        f.display,
        null,
        'load.not_a_file',
        'Đây không phải tệp thường (liên kết tượng trưng hoặc tệp đặc biệt): kho chỉ nhận tệp thường.',
        'Not a regular file (a symbolic link or special file): the archive accepts regular files only.',
        'Thay liên kết bằng chính tệp đó, hoặc xóa nó.',
        'Replace the link with the file itself, or delete it.',
      ),
    );
  }
  for (const f of content.strayFiles) {
    problems.push(
      problem(
        f.display,
        null,
        'load.stray_file',
        'Tệp không phải .mdx trong thư mục văn bản: trang web sẽ bỏ qua nó.',
        'A file that is not .mdx in the directives folder: the site ignores it.',
        'Nếu là văn bản gốc, chuyển vào content/raw/ và chạy npm run import; nếu không, xóa nó.',
        'If it is a raw source, move it to content/raw/ and run npm run import; otherwise delete it.',
        'warning',
      ),
    );
  }
  const results = await checkFiles(content.directives, options.parallelThreshold ?? PARALLEL_THRESHOLD);
  const entries: DirectiveEntry[] = content.directives.map((d, i) => {
    const r = results[i]!;
    problems.push(...r.problems);
    let split: SplitResult | undefined;
    return {
      file: d.display,
      rel: d.rel,
      data: r.data,
      rawField: r.rawField,
      shaField: r.shaField,
      // Lines are looked up again only for the few files integrity reports on.
      lineOf: (path) => {
        split ??= splitFrontmatter(d.source);
        return split.ok ? split.lineOf(path) : 1;
      },
    };
  });
  problems.push(
    ...checkIntegrity(
      entries,
      content.raw.map((r) => ({ rel: r.rel, file: r.display, sha256: r.sha256 })),
    ),
  );
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { problems, directives: content.directives.length, rawFiles: content.raw.length };
}
