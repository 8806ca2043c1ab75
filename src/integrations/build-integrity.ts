/**
 * Fails `astro build` when a directive went missing between the content folder, the pages and
 * the search index (src/lib/build-integrity.ts). Must run after the Pagefind integration.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { checkBuild } from '../lib/build-integrity.ts';

export function buildIntegrity(): AstroIntegration {
  return {
    name: 'archive:build-integrity',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await checkBuild(join(contentDir(), 'directives'), fileURLToPath(dir));
        if (!report.ok) {
          throw new Error(`Build integrity check failed, nothing may be dropped silently:\n- ${report.problems.join('\n- ')}`);
        }
        logger.info(`${report.entries} content entries = ${report.pages} directive pages = ${report.indexed} pages in the search index.`);
      },
    },
  };
}
