/**
 * `npm run bench [-- --sizes 1000,10000 --seed 1 --label NAME --no-rebuild --rebuild-compare --no-import]`
 *
 * For each corpus size: generate the corpus (cached in .tmp/bench/), time the importer, run a
 * full `npm run build` (scripts/build.ts: astro build, then the search index) in a child process
 * under /usr/bin/time -v (wall time, peak memory, time and memory per phase, output size, pages
 * per second, log noise), rebuild after adding one
 * directive (Astro's incremental build keeps unchanged pages; `--rebuild-compare` also rebuilds
 * with every page rendered, INCREMENTAL_BUILD=0, and times restoring the kept pages), weigh
 * directive pages, and run the search measurements. Writes
 * bench-results/latest.json and bench-results/latest.md and prints the table.
 * One build at a time: the machine is shared.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus, MARKER } from './bench/write-corpus.ts';
import { writePlainSite } from './bench/plain-site.ts';
import { benchImport as runImportBench } from './bench/import.ts';
import { runMeasured, treeStats, type MeasuredRun } from './bench/measure.ts';
import { pageWeight } from './bench/page-weight.ts';
import { machine, toMarkdown, type BenchResults, type BuildResult, type SizeResult } from './bench/report.ts';
import { listDirectivePages } from '../src/lib/build-integrity.ts';
import { runImportAttacks } from './bench-import-attacks.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: '1' },
    label: { type: 'string', default: 'current' },
    'no-rebuild': { type: 'boolean', default: false },
    'rebuild-compare': { type: 'boolean', default: false },
    'no-import': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-plain': { type: 'boolean', default: false },
    echo: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((x) => Number(x.trim()));
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed)) {
  console.error(
    'Usage: npm run bench -- [--sizes 1000,10000] [--seed N] [--label NAME] [--no-rebuild] [--no-search] [--echo]',
  );
  process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench: /usr/bin/time is missing; install GNU time (Debian: apt-get install time).');
  process.exit(2);
}

const node = process.execPath;
const work = join(root, '.tmp/bench');

async function ensureCorpus(count: number): Promise<string> {
  const dir = join(work, `corpus-${count}-seed${seed}`);
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const m = JSON.parse(await readFile(marker, 'utf8')) as { count: number; seed: number };
    if (m.count === count && m.seed === seed) return dir;
  }
  console.log(`Generating ${count} directives (seed ${seed}) in ${dir}`);
  await writeCorpus(dir, count, seed);
  return dir;
}

async function build(
  contentDir: string,
  outDir: string,
  cacheDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<MeasuredRun> {
  // npm run build's wrapper: astro build, then the search index in its own process.
  return runMeasured(node, [join(root, 'scripts/build.ts')], {
    cwd: root,
    echo: values.echo,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      ...extraEnv,
    },
  });
}

/** Routes written and routes kept from the previous build, from the folded log (src/lib/build-log.ts). */
function routeCounts(log: string): { routes: number; kept: number } {
  const m = /… ([\d,]+) routes written(?:, ([\d,]+) of them kept from the previous build)?/.exec(log);
  const n = (x: string | undefined): number => Number((x ?? '0').replace(/,/g, ''));
  return { routes: n(m?.[1]), kept: n(m?.[2]) };
}

/**
 * What restoring the kept pages costs: copy every page of the incremental cache (<cache>/dist)
 * one at a time, as Astro restores them (mkdir + copyFile), into a scratch folder.
 */
async function timeRestore(cacheDir: string, scratch: string): Promise<{ files: number; seconds: number }> {
  const from = join(cacheDir, 'dist');
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(from.length + 1));
  await rm(scratch, { recursive: true, force: true });
  const made = new Set<string>();
  const t0 = performance.now();
  for (const f of files) {
    const dir = dirname(join(scratch, f));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await copyFile(join(from, f), join(scratch, f));
  }
  const seconds = (performance.now() - t0) / 1000;
  await rm(scratch, { recursive: true, force: true });
  return { files: files.length, seconds };
}

async function summarise(run: MeasuredRun, outDir: string): Promise<BuildResult> {
  const stats = existsSync(outDir) ? await treeStats(outDir) : { files: 0, bytes: 0 };
  const pages = (await listDirectivePages(outDir)).length;
  const logLines = run.log.split('\n').filter((l) => l.trim()).length;
  if (!run.ok) console.error(run.log.split('\n').slice(-40).join('\n'));
  return {
    ok: run.ok,
    wallSeconds: run.wallSeconds,
    osMaxRssMiB: run.osMaxRssMiB,
    cpuSeconds: run.cpuSeconds,
    sampledPeakRssMiB: run.sampledPeakRssMiB,
    phases: run.phases,
    outputFiles: stats.files,
    outputBytes: stats.bytes,
    directivePages: pages,
    pagesPerSecond: pages / run.wallSeconds,
    warningLines: run.warnings.length,
    logLinesPerPage: pages ? logLines / pages : 0,
  };
}

/** Time the importer (scripts/bench/import.ts: the pure pipeline, no disk writes) over the corpus's raw files. */
async function benchImport(contentDir: string): Promise<SizeResult['import']> {
  const files = (await readdir(join(contentDir, 'raw'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const t0 = performance.now();
  runImportBench(files, 1);
  const seconds = (performance.now() - t0) / 1000;
  return { ok: true, seconds, docsPerSecond: files.length / seconds };
}

/** The yardstick: a plain Astro + MDX + Pagefind site (scripts/bench/plain-site.ts) on the same MDX, clean. */
async function buildPlain(count: number, contentDir: string): Promise<BuildResult> {
  const dir = join(work, 'plain-site');
  const outDir = join(work, `plain-dist-${count}`);
  const cacheDir = join(work, `plain-cache-${count}`);
  await rm(outDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  const script = await writePlainSite(dir);
  const run = await runMeasured(node, [script], {
    cwd: dir,
    echo: values.echo,
    env: {
      ...process.env,
      PLAIN_DIRECTIVES: join(contentDir, 'directives'),
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
  });
  const result = await summarise(run, outDir);
  await rm(outDir, { recursive: true, force: true });
  return result;
}

interface SearchBenchShape {
  relevance: { archive: { mrr: number; top1: number }; plain: { mrr: number; top1: number }; queries: number };
  speed: {
    directives: number;
    summary: { query: string; mode: string; searchMs: number; maxSearchMs: number; bytes: number; requests: number }[];
  };
}

/** The search engineer's measurements (scripts/bench-search.ts, `runSearchBench`) on this corpus. */
async function benchSearch(count: number, contentDir: string): Promise<SizeResult['search']> {
  const script = join(root, 'scripts/bench-search.ts');
  if (!existsSync(script)) return { ok: false, note: 'scripts/bench-search.ts not present' };
  const { runSearchBench } = (await import(pathToFileURL(script).href)) as {
    runSearchBench?: (o: { count?: number; corpus?: string }) => Promise<SearchBenchShape>;
  };
  if (typeof runSearchBench !== 'function') return { ok: false, note: 'runSearchBench not exported' };
  const r = await runSearchBench({ count, corpus: contentDir });
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const mrr = `${r.relevance.archive.mrr.toFixed(3)} / ${r.relevance.plain.mrr.toFixed(3)}`;
  const metrics: Record<string, string> = {
    [`relevance, ${r.relevance.queries} queries: MRR archive / plain Pagefind`]: mrr,
    'relevance: top-1 archive / plain Pagefind': `${pct(r.relevance.archive.top1)} / ${pct(r.relevance.plain.top1)}`,
  };
  for (const x of r.speed.summary) {
    metrics[`"${x.query}" (${x.mode}): time to results, median (max) / fetched`] =
      `${x.searchMs.toFixed(0)} (${x.maxSearchMs.toFixed(0)}) ms / ` +
      `${(x.bytes / 1024).toFixed(0)} KiB in ${x.requests} requests`;
  }
  return { ok: true, metrics };
}

/** Add a copy of one directive under a new name: the archivist's most common change. */
async function addOneDirective(contentDir: string): Promise<() => Promise<void>> {
  const dir = join(contentDir, 'directives', 'ha-noi');
  const first = (await readdir(dir)).filter((f) => f.endsWith('.mdx')).sort()[0]!;
  const target = join(dir, first.replace(/\.mdx$/, '-bench-added.mdx'));
  await copyFile(join(dir, first), target);
  const text = await readFile(target, 'utf8');
  await writeFile(target, text.replace(/^title: (.*)$/m, 'title: $1 (bản bổ sung)'));
  return () => rm(target, { force: true });
}

async function weigh(outDir: string): Promise<SizeResult['pageWeight']> {
  const pages = await listDirectivePages(outDir);
  if (!pages.length) return null;
  // Every page for small corpora; an even sample of 500 for large ones (plus the largest files).
  const step = Math.max(1, Math.floor(pages.length / 500));
  const sample = pages.filter((_, i) => i % step === 0);
  const weights = await Promise.all(sample.map((id) => pageWeight(outDir, `van-ban/${id}/index.html`)));
  const totals = weights.map((w) => w.htmlBytes + w.cssBytes).sort((a, b) => a - b);
  const gz = weights.map((w) => w.gzipBytes).sort((a, b) => a - b);
  return {
    medianHtmlCssBytes: totals[totals.length >> 1]!,
    maxHtmlCssBytes: totals[totals.length - 1]!,
    medianGzipBytes: gz[gz.length >> 1]!,
    maxGzipBytes: gz[gz.length - 1]!,
    sampled: weights.length,
  };
}

// the importer on the inputs that used to hang it (a few seconds; bench-results/import-attacks.json)
if (!values['no-import']) await runImportAttacks(root);

const results: BenchResults = { label: values.label, machine: machine(), sizes: [] };
for (const count of sizes) {
  const contentDir = await ensureCorpus(count);
  const outDir = join(work, `dist-${count}`);
  const cacheDir = join(work, `cache-${count}`);
  const corpus = await treeStats(contentDir);
  console.log(`\n== ${count} directives: import`);
  const imp = values['no-import']
    ? { ok: false, note: '--no-import' }
    : await benchImport(contentDir).catch((e: Error) => ({ ok: false, note: `failed: ${e.message}` }));
  console.log(`== ${count} directives: full build (clean cache)`);
  await rm(outDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  const full = await summarise(await build(contentDir, outDir, cacheDir), outDir);
  console.log(`   ${full.ok ? 'ok' : 'FAILED'} in ${full.wallSeconds.toFixed(1)} s, ${full.osMaxRssMiB} MiB`);
  const weight = full.ok ? await weigh(outDir) : null;
  let rebuildOne: BuildResult | null = null;
  if (full.ok && !values['no-rebuild']) {
    console.log(`== ${count} directives: rebuild after adding one directive`);
    const undo = await addOneDirective(contentDir);
    // As in CI and the deploy: the build cache is kept (actions/cache, withastro/action), the
    // output folder is not.
    await rm(outDir, { recursive: true, force: true });
    try {
      const run = await build(contentDir, outDir, cacheDir);
      rebuildOne = await summarise(run, outDir);
      const { routes, kept } = routeCounts(run.log);
      const phases = run.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ');
      const cpu = rebuildOne.cpuSeconds?.toFixed(1);
      console.log(
        `   ${rebuildOne.ok ? 'ok' : 'FAILED'} in ${rebuildOne.wallSeconds.toFixed(1)} s, CPU ${cpu} s: ${phases}`,
      );
      console.log(
        `   ${kept.toLocaleString('en')} of ${routes.toLocaleString('en')} routes kept from the previous build`,
      );
      if (values['rebuild-compare'] && rebuildOne.ok) {
        const restore = await timeRestore(cacheDir, join(work, `restore-${count}`));
        console.log(
          `   restoring ${restore.files.toLocaleString('en')} kept files alone: ${restore.seconds.toFixed(1)} s`,
        );
        console.log(`== ${count} directives: the same rebuild with every page rendered (INCREMENTAL_BUILD=0)`);
        await rm(outDir, { recursive: true, force: true });
        const every = await build(contentDir, outDir, cacheDir, { INCREMENTAL_BUILD: '0' });
        const everyPhases = every.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ');
        console.log(
          `   ${every.ok ? 'ok' : 'FAILED'} in ${every.wallSeconds.toFixed(1)} s, ` +
            `CPU ${every.cpuSeconds?.toFixed(1)} s: ${everyPhases}`,
        );
      }
    } finally {
      await undo();
    }
  }
  let plain: BuildResult | null = null;
  if (!values['no-plain']) {
    console.log(`== ${count} directives: plain Astro + MDX + Pagefind site, same MDX (clean)`);
    plain = await buildPlain(count, contentDir);
    console.log(`   ${plain.ok ? 'ok' : 'FAILED'} in ${plain.wallSeconds.toFixed(1)} s, ${plain.osMaxRssMiB} MiB`);
  }
  console.log(`== ${count} directives: search`);
  const search = values['no-search']
    ? { ok: false, note: '--no-search' }
    : await benchSearch(count, contentDir).catch((e: Error) => ({
        ok: false,
        note: `failed: ${e.message.split('\n')[0]}`,
      }));
  results.sizes.push({
    count,
    seed,
    corpusBytes: corpus.bytes,
    import: imp,
    build: full,
    rebuildOne,
    plain,
    pageWeight: weight,
    search,
  });
}

const table = toMarkdown(results);
await mkdir(join(root, 'bench-results'), { recursive: true });
await writeFile(join(root, 'bench-results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(root, 'bench-results/latest.md'), table);
console.log(`\n${table}`);
console.log('Written: bench-results/latest.json, bench-results/latest.md');
if (results.sizes.some((x) => !x.build?.ok)) process.exit(1);
