/**
 * Builds the Pagefind search index as the last step of `astro build`. Instead of crawling the
 * HTML, it adds one custom record per directive, built from the content files
 * (src/lib/search/record.ts): folded forms for đ, number tokens, metadata, filters and a date
 * sort. It refuses a build in which a directive has no page.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { readSearchRecords } from '../lib/search/corpus.ts';
import { writeSearchIndex } from '../lib/search/indexer.ts';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // URLs are stored without the base path; the search page adds import.meta.env.BASE_URL.
        const records = await readSearchRecords(join(contentDir(), 'directives'), (id) => `/van-ban/${id}/`);
        const missing = records.filter((r) => !existsSync(join(outDir, r.url, 'index.html')));
        if (missing.length) {
          throw new Error(`Search index: no page built for ${missing.map((r) => r.url).join(', ')}`);
        }
        await writeSearchIndex(records, join(outDir, 'pagefind'));
        logger.info(`Pagefind indexed ${records.length} directives.`);
      },
    },
  };
}
