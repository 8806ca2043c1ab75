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

export function gitHistory(filePath: string, cwd: string = process.cwd()): HistoryEntry[] {
  try {
    const out = execFileSync('git', ['log', '--follow', '--format=%H%x09%aI%x09%s', '--', filePath], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseGitLog(out);
  } catch {
    return [];
  }
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
