/**
 * Builds the Pagefind search index as the last step of a plain `astro build`
 * (src/lib/search/build-index.ts). `npm run build` runs it in its own process instead
 * (scripts/build.ts), which keeps Astro's memory out of the indexing step's peak.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { indexBuiltSite, searchIndexDeferred } from '../lib/search/build-index.ts';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (searchIndexDeferred()) {
          logger.info('Search index deferred to the indexing step of npm run build.');
          return;
        }
        const n = await indexBuiltSite(join(contentDir(), 'directives'), fileURLToPath(dir));
        logger.info(`Pagefind indexed ${n} directives.`);
      },
    },
  };
}
