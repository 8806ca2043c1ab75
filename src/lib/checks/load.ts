/**
 * Reads a content folder (directives/ and raw/) for the checks: every file, its bytes' sha256,
 * and anything that is not a plain file (a symlink could pull a file from outside the
 * repository into the published site).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, stat } from 'node:fs/promises';
import { MAX_MDX_BYTES } from '../import/limits.ts';
import { join, relative, sep } from 'node:path';
import { problem, type Problem } from './types.ts';

export interface ContentFile {
  /** path relative to its folder (directives/ or raw/), with "/" separators */
  rel: string;
  /** path to show the archivist (relative to the working directory) */
  display: string;
  abs: string;
}

export interface LoadedContent {
  root: string;
  directivesDir: string;
  rawDir: string;
  /** `source` is the whole file, or only its first 64 KB (the frontmatter) when it is over the size limit */
  directives: (ContentFile & DirectiveSource)[];
  /** other files under directives/ (not .mdx): the build ignores them */
  strayFiles: ContentFile[];
  raw: (ContentFile & { sha256: string; size: number })[];
  /** symlinks, sockets…: never allowed */
  special: ContentFile[];
  /** folders that do not exist */
  missingDirs: string[];
}

export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

async function walk(dir: string): Promise<{ files: ContentFile[]; special: ContentFile[] } | null> {
  const files: ContentFile[] = [];
  const special: ContentFile[] = [];
  const visit = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(d, e.name);
      const file = { rel: relative(dir, abs).split(sep).join('/'), display: displayPath(abs), abs };
      if (e.isDirectory()) await visit(abs);
      else if (e.isFile()) files.push(file);
      else special.push(file);
    }
  };
  try {
    const st = await lstat(dir);
    if (!st.isDirectory()) return null;
  } catch {
    return null;
  }
  await visit(dir);
  return { files, special };
}

export interface DirectiveSource {
  source: string;
  /** the file's size in bytes */
  size: number;
}

/** Enough of an oversized file to read its frontmatter, not its body. */
const HEAD_BYTES = 64 * 1024;

/**
 * A directive file's text. One over MAX_MDX_BYTES is not read in full: the check reports it
 * from its size and its frontmatter, instead of spending seconds and gigabytes parsing it.
 */
export async function readDirectiveSource(abs: string): Promise<DirectiveSource> {
  const handle = await open(abs, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= MAX_MDX_BYTES) return { source: (await handle.readFile()).toString('utf8'), size };
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return { source: head.subarray(0, bytesRead).toString('utf8'), size };
  } finally {
    await handle.close();
  }
}

/** sha256 and size; a large file is streamed rather than held in memory. */
async function hashFile(abs: string): Promise<{ sha256: string; size: number }> {
  const { size } = await stat(abs);
  const hash = createHash('sha256');
  if (size <= MAX_MDX_BYTES) return { sha256: hash.update(await readFile(abs)).digest('hex'), size };
  let read = 0;
  for await (const chunk of createReadStream(abs)) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size: read };
}

/** map with at most 16 calls in flight, results in input order. */
async function inPool<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(16, items.length) }, worker));
  return out;
}

/** Dotfiles (.gitkeep) are bookkeeping, not content. */
const isBookkeeping = (rel: string): boolean => rel.split('/').some((s) => s.startsWith('.'));

export async function loadContent(root: string): Promise<LoadedContent> {
  const directivesDir = join(root, 'directives');
  const rawDir = join(root, 'raw');
  const out: LoadedContent = {
    root,
    directivesDir,
    rawDir,
    directives: [],
    strayFiles: [],
    raw: [],
    special: [],
    missingDirs: [],
  };
  const [dirs, raws] = await Promise.all([walk(directivesDir), walk(rawDir)]);
  if (!dirs) out.missingDirs.push(displayPath(directivesDir));
  if (!raws) out.missingDirs.push(displayPath(rawDir));
  const mdx: ContentFile[] = [];
  for (const f of dirs?.files ?? []) {
    if (isBookkeeping(f.rel)) continue;
    if (f.rel.endsWith('.mdx')) mdx.push(f);
    else out.strayFiles.push(f);
  }
  // a few files at a time: reading thousands of small files is I/O-bound; order is kept
  out.directives = await inPool(mdx, async (f) => ({ ...f, ...(await readDirectiveSource(f.abs)) }));
  out.raw = await inPool(
    (raws?.files ?? []).filter((f) => !isBookkeeping(f.rel)),
    async (f) => ({ ...f, ...(await hashFile(f.abs)) }),
  );
  out.special.push(...(dirs?.special ?? []), ...(raws?.special ?? []));
  return out;
}

/** The content folders that do not exist, as problems for the check and the build alike. */
export function missingDirProblems(dirs: readonly string[]): Problem[] {
  return dirs.map((dir) =>
    problem(
      dir,
      null,
      'load.missing_dir',
      `Không có thư mục ${dir}.`,
      `Folder ${dir} does not exist.`,
      'Kiểm tra CONTENT_DIR hoặc tạo thư mục (với một tệp .gitkeep).',
      'Check CONTENT_DIR or create the folder (with a .gitkeep file).',
    ),
  );
}
