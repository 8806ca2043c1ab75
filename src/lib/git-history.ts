/**
 * The archive's git history of one file, for "Lịch sử chỉnh sửa" and "last changed" on a
 * directive page. Tolerant: outside a git checkout, for an untracked file, or when git is
 * missing, the history is empty; in a shallow clone it is what the clone holds (CI fetches
 * full history for builds).
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

export interface HistoryEntry {
  /** commit date, ISO 8601 with offset ("2026-11-25T18:47:26+00:00") */
  date: string;
  /** first line of the commit message */
  message: string;
  /** full commit hash */
  hash: string;
}

// Unit and record separators: cannot appear in a subject line.
const US = '\x1f';
const RS = '\x1e';

export function parseGitLog(out: string): HistoryEntry[] {
  return out
    .split(RS)
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [hash = '', date = '', message = ''] = r.split(US);
      return { hash, date, message };
    })
    .filter((e) => /^[0-9a-f]{40,64}$/.test(e.hash));
}

/** Newest first. `--follow` keeps the history across renames (git mv). */
export function fileHistory(path: string): HistoryEntry[] {
  const abs = resolve(path);
  try {
    const out = execFileSync(
      'git',
      ['log', '--follow', `--format=%H${US}%cI${US}%s${RS}`, '--', abs],
      { cwd: dirname(abs), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * 1024 * 1024 },
    );
    return parseGitLog(out);
  } catch {
    return [];
  }
}

/** The date (YYYY-MM-DD) the file last changed in the archive, or null when git knows nothing of it. */
export function lastChanged(path: string): string | null {
  return fileHistory(path)[0]?.date.slice(0, 10) ?? null;
}
