/**
 * The search step of a build: search records from the content files, the Pagefind index written
 * into the built site, then the integrity rule (entries = directive pages = indexed pages,
 * src/lib/build-integrity.ts). `npm run build` runs it in its own process after `astro build`
 * has exited (scripts/search-index.ts), so Astro's heap is gone before indexing starts; a plain
 * `astro build` runs it inside Astro through the integrations in src/integrations/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkBuild, type IntegrityReport } from '../build-integrity.ts';
import { searchRecords } from './corpus.ts';
import type { SearchRecord } from './record.ts';
import { writeSearchIndex } from './indexer.ts';

/** Set by scripts/build.ts for its `astro build` child: the integrations leave indexing to it. */
export const DEFER_ENV = 'ARCHIVE_DEFER_SEARCH_INDEX';
export const searchIndexDeferred = (): boolean => process.env[DEFER_ENV] === '1';

/** Index every directive of `directivesDir` into `<outDir>/pagefind`; returns how many. */
export async function indexBuiltSite(directivesDir: string, outDir: string): Promise<number> {
  // URLs are stored without the base path; the search page adds import.meta.env.BASE_URL.
  const missing: string[] = [];
  async function* withPages(): AsyncGenerator<SearchRecord> {
    for await (const r of searchRecords(directivesDir, (id) => `/van-ban/${id}/`)) {
      if (existsSync(join(outDir, r.url, 'index.html'))) yield r;
      else missing.push(r.url);
    }
    // Before Pagefind writes anything: a directive without its page fails the build.
    if (missing.length) throw new Error(`Search index: no page built for ${missing.join(', ')}`);
  }
  return (await writeSearchIndex(withPages(), join(outDir, 'pagefind'))).length;
}

/** The integrity rule over a finished build; throws, with every problem listed, when violated. */
export async function assertBuildIntegrity(directivesDir: string, outDir: string): Promise<IntegrityReport> {
  const report = await checkBuild(directivesDir, outDir);
  if (!report.ok) {
    throw new Error(`Build integrity check failed, nothing may be dropped silently:\n- ${report.problems.join('\n- ')}`);
  }
  return report;
}

export const integrityLine = (r: IntegrityReport): string =>
  `${r.entries} content entries = ${r.pages} directive pages = ${r.indexed} pages in the search index.`;
