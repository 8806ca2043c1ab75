/**
 * Renders the directive bodies that are not yet in the on-disk HTML cache
 * (src/lib/directive-content.ts) on every core, before `astro build` starts. Astro renders pages
 * one at a time on one core; with the cache warm its page phase only reads the HTML. Same
 * renderer, same cache key, so the pages come out the same as without this step.
 *
 * A body that fails to render is skipped here: the page then renders it in Astro, which reports
 * the error with the file and line as before. Honours CONTENT_DIR and CACHE_DIR.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { contentDir } from '../src/lib/content-dir.ts';
import { loadDirectiveContent } from '../src/lib/directive-content.ts';
import { directiveFilePath, listDirectiveFiles } from '../src/lib/entry-id.ts';

async function renderAll(files: string[]): Promise<number> {
  let failed = 0;
  for (const f of files) await loadDirectiveContent(f).catch(() => failed++);
  return failed;
}

if (isMainThread) {
  const dir = join(contentDir(), 'directives');
  const files = listDirectiveFiles(dir).map((rel) => directiveFilePath(dir, rel));
  const n = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / 200)));
  const t0 = performance.now();
  console.log(`[archive:html-cache] Rendering directive bodies not yet cached, ${n} threads`);
  const failed = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const share = files.filter((_, k) => k % n === i);
      return new Promise<number>((done, fail) => {
        const w = new Worker(new URL(import.meta.url), { workerData: share });
        w.once('message', done);
        w.once('error', fail);
      });
    }),
  );
  const skipped = failed.reduce((a, b) => a + b, 0);
  console.log(
    `[archive:html-cache] ${files.length} directive bodies ready in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${n} threads` +
      (skipped ? ` (${skipped} left for the page build to report)` : ''),
  );
} else {
  parentPort!.postMessage(await renderAll(workerData as string[]));
}
