/**
 * The search step of a build: search records from the content files, the Pagefind index written
 * into the built site in shards (src/lib/search/shards.ts), then the integrity rule (entries =
 * directive pages = indexed pages, src/lib/build-integrity.ts). `npm run build` runs it in its
 * own process beside `astro build` (scripts/search-index.ts).
 *
 * Each shard is written into the build cache (CACHE_DIR/search-shards/<key>/), keyed by what its
 * files are made from: the shard's directive files (URL and bytes), the code that makes records
 * (src/lib), the locked dependencies (Pagefind's version among them), Node's version and the
 * indexer's settings. A shard whose key is cached is not indexed again. Shards are written while
 * Astro renders (Astro uses one core, the search step the other); only once Astro has exited
 * are the pages checked and the shards copied into <out>/pagefind, in one rename.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkBuild, type IntegrityReport } from '../build-integrity.ts';
import { directiveFilePath, entryId, listDirectiveFiles } from '../entry-id.ts';
import {
  chunkSizeFor,
  copyShardFiles,
  indexerSettings,
  partialPath,
  replaceIndex,
  splitIntoShards,
  writeIndexFiles,
  writePagefindShard,
  type PlacedShard,
} from './indexer.ts';
import { searchRecordOf } from './corpus.ts';
import type { SearchRecord } from './record.ts';
import { shardCount, shardPath, summariseShard, type ShardSummary } from './shards.ts';
import { paths } from '../site/urls.ts';

/** Bumped when the layout of a cached shard changes. */
const SHARD_CACHE_FORMAT = 1;
const SUMMARY_FILE = 'shard.json';
const PAGEFIND_DIR = 'pagefind';

const libDir = resolve(import.meta.dirname, '..');
const projectRoot = resolve(libDir, '../..');

export function shardCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.CACHE_DIR ?? 'node_modules/.astro'), 'search-shards');
}

/** What every shard's files depend on besides its own directives. */
async function fingerprint(shards: number): Promise<string> {
  const h = createHash('sha256');
  h.update(`format ${SHARD_CACHE_FORMAT}\0node ${process.version}\0${indexerSettings(shards)}\0`);
  // Records are made by code under src/lib only (the reader, the schema, the Vietnamese text
  // handling, the record): all of it, so that no change there can leave a stale shard.
  const sources = (await readdir(libDir, { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const f of sources)
    h.update(f)
      .update('\0')
      .update(await readFile(join(libDir, f)))
      .update('\0');
  for (const f of ['package-lock.json', 'node_modules/pagefind/package.json']) {
    h.update(await readFile(join(projectRoot, f)).catch(() => Buffer.from('none'))).update('\0');
  }
  return h.digest('hex');
}

interface ShardPlan {
  k: number;
  /** Pagefind's index chunk size for it (src/lib/search/indexer.ts chunkSizeFor) */
  chunkSize: number;
  files: { rel: string; url: string }[];
  key: string;
}

export interface ShardReport {
  k: number;
  pages: number;
  /** copied from the build cache instead of indexed */
  cached: boolean;
  /** seconds to build its records and write it (0 when cached) */
  seconds: number;
}

export interface IndexReport {
  directives: number;
  shards: ShardReport[];
}

async function readRecords(directivesDir: string, plan: ShardPlan): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for (const f of plan.files) {
    const file = directiveFilePath(directivesDir, f.rel);
    records.push(searchRecordOf(file, await readFile(file, 'utf8'), f.url));
  }
  return records;
}

/** Writes one shard into the cache, atomically: a cache entry is complete or absent. */
async function writeShardEntry(plan: ShardPlan, records: SearchRecord[], cache: string): Promise<ShardSummary> {
  const tmp = join(cache, `.tmp-${plan.key.slice(0, 16)}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await writePagefindShard(records, join(tmp, PAGEFIND_DIR), plan.chunkSize);
  const summary = summariseShard(records);
  await writeFile(join(tmp, SUMMARY_FILE), JSON.stringify(summary));
  try {
    await rename(tmp, join(cache, plan.key));
  } catch (e) {
    // another build wrote the same entry meanwhile: it holds the same files
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(join(cache, plan.key, SUMMARY_FILE))) throw e;
  }
  return summary;
}

async function readShardEntry(cache: string, key: string): Promise<ShardSummary | null> {
  try {
    return JSON.parse(await readFile(join(cache, key, SUMMARY_FILE), 'utf8')) as ShardSummary;
  } catch {
    return null;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Keeps the cache to the entries this build uses; half-written entries of interrupted builds
 * (their process is gone) are removed, those of builds still writing are left alone.
 */
async function pruneCache(cache: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cache).catch(() => [] as string[])) {
    const tmp = /^\.tmp-[0-9a-f]+-(\d+)$/.exec(name);
    if (tmp ? !alive(Number(tmp[1])) : !keep.has(name)) await rm(join(cache, name), { recursive: true, force: true });
  }
}

/**
 * Index every directive of `directivesDir` into `<outDir>/pagefind`.
 * `pagesReady`, when given, is awaited after the shards are written (into the cache) and before
 * the pages are looked at and the index put into the site: the shards can be written while
 * Astro is still rendering.
 */
export async function indexBuiltSite(
  directivesDir: string,
  outDir: string,
  pagesReady?: Promise<void>,
): Promise<IndexReport> {
  const cache = shardCacheDir();
  await mkdir(cache, { recursive: true });
  // URLs are stored without the base path; the search page adds import.meta.env.BASE_URL.
  const files = listDirectiveFiles(directivesDir).map((rel) => ({ rel, url: `/${paths.directive(entryId(rel))}` }));
  const count = shardCount(files.length);
  const base = await fingerprint(count);
  const plans: ShardPlan[] = [];
  for (const [k, mine] of splitIntoShards(files, count).entries()) {
    if (k > 0 && mine.length === 0) continue; // (the first shard carries the library, even empty)
    const h = createHash('sha256').update(base).update(`\0shard\0`);
    for (const f of mine) {
      h.update(f.url)
        .update('\0')
        .update(await readFile(directiveFilePath(directivesDir, f.rel)))
        .update('\0');
    }
    plans.push({ k, files: mine, key: h.digest('hex'), chunkSize: chunkSizeFor(count) });
  }

  // Shard after shard, one Pagefind process at a time; the next shard's records are built
  // while Pagefind writes the previous one (its own process, so the two overlap).
  const shards: { plan: ShardPlan; summary: ShardSummary; report: ShardReport }[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  for (const plan of plans) {
    const hit = await readShardEntry(cache, plan.key);
    if (hit) {
      shards.push({ plan, summary: hit, report: { k: plan.k, pages: hit.urls.length, cached: true, seconds: 0 } });
      continue;
    }
    const t0 = performance.now();
    const records = await readRecords(directivesDir, plan);
    await writing;
    const entry = {
      plan,
      summary: summariseShard([]),
      report: { k: plan.k, pages: records.length, cached: false, seconds: 0 },
    };
    shards.push(entry);
    writing = writeShardEntry(plan, records, cache).then((summary) => {
      entry.summary = summary;
      entry.report.seconds = (performance.now() - t0) / 1000;
    });
    // a failure is raised by the next await; keep it from being reported as unhandled first
    writing.catch(() => {});
  }
  await writing;

  await pagesReady;
  // Before anything reaches the site: a directive without its page fails the build.
  const missing = files.filter((f) => !existsSync(join(outDir, f.url, 'index.html')));
  if (missing.length) throw new Error(`Search index: no page built for ${missing.map((f) => f.url).join(', ')}`);

  const output = join(outDir, 'pagefind');
  const partial = partialPath(output);
  await rm(partial, { recursive: true, force: true });
  const placed: PlacedShard[] = [];
  for (const { plan, summary } of shards) {
    await copyShardFiles(join(cache, plan.key, PAGEFIND_DIR), join(partial, shardPath(plan.k)), plan.k === 0);
    placed.push({ path: shardPath(plan.k), summary });
  }
  await writeIndexFiles(partial, placed);
  await replaceIndex(partial, output);
  await pruneCache(cache, new Set(plans.map((p) => p.key)));
  return { directives: files.length, shards: shards.map((s) => s.report) };
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
