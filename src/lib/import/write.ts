/**
 * The importer's IO: read inputs, copy raw files byte for byte, write MDX atomically, and never
 * overwrite what an archivist edited. A directive already in the archive is found by its raw
 * file's sha256 (so re-importing after an archivist fixed its date, number or province, or under
 * another file name, does not publish it twice) and by province + number + date (the same
 * directive from another source is a duplicate). One import at a time (lock.ts); raw files are
 * created exclusively, never replaced. Everything that decides *what* to write lives in
 * pipeline.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type Stats,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  closeSync,
  writeSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { splitFrontmatter } from '../directive-file.ts';
import { duplicateKey } from '../doc-number.ts';
import { importText, type ImportOptions, type ImportResult } from './pipeline.ts';
import { importHashOf } from './emit.ts';
import { expandInputs } from './inputs.ts';
import { lockArchive } from './lock.ts';
import { ImportError } from './errors.ts';
import { UNSAFE_CHAR } from '../text-safety.ts';
import { MAX_INPUT_BYTES } from './limits.ts';

export type Status = 'imported' | 'updated' | 'unchanged' | 'skipped' | 'duplicate' | 'failed';

export interface FileReport extends ImportResult {
  status: Status;
  /** a few words shown beside the status ("same as content/raw/x.txt") */
  note?: string;
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
  /** progress and waiting lines for the archivist (stderr in the CLI) */
  log?: ((line: string) => void) | undefined;
  /** how long to wait for another import of the same archive (default 10 minutes) */
  lockWaitMs?: number | undefined;
  /** at most one progress line per this many milliseconds, for batches of 20 files or more (default 2000) */
  progressEveryMs?: number | undefined;
  /** --type, --issuer, --number, --title: passed to the importer as given */
  fields?: Pick<ImportOptions, 'docType' | 'issuer' | 'number' | 'title'> | undefined;
}

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const errCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

// ---------------------------------------------------------------- writing

/** A temporary file beside `path`, written in full; the caller renames or links it. */
function writeTemp(path: string, data: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  // short and fixed-length: a 240-byte target name must not make the temporary name too long
  const tmp = join(dirname(path), `.import-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, data, { flag: 'wx' });
  return tmp;
}

/** Replace (or create) `path` atomically: readers never see half a file. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = writeTemp(path, data);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Create `path` atomically, never replacing anything: false when the name is taken. */
function createExclusive(path: string, data: string | Uint8Array): boolean {
  const tmp = writeTemp(path, data);
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errCode(e) ?? '')) throw e;
    // a file system without hard links: exclusive, though not atomic
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e2) {
      if (errCode(e2) === 'EEXIST') return false;
      throw e2;
    }
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    } finally {
      closeSync(fd);
    }
    return true;
  } finally {
    rmSync(tmp, { force: true });
  }
}

// ---------------------------------------------------------------- the archive as it is

interface RawIndex {
  /** sha256 -> "content/raw/…" of the first raw file with those bytes */
  bySha: Map<string, string>;
  /** "content/raw/…" -> sha256 */
  shaOf: Map<string, string>;
}

/** Every regular file under content/raw (dotfiles and links skipped), hashed. */
function indexRaw(contentDir: string): RawIndex {
  const index: RawIndex = { bySha: new Map(), shaOf: new Map() };
  const base = join(contentDir, 'raw');
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st: Stats;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        const rel = `content/raw/${relative(base, p).split(sep).join('/')}`;
        // a file far over the import limit cannot have the bytes of one being imported
        if (st.size > MAX_INPUT_BYTES) {
          index.shaOf.set(rel, '');
          continue;
        }
        const h = sha(readFileSync(p));
        index.shaOf.set(rel, h);
        if (!index.bySha.has(h)) index.bySha.set(h, rel);
      }
    }
  };
  walk(base);
  return index;
}

interface Known {
  /** "content/directives/…/….mdx" */
  path: string;
  abs: string;
  sha: string;
  /** its source.raw */
  raw: string;
}

interface DirectiveIndex {
  /** province + number key + date -> the directive */
  byKey: Map<string, Known>;
  /** raw sha256 -> the directives made from those bytes */
  bySha: Map<string, Known[]>;
}

function addKnown(index: DirectiveIndex, key: string | null, k: Known): void {
  if (key) index.byKey.set(key, k);
  if (!k.sha) return;
  const list = (index.bySha.get(k.sha) ?? []).filter((x) => x.path !== k.path);
  list.push(k);
  index.bySha.set(k.sha, list);
}

function removeKnown(index: DirectiveIndex, k: Known): void {
  for (const [key, v] of index.byKey) if (v.path === k.path) index.byKey.delete(key);
  const list = index.bySha.get(k.sha)?.filter((x) => x.path !== k.path);
  if (list?.length) index.bySha.set(k.sha, list);
  else index.bySha.delete(k.sha);
}

/** Index existing directives by province + number key + date and by their raw file's sha256. */
function indexExisting(contentDir: string): DirectiveIndex {
  const index: DirectiveIndex = { byKey: new Map(), bySha: new Map() };
  const dir = join(contentDir, 'directives');
  const { files } = expandInputs([dir]);
  for (const { path: f } of files) {
    if (!f.endsWith('.mdx')) continue;
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    const split = splitFrontmatter(text);
    if (!split.ok) continue;
    try {
      const d = split.data as {
        province?: string;
        number?: string | null;
        date?: string;
        source?: { sha256?: string; raw?: string };
      };
      const key = duplicateKey(d.province ?? null, d.number ?? null, d.date ?? null);
      addKnown(index, key, {
        path: `content/${relative(contentDir, f).split(sep).join('/')}`,
        abs: f,
        sha: d.source?.sha256 ?? '',
        raw: d.source?.raw ?? '',
      });
    } catch {
      /* a broken file is the schema check's business */
    }
  }
  return index;
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

// ---------------------------------------------------------------- raw file names

/** Longest raw file name, in UTF-8 bytes: room for "-<sha8>" and a temporary name within 255. */
const MAX_RAW_NAME_BYTES = 200;

/**
 * The original file name made safe as a path and a URL segment that the check and the site
 * read back the same way: NFC; whitespace, control and direction characters and backslashes
 * as "_"; no leading dot (dotfiles are bookkeeping, ignored by the check and the build); at
 * most 200 bytes, the extension kept. Letters, digits and punctuation such as "#", "?", "%"
 * stay (links to the raw file are URL-encoded).
 */
export function rawName(inputPath: string): string {
  let name = basename(inputPath)
    .normalize('NFC')
    .replace(UNSAFE_CHAR, '_')
    .replace(/[\s\\]+/g, '_')
    .replace(/^\.+/, '');
  if (!name || name === '_') name = 'raw.txt';
  if (Buffer.byteLength(name) > MAX_RAW_NAME_BYTES) {
    const ext = extname(name).length <= 10 ? extname(name) : '';
    let stem = name.slice(0, name.length - ext.length);
    while (Buffer.byteLength(stem + ext) > MAX_RAW_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
    name = stem + ext;
  }
  return name;
}

/**
 * Where a new raw copy goes: `content/raw/<original name>`; when another file already has that
 * name, `<stem>-<sha8><ext>`. The bytes are never changed.
 */
function planRaw(contentDir: string, inputPath: string, hash: string, raws: RawIndex): { rel: string; abs: string } {
  const name = rawName(inputPath);
  const taken = (n: string): boolean => {
    try {
      lstatSync(join(contentDir, 'raw', n));
      return true;
    } catch {
      return raws.shaOf.has(`content/raw/${n}`); // planned earlier in a dry run
    }
  };
  let chosen = name;
  if (taken(name)) {
    const ext = extname(name);
    chosen = `${basename(name, ext)}-${hash.slice(0, 8)}${ext}`;
  }
  return { rel: `content/raw/${chosen}`, abs: join(contentDir, 'raw', chosen) };
}

// ---------------------------------------------------------------- the run

const failed = (input: string, error: string): FileReport => ({
  input,
  ok: false,
  output: null,
  frontmatter: null,
  mdx: null,
  warnings: [],
  error,
  encoding: null,
  sha256: '',
  fields: null,
  status: 'failed',
});

/** Import files (and folders). Pure reporting when `dryRun`. */
export function runImport(inputs: string[], opts: RunOptions): FileReport[] {
  const contentDir = resolve(opts.contentDir ?? join(opts.root, 'content'));
  const release = opts.dryRun ? () => {} : lockArchive(contentDir, { waitMs: opts.lockWaitMs, log: opts.log });
  try {
    return importAll(inputs, contentDir, opts);
  } finally {
    release();
  }
}

function importAll(inputs: string[], contentDir: string, opts: RunOptions): FileReport[] {
  const known = indexExisting(contentDir);
  const raws = indexRaw(contentDir);
  const reports: FileReport[] = [];
  const { files, problems } = expandInputs(inputs);
  for (const p of problems) reports.push(failed(p.path, p.message));
  let lastProgress = Date.now();
  files.forEach(({ path: file }, n) => {
    if (files.length >= 20 && Date.now() - lastProgress >= (opts.progressEveryMs ?? 2000)) {
      opts.log?.(`import: ${n}/${files.length} files read (${Math.floor((n * 100) / files.length)}%)…`);
      lastProgress = Date.now();
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      reports.push(failed(file, `${file}: cannot be read (${errCode(e) ?? 'error'}). Check the file's permissions.`));
      return;
    }
    try {
      reports.push(importOne(file, bytes, contentDir, known, raws, opts));
    } catch (e) {
      if (e instanceof ImportError) throw e;
      reports.push(
        failed(
          file,
          `${file}: could not be written to the archive (${errCode(e) ?? (e as Error).message}). Nothing was ` +
            `written for this file; check that ${contentDir} is writable and has free space, then ` +
            `import it again.`,
        ),
      );
    }
  });
  return reports;
}

function importOne(
  file: string,
  bytes: Uint8Array,
  contentDir: string,
  known: DirectiveIndex,
  raws: RawIndex,
  opts: RunOptions,
): FileReport {
  const hash = sha(bytes);
  const made = known.bySha.get(hash) ?? [];
  // the raw file these bytes already have, preferably the one a directive names
  const named = made.find((k) => raws.shaOf.get(k.raw) === hash)?.raw;
  const existingRaw = named ?? raws.bySha.get(hash);
  const raw = existingRaw
    ? { rel: existingRaw, abs: join(contentDir, relative('content', existingRaw)) }
    : planRaw(contentDir, file, hash, raws);
  const importOpts: ImportOptions = { ...opts.fields, rawPath: raw.rel, province: opts.province, date: opts.date };
  const r = importText(bytes, file, importOpts);
  const report: FileReport = { ...r, status: r.ok ? 'imported' : 'failed' };
  if (!r.ok || !r.mdx || !r.output) return report;
  if (existingRaw && rawName(file) !== basename(existingRaw)) report.note = `same as ${existingRaw}`;

  const fm = r.frontmatter as { province: string; number: string | null; date: string };
  const key = duplicateKey(fm.province, fm.number, fm.date);
  const outAbs = join(contentDir, relative('content', r.output));
  const prior = made.find((k) => k.path === r.output) ?? made[0];
  let replaces: Known | null = null;

  if (prior) {
    // 1. a directive made from these very bytes: the same document, whatever its name now
    const current = readFileSync(prior.abs, 'utf8');
    const state = existingState(current);
    if (current === r.mdx) {
      // the same text; under another name only if an archivist renamed the file: keep their name
      report.status = 'unchanged';
      if (prior.path !== r.output) report.note = `already in the archive as ${prior.path}`;
      return report;
    }
    if (state !== 'imported' && !opts.force) {
      report.status = 'skipped';
      if (prior.path !== r.output) report.note = `already in the archive as ${prior.path}`;
      report.warnings.push({
        code: 'skipped',
        message:
          `${prior.path} was made from the same raw file (${prior.raw || raw.rel}) and ` +
          `was ${state === 'reviewed' ? 'marked reviewed: true' : 'edited by hand'}; not overwritten and not ` +
          `imported twice (use --force to replace it).`,
      });
      return report;
    }
    report.status = 'updated';
    if (prior.path !== r.output) {
      const other = key ? known.byKey.get(key) : undefined;
      if (other && other.path !== prior.path) {
        report.ok = false;
        report.status = 'duplicate';
        report.error =
          `${file}: same directive as ${other.path} (province ${fm.province}, number ${fm.number}, ` +
          `date ${fm.date}); ${prior.path}, made from this raw file, was left as it is.`;
        return report;
      }
      report.note = `moved from ${prior.path}`;
      replaces = prior;
    }
  } else {
    // 2. the same directive (province, number, date) from another source file
    const other = key ? known.byKey.get(key) : undefined;
    if (other) {
      report.ok = false;
      report.status = 'duplicate';
      report.error =
        `${file}: same directive as ${other.path} (province ${fm.province}, number ${fm.number}, ` +
        `date ${fm.date}); not imported twice. If it is a better copy, delete the other file ` +
        `and import again.`;
      return report;
    }
  }
  // 3. never replace a file made from other bytes (another document at the same path)
  if (!prior || replaces) {
    let occupied = false;
    try {
      lstatSync(outAbs);
      occupied = true;
    } catch {
      // free
    }
    if (occupied) {
      report.ok = false;
      report.status = 'duplicate';
      report.error =
        `${file}: ${r.output} already exists and was made from another raw file; not replaced. If ` +
        `this is a better copy of the same document, delete ${r.output} (and its raw file) and import again.`;
      return report;
    }
  }

  const remember = (): FileReport => {
    if (replaces) removeKnown(known, replaces);
    addKnown(known, key, { path: r.output!, abs: outAbs, sha: hash, raw: raw.rel });
    raws.shaOf.set(raw.rel, hash);
    if (!raws.bySha.has(hash)) raws.bySha.set(hash, raw.rel);
    return report;
  };
  if (opts.dryRun) return remember();

  if (!existingRaw && !createExclusive(raw.abs, bytes)) {
    // someone created the name since it was planned: keep theirs, write nothing for this file
    report.ok = false;
    report.status = 'failed';
    report.error =
      `${file}: ${raw.rel} appeared while importing (another import or program wrote it); nothing ` +
      `was overwritten. Run the import again.`;
    return report;
  }
  if (prior && !replaces) writeAtomic(outAbs, r.mdx);
  else {
    if (!createExclusive(outAbs, r.mdx)) {
      report.ok = false;
      report.status = 'failed';
      report.error = `${file}: ${r.output} appeared while importing; nothing was overwritten. Run the import again.`;
      return report;
    }
    if (replaces) unlinkSync(replaces.abs);
  }
  return remember();
}
