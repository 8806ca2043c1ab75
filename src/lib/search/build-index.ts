/**
 * The search step of a build: search records from the content files, the Pagefind index written
 * into the built site, then the integrity rule (entries = directive pages = indexed pages,
 * src/lib/build-integrity.ts). `npm run build` runs it in its own process beside `astro build`
 * (scripts/search-index.ts): records are added while Astro renders, and the index is written
 * only after Astro has exited, without Astro's heap beside Pagefind's peak.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkBuild, type IntegrityReport } from '../build-integrity.ts';
import { searchRecords } from './corpus.ts';
import { writeSearchIndex } from './indexer.ts';
import { paths } from '../site/urls.ts';

/**
 * Index every directive of `directivesDir` into `<outDir>/pagefind`; returns how many.
 * `pagesReady`, when given, is awaited after the records are added and before the pages are
 * looked at and the index written: the records can be added while Astro is still rendering.
 */
export async function indexBuiltSite(
  directivesDir: string,
  outDir: string,
  pagesReady?: Promise<void>,
): Promise<number> {
  // URLs are stored without the base path; the search page adds import.meta.env.BASE_URL.
  const records = searchRecords(directivesDir, (id) => `/${paths.directive(id)}`);
  const written = await writeSearchIndex(records, join(outDir, 'pagefind'), async (all) => {
    await pagesReady;
    // Before Pagefind writes anything: a directive without its page fails the build.
    const missing = all.filter((r) => !existsSync(join(outDir, r.url, 'index.html')));
    if (missing.length) throw new Error(`Search index: no page built for ${missing.map((r) => r.url).join(', ')}`);
  });
  return written.length;
}

/** The integrity rule over a finished build; throws, with every problem listed, when violated. */
export async function assertBuildIntegrity(directivesDir: string, outDir: string): Promise<IntegrityReport> {
  const report = await checkBuild(directivesDir, outDir);
  if (!report.ok) {
    throw new Error(
      `Build integrity check failed, nothing may be dropped silently:\n- ${report.problems.join('\n- ')}`,
    );
  }
  return report;
}

export const integrityLine = (r: IntegrityReport): string =>
  `${r.entries} content entries = ${r.pages} directive pages = ${r.indexed} pages in the search index.`;
