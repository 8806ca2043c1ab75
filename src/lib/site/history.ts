/**
 * "Lịch sử chỉnh sửa" for readers: each change of a directive's MDX file, said in Vietnamese
 * from the file's own diff — which frontmatter fields changed (old -> new for short values), whether
 * the text changed, when it was first imported — never from the commit message, which is
 * written for developers. One `git log --raw` for the whole directives folder gives every
 * version's blob ids; one `git cat-file --batch` reads them all (a process per page cost
 * minutes at 10,000 directives). Empty, never an error, without git or for an untracked file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentDir } from '../content-dir.ts';
import { fieldLabel } from './review-reasons.ts';

const ZERO = /^0+$/;

export interface FieldChange {
  field: string;
  /** Vietnamese label ("Số hiệu") */
  label: string;
  /** short scalar values before and after, for "240-CV/TU → 204-CV/TU"; null when not shown */
  before: string | null;
  after: string | null;
}

export interface HistoryChange {
  hash: string;
  /** author date, ISO YYYY-MM-DD */
  date: string;
  /** first version of the file */
  imported: boolean;
  /** the file's earlier path, when this change moved it */
  renamedFrom: string | null;
  /** frontmatter fields that changed (bookkeeping like importHash left out) */
  fields: FieldChange[];
  /** the directive's text (the MDX body) changed */
  textChanged: boolean;
  /** the change set `reviewed: true` (or took it back) */
  reviewedChange: 'checked' | 'unchecked' | null;
}

/** A raw `--raw` record of one commit touching one file. */
export interface RawChange {
  hash: string;
  date: string;
  oldBlob: string | null;
  newBlob: string | null;
  status: string;
  oldPath: string | null;
  path: string;
}

/** Parse `git log -M --raw --no-abbrev --format=%x1e%H%x09%aI` output, newest commit first. */
export function parseRawLog(out: string): RawChange[] {
  const changes: RawChange[] = [];
  for (const record of out.split('\x1e')) {
    const [header = '', ...lines] = record.split('\n');
    if (!header.trim()) continue;
    const [hash = '', date = ''] = header.split('\t');
    for (const line of lines) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z]\d*)\t([^\t]+)(?:\t([^\t]+))?$/.exec(line);
      if (!m) continue;
      const [, oldBlob, newBlob, status, a, b] = m;
      const renamed = status!.startsWith('R') || status!.startsWith('C');
      changes.push({
        hash,
        date: date.slice(0, 10),
        oldBlob: ZERO.test(oldBlob!) ? null : oldBlob!,
        newBlob: ZERO.test(newBlob!) ? null : newBlob!,
        status: status!,
        oldPath: renamed ? a! : null,
        path: renamed ? b! : a!,
      });
    }
  }
  return changes;
}

// Bookkeeping the importer rewrites on every import: not a change a reader cares about.
const IGNORED = new Set(['importHash']);

/** Frontmatter (as YAML, unvalidated: an old version may predate the schema) and body. */
export function splitVersion(text: string): { data: Record<string, unknown>; body: string } {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(src);
  if (!m) return { data: {}, body: src };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    data = {};
  }
  return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, body: m[2]! };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const normBody = (s: string): string => s.replace(/\r\n/g, '\n').replace(/\s+$/, '');

function shortValue(v: unknown): string | null {
  if (v === null || v === undefined) return 'chưa có';
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v);
    return s.length <= 60 ? s : null;
  }
  return null;
}

/** What changed between two versions of a directive file (before null: first import). */
export function compareVersions(
  before: string | null,
  after: string,
): Pick<HistoryChange, 'fields' | 'textChanged' | 'reviewedChange' | 'imported'> {
  if (before === null) return { imported: true, fields: [], textChanged: false, reviewedChange: null };
  const a = splitVersion(before);
  const b = splitVersion(after);
  const fields: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a.data), ...Object.keys(b.data)])];
  for (const k of keys) {
    if (IGNORED.has(k) || k === 'reviewed') continue;
    const x = a.data[k];
    const y = b.data[k];
    if (k === 'source' && x && y && typeof x === 'object' && typeof y === 'object') {
      // the raw file's fields one by one: "Nguồn: publisher" reads better than "Nguồn"
      for (const sk of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
        const sx = (x as Record<string, unknown>)[sk];
        const sy = (y as Record<string, unknown>)[sk];
        if (!same(sx, sy))
          fields.push({
            field: `source.${sk}`,
            label: `${fieldLabel('source')} (${sk})`,
            before: shortValue(sx),
            after: shortValue(sy),
          });
      }
      continue;
    }
    if (same(x, y)) continue;
    const before = shortValue(x);
    const after = shortValue(y);
    fields.push({
      field: k,
      label: fieldLabel(k),
      before: before !== null && after !== null ? before : null,
      after: before !== null && after !== null ? after : null,
    });
  }
  const wasChecked = a.data.reviewed === true;
  const isChecked = b.data.reviewed === true;
  return {
    imported: false,
    fields,
    textChanged: normBody(a.body) !== normBody(b.body),
    reviewedChange: wasChecked === isChecked ? null : isChecked ? 'checked' : 'unchecked',
  };
}

/** Read many blobs with one `git cat-file --batch`. */
function readBlobs(ids: string[], cwd: string): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const buf = execFileSync('git', ['cat-file', '--batch'], {
    cwd,
    input: `${ids.join('\n')}\n`,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let pos = 0;
  for (const id of ids) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] === 'missing') continue;
    const size = Number(header[2]);
    out.set(id, buf.subarray(pos, pos + size).toString('utf8'));
    pos += size + 1;
  }
  return out;
}

/** Each file's changes, newest first, credited to its current name across renames. */
export function historiesFromRawLog(
  changes: RawChange[],
  blob: (id: string) => string | undefined,
): Map<string, HistoryChange[]> {
  const byFile = new Map<string, HistoryChange[]>();
  const currentName = new Map<string, string>();
  for (const c of changes) {
    if (!c.newBlob) continue; // a deletion: the file's history ends (or a later file reused the name)
    const key = currentName.get(c.path) ?? c.path;
    const after = blob(c.newBlob);
    if (after === undefined) continue;
    const before = c.oldBlob ? (blob(c.oldBlob) ?? null) : null;
    const diff = compareVersions(before, after);
    const list = byFile.get(key) ?? [];
    list.push({ hash: c.hash, date: c.date, renamedFrom: c.oldPath, ...diff });
    byFile.set(key, list);
    if (c.oldPath) currentName.set(c.oldPath, key);
  }
  return byFile;
}

const cache = new Map<string, Map<string, HistoryChange[]>>();

/**
 * Every file's history under `folder`, keyed by its path relative to it. Git runs in the folder
 * itself (`--relative`), so a content folder that is its own repository (CONTENT_DIR, a
 * submodule) has its history too.
 */
function historyIndex(folder: string): Map<string, HistoryChange[]> {
  let index = cache.get(folder);
  if (index) return index;
  try {
    const opts = {
      cwd: folder,
      encoding: 'utf8' as const,
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'],
    };
    const log = execFileSync(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        '--relative',
        '-M',
        '--raw',
        '--no-abbrev',
        '--format=%x1e%H%x09%aI',
        '--',
        '.',
      ],
      opts,
    );
    const changes = parseRawLog(log);
    const ids = [...new Set(changes.flatMap((c) => [c.oldBlob, c.newBlob]).filter((x): x is string => !!x))];
    const blobs = readBlobs(ids, folder);
    index = historiesFromRawLog(changes, (id) => blobs.get(id));
  } catch {
    index = new Map();
  }
  cache.set(folder, index);
  return index;
}

/** A directive file's changes, newest first. Pass the MDX path (relative to cwd, or absolute). */
export function directiveHistory(filePath: string, cwd: string = process.cwd()): HistoryChange[] {
  const file = resolve(cwd, filePath);
  const directives = resolve(contentDir(), 'directives');
  const folder = file.startsWith(directives + sep) ? directives : dirname(file);
  if (!existsSync(folder)) return [];
  return historyIndex(folder).get(relative(folder, file).split(sep).join('/')) ?? [];
}

/**
 * The reader's sentence for one change, in Vietnamese: "Nhập vào lưu trữ.", "Sửa Số hiệu
 * (240-CV/TU → 204-CV/TU) và Người ký; sửa nội dung văn bản.", "Đánh dấu đã kiểm tra."
 */
export function describeChange(c: HistoryChange): string {
  if (c.imported) return 'Nhập vào lưu trữ (bản đầu tiên).';
  const parts: string[] = [];
  if (c.reviewedChange === 'checked') parts.push('Đánh dấu đã kiểm tra');
  if (c.reviewedChange === 'unchecked') parts.push('Bỏ đánh dấu đã kiểm tra');
  if (c.fields.length) {
    const names = c.fields.map((f) =>
      f.before !== null && f.after !== null ? `${f.label} (${f.before} → ${f.after})` : f.label,
    );
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names.at(-1)}` : names[0]!;
    parts.push(`Sửa ${list}`);
  }
  if (c.textChanged) parts.push(parts.length ? 'sửa nội dung văn bản' : 'Sửa nội dung văn bản');
  if (c.renamedFrom) parts.push(parts.length ? 'đổi tên tệp' : 'Đổi tên tệp');
  if (!parts.length) return 'Chỉnh cách trình bày tệp; thông tin và nội dung văn bản không đổi.';
  return `${parts.join('; ')}.`;
}
