/**
 * `npm run build` (after the content check): the one way the archive is built, by CI, the
 * deploy, the tests (scripts/bench/build.ts) and the benchmark: `astro build`, with the search
 * index in a separate process.
 *
 * 0. src/lib/checks/raw-gate.ts refuses raw files the site must not publish (links, missing
 *    files, changed bytes) before Astro starts; meanwhile scripts/warm-html-cache.ts renders the
 *    directive bodies missing from the HTML cache on all cores (Astro renders pages on one), so
 *    Astro's page phase mostly reads cached HTML.
 * 1. `astro build` with the per-route listing folded into a count (src/lib/build-log.ts);
 *    warnings and errors pass through.
 * 2. scripts/search-index.ts, in its own process started first: writes the search
 *    index's shards that are not in the build cache (src/lib/search/build-index.ts), one
 *    Pagefind process at a time, while the bodies are rendered and Astro builds; once Astro has
 *    exited it checks the pages, puts the index into the site and checks content entries =
 *    pages = indexed pages.
 *
 * The exit code is the first failing step's. A plain `astro build` makes the pages only: no
 * search index, no integrity check.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createRouteFolder } from '../src/lib/build-log.ts';
import { rawGate } from '../src/lib/checks/raw-gate.ts';
import { formatProblem } from '../src/lib/checks/format.ts';
import { astroHeapLimit } from '../src/lib/build-heap.ts';

const root = resolve(import.meta.dirname, '..');

function astroBuild(): Promise<number> {
  const child = spawn(
    process.execPath,
    [...astroHeapLimit(), resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
    {
      cwd: root,
      env: process.env,
      stdio: ['inherit', 'pipe', 'inherit'],
    },
  );
  const folder = createRouteFolder();
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    for (const out of folder.push(line)) process.stdout.write(`${out}\n`);
  });
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      for (const out of folder.flush()) process.stdout.write(`${out}\n`);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

function step(script: string, stdio: StdioOptions = 'inherit'): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(process.execPath, [resolve(root, script)], { cwd: root, env: process.env, stdio });
  const done = new Promise<number>((ok) => child.on('close', (code, signal) => ok(code ?? (signal ? 1 : 0))));
  return { child, done };
}

// The search step and the body warm-up read only the directive files and write only the build
// cache (shards, body HTML), never the site: they start at once, beside the raw-file gate (about
// 6 s at 10,000 directives, mostly waiting on reads). The search step writes the index's shards
// while the bodies are rendered and Astro builds (the warm-up leaves a core idle while it
// renders plain bodies in one thread; Astro renders pages on one core).
// (with a channel: it is told when the pages are ready)
const search = step('scripts/search-index.ts', ['inherit', 'inherit', 'inherit', 'ipc']);
const warm = step('scripts/warm-html-cache.ts');

// Raw files are published as they are: refuse links, missing files and changed bytes before
// Astro writes anything, whether or not `npm run check` ran (src/lib/checks/raw-gate.ts). A
// build stopped here saves no cache (CI and the deploy keep caches of passing jobs only).
const gate = await rawGate(resolve(root, process.env.CONTENT_DIR ?? 'content'));
if (gate.length) {
  search.child.kill();
  warm.child.kill();
  for (const p of gate) process.stderr.write(`${formatProblem(p)}\n\n`);
  process.stderr.write(
    `✘ Bản dựng dừng lại: ${gate.length} lỗi ở tệp gốc, chưa có gì được đăng. / ` +
      `The build stopped: ${gate.length} raw-file problem(s); nothing was published.\n`,
  );
  process.exit(1);
}
const warmed = await warm.done;
if (warmed !== 0) {
  search.child.kill();
  process.exit(warmed);
}
const built = await astroBuild();
if (built !== 0) {
  search.child.kill();
  process.exit(built);
}
if (search.child.connected) search.child.send('pages-ready');
process.exit(await search.done);
