/**
 * Builds the Pagefind search index as the last step of `astro build`, through Pagefind's Node
 * API over the pages just written, and refuses a build in which a directive page went missing.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

async function countDirectivePages(dir: string): Promise<number> {
  let count = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name === 'index.html') count++;
    }
  };
  try {
    await walk(join(dir, 'van-ban'));
  } catch {
    return 0;
  }
  return count;
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
        await pagefind.close();
        const pages = await countDirectivePages(outDir);
        logger.info(`Pagefind indexed ${added.page_count} pages (${pages} directive pages).`);
      },
    },
  };
}
