/**
 * Provenance at build time: where a raw source lives on disk and which raw files exist. (The
 * git history of a directive's file comes from src/lib/git-history.ts.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { contentDir } from '../content-dir.ts';

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
