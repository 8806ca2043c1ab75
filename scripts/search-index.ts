/**
 * The search step of `npm run build`, in its own process: writes <outDir>/pagefind from the
 * content files, then fails (exit 1) unless content entries = directive pages = indexed pages.
 * Honours CONTENT_DIR, OUT_DIR and CACHE_DIR (where shards are cached).
 *
 * Started by scripts/build.ts beside `astro build` (with an IPC channel), it writes the index's
 * shards that are not in the build cache while Astro renders (each mostly on one core), then
 * waits for the message "pages-ready" before looking at the pages and putting the index into
 * the site (src/lib/search/build-index.ts). Run alone, it indexes an existing build straight away.
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
  console.log('[archive:search-index] Indexing directives for search (shards written while Astro rendered)');
  t0 = performance.now();
});
if (!pagesReady) console.log('[archive:search-index] Indexing directives for search');
try {
  const { directives: n, shards } = await indexBuiltSite(directives, outDir, pagesReady);
  const written = shards.filter((s) => !s.cached);
  const list = written.map((s) => `${s.pages} in ${s.seconds.toFixed(1)} s`).join(', ');
  console.log(
    `[archive:search-index] Pagefind indexed ${n} directives in ${shards.length} shard(s): ` +
      `${written.length} written (${list || 'none'}), ` +
      `${shards.length - written.length} unchanged, copied from the build cache ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s after the pages were ready).`,
  );
  const report = await assertBuildIntegrity(directives, outDir);
  console.log(`[archive:build-integrity] ${integrityLine(report)}`);
} catch (e) {
  console.error(`[archive:search-index] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
