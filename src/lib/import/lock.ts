/**
 * One import at a time per archive: `<content>/.import.lock` is created exclusively for the
 * length of an import and removed after it. A second import waits for the first (saying so),
 * takes over a lock whose process has died, and gives up with a clear message after a while.
 * While the lock is held no other import writes, so temporary files found then are leftovers of
 * an interrupted run and are removed.
 */
import {
  type Dirent,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ImportError } from './errors.ts';

export const LOCK_FILE = '.import.lock';
/** Temporary files of atomic writes: `.import-<pid>-<random>.tmp`, beside their target. */
export const TEMP_FILE = /^\.import-\d+-[0-9a-f]+\.tmp$/;
/** The earlier naming (`.<name>.<pid>.<random>.tmp`), cleaned up too. */
const OLD_TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

interface Holder {
  pid: number;
  host: string;
  started: string;
}

export interface LockOptions {
  /** how long to wait for another import (default 10 minutes) */
  waitMs?: number | undefined;
  /** one line for the archivist (waiting, cleaned-up files) */
  log?: ((line: string) => void) | undefined;
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Whether the process that holds the lock is gone (only knowable on the same machine). */
function isStale(path: string, holder: Holder | null): boolean {
  if (!holder) {
    // unreadable: a run killed between creating and filling the file, or one filling it now
    try {
      return Date.now() - statSync(path).mtimeMs > 10_000;
    } catch {
      return true;
    }
  }
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies Holder),
      );
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Remove temporary files an interrupted import left under `dir`; returns their paths. */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (TEMP_FILE.test(e.name) || OLD_TEMP_FILE.test(e.name))) {
        try {
          unlinkSync(p);
          removed.push(p);
        } catch {
          // gone already
        }
      }
    }
  };
  walk(dir);
  return removed;
}

/**
 * Take the archive's import lock; returns the function that releases it.
 * @throws ImportError when another import still holds it after `waitMs`
 */
export function lockArchive(contentDir: string, opts: LockOptions = {}): () => void {
  const path = join(contentDir, LOCK_FILE);
  const waitMs = opts.waitMs ?? 10 * 60_000;
  mkdirSync(contentDir, { recursive: true });
  const start = Date.now();
  let told = false;
  while (!tryCreate(path)) {
    const holder = readHolder(path);
    if (isStale(path, holder)) {
      // only the lock judged stale is removed, not one another waiting import has just taken
      if (JSON.stringify(readHolder(path)) === JSON.stringify(holder)) {
        opts.log?.(
          `import: an earlier import (pid ${holder?.pid ?? '?'}) stopped without finishing; taking over its lock.`,
        );
        try {
          unlinkSync(path);
        } catch {
          // another waiting import took it over first
        }
      }
      continue;
    }
    if (Date.now() - start >= waitMs) {
      throw new ImportError(
        `${path}: another import (pid ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}, ` +
          `started ${holder?.started ?? '?'}) is still running; nothing was imported. Wait for it to finish ` +
          `and run the import again; if no import is running, delete ${path}.`,
      );
    }
    if (!told) {
      opts.log?.(
        `import: waiting for another import of this archive to finish (pid ${holder?.pid ?? '?'}, ` +
          `started ${holder?.started ?? '?'})…`,
      );
      told = true;
    }
    sleep(200);
  }
  for (const p of removeStaleTempFiles(contentDir))
    opts.log?.(`import: removed ${p}, a temporary file left by an interrupted import.`);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    try {
      unlinkSync(path);
    } catch {
      // already removed by hand
    }
  };
}
