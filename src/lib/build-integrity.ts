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
  /** pages in the Pagefind index (pagefind-entry.json) */
  indexed: number;
  /** rows of the search catalogue (src/lib/search/catalogue.ts); defaults to `indexed` */
  catalogued?: number;
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

export function compareCounts({ entries, pages, indexed, catalogued = indexed }: IntegrityCounts): IntegrityReport {
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

/** Total pages in the written Pagefind index, over all languages. */
export async function readPagefindPageCount(outDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
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
  const [entries, pages, indexed, catalogued] = await Promise.all([
    listEntryIds(contentDirectives),
    listDirectivePages(outDir),
    readPagefindPageCount(outDir),
    readCatalogueCount(outDir),
  ]);
  return compareCounts({ entries, pages, indexed, catalogued });
}
