/**
 * Provenance at build time: where a raw file lives on disk, and the archive's git history of a
 * directive's MDX file ("Lịch sử chỉnh sửa"). Without git (a tarball, a shallow CI checkout)
 * the history is simply empty: the page says so instead of failing the build.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { contentDir } from '../content-dir.ts';

export interface HistoryEntry {
  /** ISO date of the commit (author date, YYYY-MM-DD) */
  date: string;
  hash: string;
  message: string;
}

/** Parse `git log --format=%H%x09%aI%x09%s` output. */
export function parseGitLog(out: string): HistoryEntry[] {
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [hash = '', date = '', ...msg] = l.split('\t');
      return { hash, date: date.slice(0, 10), message: msg.join('\t') };
    });
}

/**
 * Parse `git log -M --name-status --format=%x1e%H%x09%aI%x09%s` into each file's history, newest
 * first, following renames the way `git log --follow` does (history under an old name is
 * credited to the file's current name).
 */
export function parseGitLogByFile(out: string): Map<string, HistoryEntry[]> {
  const byFile = new Map<string, HistoryEntry[]>();
  const currentName = new Map<string, string>();
  for (const record of out.split('\x1e')) {
    const [header = '', ...lines] = record.split('\n');
    if (!header.trim()) continue;
    const [entry] = parseGitLog(header);
    if (!entry) continue;
    for (const line of lines) {
      const [status = '', a = '', b] = line.split('\t');
      if (!status || !a) continue;
      const path = status.startsWith('R') || status.startsWith('C') ? b! : a;
      const key = currentName.get(path) ?? path;
      const list = byFile.get(key) ?? [];
      list.push(entry);
      byFile.set(key, list);
      if (status.startsWith('R')) currentName.set(a, key);
    }
  }
  return byFile;
}

// One `git log` for the whole directives folder instead of one process per page: at 10,000
// directives, a spawn per page cost more than the rest of the page rendering together.
const historyCache = new Map<string, Map<string, HistoryEntry[]>>();

function historyIndex(dir: string, cwd: string): Map<string, HistoryEntry[]> {
  const key = `${cwd}\0${dir}`;
  let index = historyCache.get(key);
  if (!index) {
    try {
      const out = execFileSync('git', ['log', '-M', '--name-status', '--format=%x1e%H%x09%aI%x09%s', '--', dir], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      // git prints paths relative to the repository root; callers pass them relative to cwd.
      const prefix = relative(top, resolve(cwd)).split(sep).join('/');
      const raw = parseGitLogByFile(out);
      index = new Map(
        [...raw].map(([p, h]) => [prefix && p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : p, h]),
      );
    } catch {
      index = new Map();
    }
    historyCache.set(key, index);
  }
  return index;
}

export function gitHistory(filePath: string, cwd: string = process.cwd()): HistoryEntry[] {
  const root = resolve(cwd);
  const rel = relative(root, resolve(root, filePath)).split(sep).join('/');
  const directives = relative(root, resolve(contentDir(), 'directives')).split(sep).join('/') || '.';
  const slash = rel.lastIndexOf('/');
  const dir = rel.startsWith(`${directives}/`) ? directives : slash > 0 ? rel.slice(0, slash) : '.';
  return historyIndex(dir, root).get(rel) ?? [];
}

/** "content/raw/x.txt" (as stored in frontmatter) -> absolute path under the content folder. */
export function rawFilePath(raw: string, root: string = contentDir()): string {
  const rel = raw.replace(/^content\/raw\//, '');
  const abs = resolve(root, 'raw', rel);
  if (!abs.startsWith(resolve(root, 'raw') + sep)) throw new Error(`Raw path escapes content/raw: ${raw}`);
  return abs;
}

/** Every file under <content>/raw, as paths relative to it with "/" separators. */
export function listRawFiles(root: string = contentDir()): string[] {
  const base = resolve(root, 'raw');
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(base, p).split(sep).join('/'));
    }
  };
  walk(base);
  return out;
}
