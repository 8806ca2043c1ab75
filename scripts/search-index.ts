/**
 * The search step of `npm run build`, in its own process: writes <outDir>/pagefind from the
 * content files, then fails (exit 1) unless content entries = directive pages = indexed pages.
 * Honours CONTENT_DIR and OUT_DIR.
 *
 * Started by scripts/build.ts beside `astro build` (with an IPC channel), it builds the records
 * and feeds them to Pagefind while Astro renders (each mostly on one core), then waits for the
 * message "pages-ready" before looking at the pages and writing the index. Run alone, it indexes
 * an existing build straight away.
 */
import { resolve, join } from 'node:path';
import { contentDir } from '../src/lib/content-dir.ts';
import { assertBuildIntegrity, indexBuiltSite, integrityLine } from '../src/lib/search/build-index.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const directives = join(contentDir(), 'directives');

const pagesReady: Promise<void> | undefined = process.send
  ? new Promise((ready) =>
      process.once('message', (m) => {
        if (m === 'pages-ready') ready();
        process.disconnect?.();
      }),
    )
  : undefined;
let t0 = performance.now();
pagesReady?.then(() => {
  // the bench's phase split starts the search phase here
  console.log('[archive:search-index] Indexing directives for search (records added while Astro rendered)');
  t0 = performance.now();
});
if (!pagesReady) console.log('[archive:search-index] Indexing directives for search');
try {
  const n = await indexBuiltSite(directives, outDir, pagesReady);
  console.log(
    `[archive:search-index] Pagefind indexed ${n} directives (${((performance.now() - t0) / 1000).toFixed(1)} s).`,
  );
  const report = await assertBuildIntegrity(directives, outDir);
  console.log(`[archive:build-integrity] ${integrityLine(report)}`);
} catch (e) {
  console.error(`[archive:search-index] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
