/**
 * The importer's IO: read inputs, copy raw files byte for byte, write MDX atomically, and never
 * overwrite what an archivist edited. Duplicates (same province, number and date) are reported,
 * not imported twice. Everything that decides *what* to write lives in pipeline.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { splitFrontmatter } from '../directive-file.ts';
import { duplicateKey } from '../doc-number.ts';
import { importText, type ImportOptions, type ImportResult } from './pipeline.ts';
import { importHashOf } from './emit.ts';

export type Status = 'imported' | 'updated' | 'unchanged' | 'skipped' | 'duplicate' | 'failed';

export interface FileReport extends ImportResult {
  status: Status;
}

export interface RunOptions {
  /** the directory holding content/ (raw/ and directives/); default: CONTENT_DIR's parent or cwd */
  root: string;
  /** the content directory (default `<root>/content`) */
  contentDir?: string | undefined;
  dryRun?: boolean;
  force?: boolean;
  province?: string | undefined;
  date?: string | undefined;
}

/** Write via a temporary file in the same directory and rename: readers never see half a file. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** Expand folders (recursively, sorted, hidden files skipped) into files. */
function expandInputs(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else if (st.isFile()) files.push(p);
  };
  for (const p of paths) {
    if (!existsSync(p)) { missing.push(p); continue; }
    walk(p);
  }
  return { files, missing };
}

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** The original file name, with whitespace as "_" (raw paths are URLs and the schema forbids spaces). */
function rawName(inputPath: string): string {
  return basename(inputPath).replace(/\s+/g, '_');
}

/**
 * Where the raw copy goes: `content/raw/<original name>`; when another file already has that
 * name with different bytes, `<stem>-<sha8><ext>`. The bytes are never changed.
 */
function planRaw(contentDir: string, inputPath: string, bytes: Uint8Array): { rel: string; abs: string; exists: boolean } {
  const name = rawName(inputPath);
  const abs = join(contentDir, 'raw', name);
  if (!existsSync(abs)) return { rel: `content/raw/${name}`, abs, exists: false };
  if (sha(readFileSync(abs)) === sha(bytes)) return { rel: `content/raw/${name}`, abs, exists: true };
  const ext = extname(name);
  const alt = `${basename(name, ext)}-${sha(bytes).slice(0, 8)}${ext}`;
  const altAbs = join(contentDir, 'raw', alt);
  return { rel: `content/raw/${alt}`, abs: altAbs, exists: existsSync(altAbs) };
}

/** How an existing MDX file stands: written by the importer and untouched, edited by hand, or reviewed. */
function existingState(text: string): 'imported' | 'edited' | 'reviewed' {
  const split = splitFrontmatter(text);
  if (!split.ok) return 'edited';
  const data = split.data;
  if (data.reviewed === true) return 'reviewed';
  if (typeof data.importHash !== 'string' || data.importHash !== importHashOf(text)) return 'edited';
  return 'imported';
}

interface Known { path: string; sha: string }

/** Index existing directives by province + number key + date, to catch duplicates. */
function indexExisting(contentDir: string): Map<string, Known> {
  const out = new Map<string, Known>();
  const dir = join(contentDir, 'directives');
  if (!existsSync(dir)) return out;
  const { files } = expandInputs([dir]);
  for (const f of files) {
    if (!f.endsWith('.mdx')) continue;
    const split = splitFrontmatter(readFileSync(f, 'utf8'));
    if (!split.ok) continue;
    try {
      const d = split.data as { province?: string; number?: string | null; date?: string; source?: { sha256?: string } };
      const key = duplicateKey(d.province ?? null, d.number ?? null, d.date ?? null);
      if (key) out.set(key, { path: `content/${relative(contentDir, f)}`, sha: d.source?.sha256 ?? '' });
    } catch { /* a broken file is the schema check's business */ }
  }
  return out;
}

/** Import files (and folders). Pure reporting when `dryRun`. */
export function runImport(inputs: string[], opts: RunOptions): FileReport[] {
  const contentDir = resolve(opts.contentDir ?? join(opts.root, 'content'));
  const known = indexExisting(contentDir);
  const reports: FileReport[] = [];
  const { files, missing } = expandInputs(inputs);
  for (const m of missing) {
    reports.push({ input: m, ok: false, output: null, frontmatter: null, mdx: null, warnings: [], error: `${m}: no such file or folder. Check the path.`, encoding: null, sha256: '', fields: null, status: 'failed' });
  }
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      reports.push({ input: file, ok: false, output: null, frontmatter: null, mdx: null, warnings: [], error: `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check the file's permissions.`, encoding: null, sha256: '', fields: null, status: 'failed' });
      continue;
    }
    const raw = planRaw(contentDir, file, bytes);
    const importOpts: ImportOptions = { rawPath: raw.rel, province: opts.province, date: opts.date };
    const r = importText(bytes, file, importOpts);
    const report: FileReport = { ...r, status: r.ok ? 'imported' : 'failed' };
    reports.push(report);
    if (!r.ok || !r.mdx || !r.output) continue;

    const fm = r.frontmatter as { province: string; number: string | null; date: string };
    const key = duplicateKey(fm.province, fm.number, fm.date);
    const other = key ? known.get(key) : undefined;
    // the same directive from another source file (an official text and a news report of it)
    if (other && (other.path !== r.output || other.sha !== r.sha256)) {
      report.ok = false;
      report.status = 'duplicate';
      report.error = `${file}: same directive as ${other.path} (province ${fm.province}, number ${fm.number}, date ${fm.date}); not imported twice. If it is a better copy, delete the other file and import again.`;
      continue;
    }
    const outAbs = join(contentDir, relative('content', r.output));
    if (existsSync(outAbs)) {
      const current = readFileSync(outAbs, 'utf8');
      const state = existingState(current);
      if (current === r.mdx) { report.status = 'unchanged'; }
      else if (state !== 'imported' && !opts.force) {
        report.status = 'skipped';
        report.warnings.push({ code: 'skipped', message: `${r.output} was ${state === 'reviewed' ? 'marked reviewed: true' : 'edited by hand'}; not overwritten (use --force to replace it).` });
      } else report.status = 'updated';
    }
    if (key) known.set(key, { path: r.output, sha: r.sha256 });
    if (opts.dryRun || report.status === 'unchanged' || report.status === 'skipped') continue;
    if (!raw.exists) writeAtomic(raw.abs, bytes);
    writeAtomic(outAbs, r.mdx);
  }
  return reports;
}
