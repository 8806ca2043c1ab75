/**
 * The search step of `npm run build`, in its own process after `astro build` has exited:
 * writes <outDir>/pagefind from the content files, then fails (exit 1) unless
 * content entries = directive pages = indexed pages. Honours CONTENT_DIR and OUT_DIR.
 */
import { resolve, join } from 'node:path';
import { contentDir } from '../src/lib/content-dir.ts';
import { assertBuildIntegrity, indexBuiltSite, integrityLine } from '../src/lib/search/build-index.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const directives = join(contentDir(), 'directives');
const t0 = performance.now();
const stamp = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
try {
  console.log('[archive:search-index] Indexing directives for search');
  const n = await indexBuiltSite(directives, outDir);
  console.log(`[archive:search-index] Pagefind indexed ${n} directives (${stamp()}).`);
  const report = await assertBuildIntegrity(directives, outDir);
  console.log(`[archive:build-integrity] ${integrityLine(report)}`);
} catch (e) {
  console.error(`[archive:search-index] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
