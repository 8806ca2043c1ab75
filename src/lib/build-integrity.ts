/**
 * "Nothing silently dropped": after a build, every content entry must have its directive page,
 * no directive page may exist without an entry, and Pagefind must have indexed exactly as many
 * pages as there are entries. Pure comparison plus small readers of the content folder and the
 * built site, so the rule is unit-tested apart from the build that enforces it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { astroEntryId, listDirectiveFiles } from './entry-id.ts';
import { CATALOGUE_FILE } from './search/catalogue.ts';
import { join, relative, sep } from 'node:path';

export interface IntegrityCounts {
  /** entry ids from the content folder ("ha-noi/2021-11-08-cong-van-907-cv-tu") */
  entries: readonly string[];
  /** ids of directive pages found in the build (folders holding index.html under van-ban/) */
  pages: readonly string[];
  /** pages in the Pagefind index (pagefind-entry.json of each shard) */
  indexed: number;
  /** rows of the search catalogue (src/lib/search/catalogue.ts); defaults to `indexed` */
  catalogued?: number;
  /** disagreements between the catalogue's shards and the shards' indexes (readShardProblems) */
  shardProblems?: readonly string[];
}

export interface IntegrityReport {
  ok: boolean;
  entries: number;
  pages: number;
  indexed: number;
  /** entries with no page */
  missingPages: string[];
  /** pages with no entry */
  strayPages: string[];
  problems: string[];
}

const SHOW = 10;
const list = (ids: string[]): string =>
  ids.slice(0, SHOW).join(', ') + (ids.length > SHOW ? ` … (+${ids.length - SHOW})` : '');

export function compareCounts({
  entries,
  pages,
  indexed,
  catalogued = indexed,
  shardProblems = [],
}: IntegrityCounts): IntegrityReport {
  const pageSet = new Set(pages);
  const entrySet = new Set(entries);
  const missingPages = entries.filter((id) => !pageSet.has(id)).sort();
  const strayPages = pages.filter((id) => !entrySet.has(id)).sort();
  const problems: string[] = [];
  if (missingPages.length) problems.push(`${missingPages.length} content entries have no page: ${list(missingPages)}`);
  if (strayPages.length)
    problems.push(`${strayPages.length} directive pages have no content entry: ${list(strayPages)}`);
  if (indexed !== entrySet.size)
    problems.push(`Pagefind indexed ${indexed} pages but there are ${entrySet.size} content entries`);
  if (catalogued !== indexed)
    problems.push(`The search catalogue lists ${catalogued} directives but Pagefind indexed ${indexed} pages`);
  problems.push(...shardProblems);
  return {
    ok: problems.length === 0,
    entries: entrySet.size,
    pages: pageSet.size,
    indexed,
    missingPages,
    strayPages,
    problems,
  };
}

/** Entry ids as the glob loader makes them (src/lib/entry-id.ts), sorted. */
export async function listEntryIds(directivesDir: string): Promise<string[]> {
  return listDirectiveFiles(directivesDir).map(astroEntryId).sort();
}

/** Ids of directive pages: every folder under <out>/van-ban/ that holds an index.html. */
export async function listDirectivePages(outDir: string): Promise<string[]> {
  const root = join(outDir, 'van-ban');
  let files: string[];
  try {
    files = await readdir(root, { recursive: true });
  } catch {
    return [];
  }
  return files
    .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
    .map((f) =>
      relative(root, join(root, f, '..'))
        .split(sep)
        .join('/'),
    )
    .filter((id) => id !== '')
    .sort();
}

const ENTRY_FILE = 'pagefind-entry.json';

async function entryPageCount(dir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(dir, ENTRY_FILE), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * The Pagefind indexes under <out>/pagefind: the folder itself and each shard folder
 * (src/lib/search/shards.ts) holding an entry file, listed or not by the catalogue, with their
 * page counts ("" for the folder itself).
 */
export async function readPagefindIndexes(outDir: string): Promise<Map<string, number>> {
  const root = join(outDir, 'pagefind');
  const found = new Map<string, number>([['', await entryPageCount(root)]]);
  for (const e of await readdir(root, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const dir = join(root, e.name);
    const files = await readdir(dir);
    if (files.includes(ENTRY_FILE)) found.set(`${e.name}/`, await entryPageCount(dir));
  }
  return found;
}

/** Total pages in the written Pagefind index, over all languages and all shards. */
export async function readPagefindPageCount(outDir: string): Promise<number> {
  return [...(await readPagefindIndexes(outDir)).values()].reduce((a, b) => a + b, 0);
}

/**
 * Where the catalogue's shards and the indexes on disk disagree: a shard listed without its
 * index, an index no shard lists, or a shard whose page count differs from its rows (the rows
 * after it would be attached to the wrong pages).
 */
export async function readShardProblems(outDir: string): Promise<string[]> {
  let listed: { path: string; pages: number }[];
  try {
    const file = JSON.parse(await readFile(join(outDir, 'pagefind', CATALOGUE_FILE), 'utf8')) as {
      shards?: { path: string; pages: number }[];
    };
    listed = file.shards ?? [{ path: '', pages: Number.NaN }];
  } catch {
    return []; // a missing catalogue is reported by the count
  }
  const indexes = await readPagefindIndexes(outDir);
  const problems: string[] = [];
  for (const s of listed) {
    const n = indexes.get(s.path);
    if (n === undefined) problems.push(`The search catalogue lists shard pagefind/${s.path} but it has no index`);
    else if (!Number.isNaN(s.pages) && n !== s.pages)
      problems.push(
        `Search shard pagefind/${s.path}: the catalogue gives it ${s.pages} rows, its index has ${n} pages`,
      );
  }
  const paths = new Set(listed.map((s) => s.path));
  for (const p of indexes.keys())
    if (!paths.has(p)) problems.push(`Search index pagefind/${p} is not a shard the catalogue lists`);
  return problems;
}

/** Rows of the search catalogue written beside the index (-1 when it is missing or unreadable). */
export async function readCatalogueCount(outDir: string): Promise<number> {
  try {
    const file = JSON.parse(await readFile(join(outDir, 'pagefind', CATALOGUE_FILE), 'utf8')) as {
      documents?: unknown;
    };
    return typeof file.documents === 'number' ? file.documents : -1;
  } catch {
    return -1;
  }
}

export async function checkBuild(contentDirectives: string, outDir: string): Promise<IntegrityReport> {
  const [entries, pages, indexed, catalogued, shardProblems] = await Promise.all([
    listEntryIds(contentDirectives),
    listDirectivePages(outDir),
    readPagefindPageCount(outDir),
    readCatalogueCount(outDir),
    readShardProblems(outDir),
  ]);
  return compareCounts({ entries, pages, indexed, catalogued, shardProblems });
}
