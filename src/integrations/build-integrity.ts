/**
 * Fails a plain `astro build` when a directive went missing between the content folder, the
 * pages and the search index (src/lib/build-integrity.ts). Must run after the Pagefind
 * integration. Under `npm run build` the check runs after the deferred indexing step instead.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { assertBuildIntegrity, integrityLine, searchIndexDeferred } from '../lib/search/build-index.ts';

export function buildIntegrity(): AstroIntegration {
  return {
    name: 'archive:build-integrity',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (searchIndexDeferred()) return;
        const report = await assertBuildIntegrity(join(contentDir(), 'directives'), fileURLToPath(dir));
        logger.info(integrityLine(report));
      },
    },
  };
}
