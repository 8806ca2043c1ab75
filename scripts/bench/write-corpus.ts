/**
 * Writes a generated corpus to disk in the layout of `content/` (directives/, raw/), so a build
 * can be pointed at it with CONTENT_DIR. Refuses to write into a non-empty folder that is not a
 * previous corpus, so a mistyped --out can never clobber real content.
 */
import { mkdir, readdir, rm, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateCorpus } from './corpus.ts';

export const MARKER = 'bench-corpus.json';

export interface WriteResult {
  dir: string;
  count: number;
  seed: number;
  bytes: number;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

export async function writeCorpus(dir: string, count: number, seed: number): Promise<WriteResult> {
  if (await exists(dir)) {
    const entries = await readdir(dir);
    if (entries.length && !entries.includes(MARKER)) {
      throw new Error(`${dir} is not empty and is not a benchmark corpus (no ${MARKER}); choose another --out.`);
    }
    await rm(join(dir, 'directives'), { recursive: true, force: true });
    await rm(join(dir, 'raw'), { recursive: true, force: true });
  }
  const docs = generateCorpus(count, seed);
  const dirs = new Set<string>();
  for (const d of docs) for (const f of [d.mdx, d.raw]) dirs.add(dirname(join(dir, f.path)));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let bytes = 0;
  // Modest concurrency: fast on SSDs without exhausting file handles.
  const files = docs.flatMap((d) => [d.mdx, d.raw]);
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map((f) => {
        bytes += Buffer.byteLength(f.content);
        return writeFile(join(dir, f.path), f.content);
      }),
    );
  }
  await writeFile(join(dir, MARKER), `${JSON.stringify({ count, seed }, null, 2)}\n`);
  return { dir, count, seed, bytes };
}
