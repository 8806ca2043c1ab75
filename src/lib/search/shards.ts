/**
 * The search index in shards: the records are split into N groups, each written as its own
 * Pagefind index by its own Pagefind process, and merged in the browser with Pagefind's
 * `mergeIndex` (src/scripts/search/page.ts). Why: Pagefind's `writeFiles` peaks at about 4 GiB
 * for 10,000 directives in one index, about a quarter of that per quarter; a shard whose
 * directives did not change is copied from the build cache instead of being indexed again.
 *
 * The order contract (src/lib/search/catalogue.ts): a merged search with no term lists every
 * page of the first shard in its page order, then the second's, and so on (Pagefind gives
 * every page the same score without a term and sorts the instances' concatenated results
 * with a stable sort), so the catalogue's rows are the shards' records, shard after shard.
 */
import type { CatalogueRow } from './catalogue.ts';
import type { SearchRecord } from './record.ts';
import { syllables } from './text.ts';
import { VARIANT_PREFIX } from '../vietnamese-variants.ts';

/**
 * Directives per shard, at most on average: 2 shards of 5,000 at 10,000. Measured on a quiet
 * machine (docs/performance.md): Pagefind peaks at 2.28 GiB for 5,000 (3.96 GiB for 10,000 in
 * one index), while 4 shards of 2,500 made a place-name query 20–25 % slower than 2.
 */
export const SHARD_RECORDS = 6000;
/** Overrides SHARD_RECORDS (tests shard small corpora; the bench compares shard sizes). */
export const SHARD_RECORDS_ENV = 'ARCHIVE_SEARCH_SHARD_RECORDS';

export function recordsPerShard(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env[SHARD_RECORDS_ENV]);
  return Number.isInteger(v) && v > 0 ? v : SHARD_RECORDS;
}

/**
 * How many shards for this many directives: 1 up to one shard's worth, then the next power of
 * two. The number changes rarely (at 3,000, 6,000, 12,000…, when every shard is indexed again):
 * between those, adding a directive changes one shard only.
 */
export function shardCount(records: number, perShard = recordsPerShard()): number {
  if (records <= perShard) return 1;
  return 2 ** Math.ceil(Math.log2(records / perShard));
}

/**
 * The shard of a directive, from its URL alone (FNV-1a): adding, editing or removing one
 * directive changes one shard, as long as the number of shards stays the same.
 */
export function shardOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

/** A shard's folder inside <out>/pagefind/: the first is the folder itself (with Pagefind's library). */
export const shardPath = (k: number): string => (k === 0 ? '' : `shard-${k}/`);

/**
 * The files a merged (not primary) Pagefind instance loads: its entry, metadata, index chunks,
 * filters and fragments. The library, the WebAssembly and the UI come from the first shard.
 */
export function isShardDataFile(rel: string): boolean {
  return (
    rel === 'pagefind-entry.json' ||
    rel.endsWith('.pf_meta') ||
    /^(index|fragment|filter)(\/|$)/.test(rel.split('\\').join('/'))
  );
}

/** What the catalogue, the numbers file and the build's checks need of one shard, in its page order. */
export interface ShardSummary {
  /** the records' URLs, in the shard's page order */
  urls: string[];
  rows: CatalogueRow[];
  numbers: string[];
  /** per folded syllable, how many of the shard's directives contain it */
  syllables: Record<string, number>;
  /** per variant group, how many of the shard's directives carry its token */
  variants: Record<string, number>;
}

/** Per folded syllable, how many records contain it. */
export function syllableCounts(records: readonly SearchRecord[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const r of records) {
    for (const f of new Set(syllables(r.content).map((s) => s.fold))) df.set(f, (df.get(f) ?? 0) + 1);
  }
  return df;
}

const VARIANT_TOKENS = new RegExp(`\\b${VARIANT_PREFIX}[a-z0-9]+\\b`, 'g');

/** Per variant group (src/lib/vietnamese-variants.ts), how many records carry its token. */
export function variantCounts(records: readonly SearchRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const tail = r.content.slice(Number(r.meta.textLength) || 0);
    for (const m of new Set(tail.match(VARIANT_TOKENS) ?? [])) {
      const id = m.slice(VARIANT_PREFIX.length);
      out[id] = (out[id] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * The folded syllables found in more than `share` of `total` directives, from per-syllable
 * counts; none under `minDocuments` directives (src/lib/search/indexer.ts commonSyllables).
 */
export function commonFromCounts(
  counts: Iterable<[string, number]>,
  total: number,
  share = 0.5,
  minDocuments = 500,
): string[] {
  if (total < minDocuments) return [];
  return [...counts]
    .filter(([, n]) => n > total * share)
    .map(([w]) => w)
    .sort();
}

const sortedObject = (m: Map<string, number> | Record<string, number>): Record<string, number> =>
  Object.fromEntries([...(m instanceof Map ? m : Object.entries(m))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function summariseShard(records: readonly SearchRecord[]): ShardSummary {
  return {
    urls: records.map((r) => r.url),
    rows: records.map((r) => ({
      province: r.meta.province,
      docType: r.meta.docType,
      issuer: r.meta.issuer,
      date: r.meta.date,
      urgency: r.meta.urgency,
      measures: r.meta.measures,
    })),
    numbers: records.map((r) => r.meta.number),
    syllables: sortedObject(syllableCounts(records)),
    variants: sortedObject(variantCounts(records)),
  };
}

/** The shards' summaries added up, in shard order. */
export function mergeSummaries(shards: readonly ShardSummary[]): ShardSummary {
  const syl = new Map<string, number>();
  const variants = new Map<string, number>();
  for (const s of shards) {
    for (const [w, n] of Object.entries(s.syllables)) syl.set(w, (syl.get(w) ?? 0) + n);
    for (const [w, n] of Object.entries(s.variants)) variants.set(w, (variants.get(w) ?? 0) + n);
  }
  return {
    urls: shards.flatMap((s) => s.urls),
    rows: shards.flatMap((s) => s.rows),
    numbers: shards.flatMap((s) => s.numbers),
    syllables: sortedObject(syl),
    variants: sortedObject(variants),
  };
}
