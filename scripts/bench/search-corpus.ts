/**
 * The relevance test corpus: the repository's directives (the seeds) plus the search fixtures
 * (tests/fixtures/search-content), copied into one content folder a build can point at with
 * CONTENT_DIR. Nothing is written into the repository's content/.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/search-content');

export async function assembleCorpus(
  dest: string,
  sources: string[] = [resolve(ROOT, 'content'), FIXTURES],
): Promise<string> {
  await rm(dest, { recursive: true, force: true });
  for (const sub of ['directives', 'raw']) {
    await mkdir(resolve(dest, sub), { recursive: true });
    for (const src of sources) {
      if (!existsSync(resolve(src, sub))) continue;
      await cp(resolve(src, sub), resolve(dest, sub), {
        recursive: true,
        // Two sources with the same file would silently shadow one another: refuse.
        filter: (from, to) => {
          if (from !== resolve(src, sub) && existsSync(to) && !statSync(to).isDirectory()) {
            throw new Error(`Corpus: ${from} would overwrite ${to}`);
          }
          return true;
        },
      });
    }
  }
  return dest;
}
