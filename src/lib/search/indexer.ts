/**
 * Writes the archive's Pagefind index from search records (src/lib/search/record.ts) with
 * Pagefind's Node API: one custom record per directive, Vietnamese, no HTML crawling; in shards
 * (src/lib/search/shards.ts), each written by its own Pagefind process, one after the other,
 * then put in place with the catalogue and the numbers file in one rename.
 */
import * as pagefind from 'pagefind';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildCatalogue, CATALOGUE_FILE, type CatalogueFile } from './catalogue.ts';
import { buildNumbers, NUMBERS_FILE } from './numbers.ts';
import type { SearchRecord } from './record.ts';
import {
  commonFromCounts,
  isShardDataFile,
  mergeSummaries,
  shardCount,
  shardOf,
  shardPath,
  summariseShard,
  syllableCounts,
  type ShardSummary,
} from './shards.ts';

export { variantCounts } from './shards.ts';

/** Pagefind's (unstable, undocumented) setting for where index chunks end, in word locations. */
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
const INDEX_CHUNK_SIZE = 4000;

/**
 * Index chunk size for a shard of an index in `shards` shards: 4,000 word locations for one
 * index of 10,000 directives, a quarter of it for each of four shards. A shard with a quarter
 * of the pages holds a quarter of each word's locations, so the same words share a chunk as in
 * one index, and a query fetches about the bytes one index would, spread over the shards
 * (with 4,000 per shard, four chunks of a rare word's neighbours: +120 KB on "vinh phuc").
 */
export function chunkSizeFor(shards: number): number {
  const set = Number(process.env[CHUNK_SIZE_ENV]);
  return Number.isInteger(set) && set > 0 ? set : Math.round(INDEX_CHUNK_SIZE / Math.max(1, shards));
}

/** What the written index depends on besides the records (part of the shard cache's key). */
export function indexerSettings(shards: number): string {
  return JSON.stringify({ forceLanguage: 'vi', chunkSize: chunkSizeFor(shards) });
}

/**
 * The folded syllables found in more than `share` of the directives ("phong", "chong", "dich"
 * in a COVID archive). Their Pagefind postings are the largest files a query can fetch; the
 * engine checks them on the candidates' text instead of asking the index. Small archives
 * (under `minDocuments`) list none: there every word is cheap.
 */
export function commonSyllables(records: SearchRecord[], share = 0.5, minDocuments = 500): string[] {
  if (records.length < minDocuments) return [];
  return commonFromCounts(syllableCounts(records), records.length, share, minDocuments);
}

/** The records of each shard, each shard in the records' order. */
export function splitIntoShards<T extends { url: string }>(
  records: readonly T[],
  count = shardCount(records.length),
): T[][] {
  const shards: T[][] = Array.from({ length: count }, () => []);
  for (const r of records) shards[shardOf(r.url, count)]!.push(r);
  return shards;
}

/** Records sent to Pagefind before waiting for its answers. */
const ADD_BATCH = 64;

/**
 * One shard: its records added to a fresh Pagefind process in order (its page order is the
 * records' order, which the catalogue relies on), written to `outputPath`, and the process
 * stopped (its memory goes with it).
 */
export async function writePagefindShard(
  records: readonly SearchRecord[],
  outputPath: string,
  chunkSize = INDEX_CHUNK_SIZE,
): Promise<void> {
  // Smaller index chunks than Pagefind's 20,000 word locations: a rare word no longer shares a
  // chunk with a frequent neighbour ("vinh" with "vi": 11 KB fetched instead of 188 KB at
  // 10,000 directives) for 2.7 KB more metadata; 8,000 and 2,000 measured worse
  // (docs/performance.md). The variable is read by the Pagefind binary, started just below.
  const saved = process.env[CHUNK_SIZE_ENV];
  process.env[CHUNK_SIZE_ENV] = String(chunkSize);
  const created = await pagefind.createIndex({ forceLanguage: 'vi' }).finally(() => {
    if (saved === undefined) delete process.env[CHUNK_SIZE_ENV];
    else process.env[CHUNK_SIZE_ENV] = saved;
  });
  const { index, errors } = created;
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Sent ahead in batches instead of one round trip each (8.6 -> 6.9 s for 5,000 records):
    // Pagefind's service handles messages one at a time in the order sent
    // (pagefind/src/service/mod.rs), so the pages keep the records' order, which the catalogue
    // relies on; the written files are the same.
    for (let i = 0; i < records.length; i += ADD_BATCH) {
      const batch = records.slice(i, i + ADD_BATCH);
      const added = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
      added.forEach((a, j) => {
        if (a.errors.length) throw new Error(`Pagefind could not index ${batch[j]!.url}: ${a.errors.join('; ')}`);
      });
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** The catalogue of the merged index: rows shard after shard, and where each shard is. */
export function mergedCatalogue(shards: readonly PlacedShard[]): CatalogueFile {
  const all = mergeSummaries(shards.map((s) => s.summary));
  return buildCatalogue(
    all.rows,
    commonFromCounts(Object.entries(all.syllables), all.rows.length),
    all.variants,
    shards.map((s) => ({ path: s.path, pages: s.summary.urls.length })),
  );
}

/** A shard and its folder in the merged index (src/lib/search/shards.ts shardPath). */
export interface PlacedShard {
  path: string;
  summary: ShardSummary;
}

/** Files copied at once while a shard is put in place. */
const COPIES_AT_ONCE = 64;

/** Copies a shard's Pagefind files (only those a merged instance loads, unless `all`). */
export async function copyShardFiles(from: string, to: string, all: boolean): Promise<number> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(from.length + 1))
    .filter((rel) => all || isShardDataFile(rel))
    .sort();
  for (const d of new Set(files.map((f) => dirname(join(to, f))))) await mkdir(d, { recursive: true });
  for (let i = 0; i < files.length; i += COPIES_AT_ONCE) {
    await Promise.all(
      files.slice(i, i + COPIES_AT_ONCE).map((f) => copyFile(join(from, f), join(to, f), constants.COPYFILE_FICLONE)),
    );
  }
  return files.length;
}

/** Where the next index is assembled: beside the live one, never served as it. */
export const partialPath = (outputPath: string): string =>
  join(dirname(outputPath), `.${basename(outputPath)}-partial`);

/**
 * Puts an index assembled in `partial` in place of `outputPath`: an interrupted build leaves
 * the old index or none, never a mix of shards.
 */
export async function replaceIndex(partial: string, outputPath: string): Promise<void> {
  const old = join(dirname(outputPath), `.${basename(outputPath)}-old`);
  await rm(old, { recursive: true, force: true });
  await rename(outputPath, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(partial, outputPath);
  await rm(old, { recursive: true, force: true });
}

/** Writes the catalogue and the numbers file of the merged shards into an assembled index. */
export async function writeIndexFiles(partial: string, shards: readonly PlacedShard[]): Promise<void> {
  await writeFile(join(partial, CATALOGUE_FILE), JSON.stringify(mergedCatalogue(shards)));
  const numbers = shards.flatMap((s) => s.summary.numbers);
  await writeFile(join(partial, NUMBERS_FILE), JSON.stringify(buildNumbers(numbers)));
}

/**
 * Writes the whole index from records (the bench and tests; the build goes through
 * src/lib/search/build-index.ts, which caches shards). Returns the records in the merged
 * index's page order (shard after shard), the catalogue's row order.
 */
export async function writeSearchIndex(
  records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>,
  outputPath: string,
  /** awaited after the records are read and before anything is written; may throw to stop */
  beforeWrite?: (records: SearchRecord[]) => Promise<void>,
): Promise<SearchRecord[]> {
  const all: SearchRecord[] = [];
  for await (const r of records) all.push(r);
  await beforeWrite?.(all);
  const shards = splitIntoShards(all);
  const partial = partialPath(outputPath);
  await rm(partial, { recursive: true, force: true });
  const placed: PlacedShard[] = [];
  for (const [k, shard] of shards.entries()) {
    if (k > 0 && shard.length === 0) continue; // (the first shard carries the library, even empty)
    const dir = join(partial, shardPath(k));
    await writePagefindShard(shard, dir, chunkSizeFor(shards.length));
    if (k > 0) await removeLibraryFiles(dir);
    placed.push({ path: shardPath(k), summary: summariseShard(shard) });
  }
  await writeIndexFiles(partial, placed);
  await replaceIndex(partial, outputPath);
  return shards.flat();
}

async function removeLibraryFiles(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (!isShardDataFile(e.name)) await rm(join(dir, e.name), { recursive: true, force: true });
  }
}
