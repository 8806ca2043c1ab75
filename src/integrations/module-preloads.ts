/**
 * Writes into the built pages listed the modulepreload links of their scripts' imports
 * (src/lib/site/module-preloads.ts), after Astro has written the site. The page is replaced
 * whole (written beside, then renamed): a page kept by the incremental build may share its
 * file with the build cache, which must keep the page as Astro rendered it.
 */
import type { AstroIntegration } from 'astro';
import { init } from 'es-module-lexer';
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withModulePreloads } from '../lib/site/module-preloads.ts';

/** Adds the links to `pages` (paths inside the output folder, e.g. "tim-kiem/index.html"). */
export function modulePreloads(pages: readonly string[]): AstroIntegration {
  let base = '/';
  return {
    name: 'archive:module-preloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        await init;
        const out = fileURLToPath(dir);
        // a script's URL is the site's: its file is under the output folder, less the base path
        const read = (path: string): string | null => {
          if (!path.startsWith(base)) return null;
          try {
            return readFileSync(join(out, path.slice(base.length)), 'utf8');
          } catch {
            return null;
          }
        };
        for (const page of pages) {
          const file = join(out, page);
          const html = await readFile(file, 'utf8');
          let next: string;
          try {
            next = withModulePreloads(html, read);
          } catch (e) {
            throw new Error(`${page} in the built site: ${(e as Error).message}`);
          }
          if (next === html) continue;
          const tmp = `${file}.${process.pid}.tmp`;
          await writeFile(tmp, next);
          await rename(tmp, file);
        }
      },
    },
  };
}
