/**
 * Writes the archive's Pagefind index from search records (src/lib/search/record.ts) with
 * Pagefind's Node API: one custom record per directive, Vietnamese, no HTML crawling.
 */
import * as pagefind from 'pagefind';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCatalogue, CATALOGUE_FILE } from './catalogue.ts';
import { buildNumbers, NUMBERS_FILE } from './numbers.ts';
import type { SearchRecord } from './record.ts';
import { syllables } from './text.ts';

/** Pagefind's (unstable, undocumented) setting for where index chunks end, in word locations. */
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
const INDEX_CHUNK_SIZE = 4000;

/**
 * The folded syllables found in more than `share` of the directives ("phong", "chong", "dich"
 * in a COVID archive). Their Pagefind postings are the largest files a query can fetch; the
 * engine checks them on the candidates' text instead of asking the index. Small archives
 * (under `minDocuments`) list none: there every word is cheap.
 */
export function commonSyllables(records: SearchRecord[], share = 0.5, minDocuments = 500): string[] {
  if (records.length < minDocuments) return [];
  const df = new Map<string, number>();
  for (const r of records) {
    for (const f of new Set(syllables(r.content).map((s) => s.fold))) df.set(f, (df.get(f) ?? 0) + 1);
  }
  return [...df]
    .filter(([, n]) => n > records.length * share)
    .map(([w]) => w)
    .sort();
}

/** Per variant group, how many records carry its token (src/lib/vietnamese-variants.ts). */
export function variantCounts(records: SearchRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const tail = r.content.slice(Number(r.meta.textLength) || 0);
    for (const m of new Set(tail.match(/\bvx[a-z0-9]+\b/g) ?? [])) out[m.slice(2)] = (out[m.slice(2)] ?? 0) + 1;
  }
  return out;
}

/**
 * Adds the records to Pagefind one at a time, in order (a deterministic index whose page order
 * is the records' order, which the catalogue relies on), and writes it with the catalogue.
 * Records may come from an async source: the next one is built while Pagefind's process adds
 * the previous, and the catalogue is made while it writes its files.
 */
export async function writeSearchIndex(
  records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>,
  outputPath: string,
  /** awaited after the last record is added and before anything is written; may throw to stop */
  beforeWrite?: (records: SearchRecord[]) => Promise<void>,
): Promise<SearchRecord[]> {
  // Smaller index chunks than Pagefind's 20,000 word locations: a rare word no longer shares a
  // chunk with a frequent neighbour ("vinh" with "vi": 11 KB fetched instead of 188 KB at
  // 10,000 directives) for 2.7 KB more metadata; 8,000 and 2,000 measured worse
  // (docs/performance.md). The variable is read by the Pagefind binary, started just below.
  process.env[CHUNK_SIZE_ENV] ??= String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const all: SearchRecord[] = [];
  try {
    let pending: Promise<void> = Promise.resolve();
    for await (const r of records) {
      await pending;
      all.push(r);
      pending = index.addCustomRecord(r).then((added) => {
        if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('; ')}`);
      });
      // a rejection is raised by the next await; keep it from being reported as unhandled first
      pending.catch(() => {});
    }
    await pending;
    await beforeWrite?.(all);
    const writing = index.writeFiles({ outputPath });
    const catalogue = buildCatalogue(
      all.map((r) => r.meta),
      commonSyllables(all),
      variantCounts(all),
    );
    const written = await writing;
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
    await writeFile(join(outputPath, CATALOGUE_FILE), JSON.stringify(catalogue));
    await writeFile(join(outputPath, NUMBERS_FILE), JSON.stringify(buildNumbers(all.map((r) => r.meta.number))));
  } finally {
    await pagefind.close();
  }
  return all;
}
