/**
 * Renders the directive bodies that are not yet in the on-disk HTML cache
 * (src/lib/directive-content.ts) before `astro build` starts, so Astro's page phase (one page at
 * a time, on one core) only reads the HTML. Same renderer, same cache key: the pages come out the
 * same as without this step.
 *
 * Plain bodies (src/lib/plain-body-html.ts) and cache hits are handled here, in one thread; only
 * the bodies that need the Markdown pipeline go to worker threads, one per core, and only when
 * there are enough of them to pay for starting the pipeline twice.
 *
 * A body that fails to render is skipped here: the page then renders it in Astro, which reports
 * the error with the file and line as before. Honours CONTENT_DIR and CACHE_DIR.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { contentDir } from '../src/lib/content-dir.ts';
import { loadDirectiveContent, warmPlainContent } from '../src/lib/directive-content.ts';
import { directiveFilePath, listDirectiveFiles } from '../src/lib/entry-id.ts';

/** Below this many bodies for the pipeline, one thread renders them (a worker costs ~1 s to start). */
const PER_WORKER = 200;

async function renderAll(files: string[]): Promise<number> {
  let failed = 0;
  for (const f of files) await loadDirectiveContent(f).catch(() => failed++);
  return failed;
}

if (isMainThread) {
  const dir = join(contentDir(), 'directives');
  const files = listDirectiveFiles(dir).map((rel) => directiveFilePath(dir, rel));
  const t0 = performance.now();
  console.log('[archive:html-cache] Rendering directive bodies not yet cached');
  const counts = { cached: 0, plain: 0, pipeline: 0 };
  const pipeline: string[] = [];
  let failed = 0;
  for (const f of files) {
    const state = await warmPlainContent(f).catch(() => 'failed' as const);
    if (state === 'failed') failed++;
    else counts[state]++;
    if (state === 'pipeline') pipeline.push(f);
  }
  const n = Math.max(1, Math.min(availableParallelism(), Math.floor(pipeline.length / PER_WORKER)));
  if (n === 1) failed += await renderAll(pipeline);
  else {
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const share = pipeline.filter((_, k) => k % n === i);
        return new Promise<number>((done, fail) => {
          const w = new Worker(new URL(import.meta.url), { workerData: share });
          w.once('message', done);
          w.once('error', fail);
        });
      }),
    );
    failed += results.reduce((a, b) => a + b, 0);
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const threads = `${n} thread${n > 1 ? 's' : ''}`;
  const left = failed ? ` (${failed} left for the page build to report)` : '';
  console.log(
    `[archive:html-cache] ${files.length} directive bodies ready in ${seconds} s: ${counts.cached} cached, ` +
      `${counts.plain} plain, ${counts.pipeline} through the Markdown pipeline on ${threads}${left}`,
  );
} else {
  parentPort!.postMessage(await renderAll(workerData as string[]));
}
