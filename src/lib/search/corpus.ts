/**
 * Reads the directives' MDX files (frontmatter + body) into search records. Used by the
 * build's indexing step; the frontmatter is checked against the same schema as the site's.
 */
import { readFile } from 'node:fs/promises';
import { astroEntryId, directiveFilePath, listDirectiveFiles } from '../entry-id.ts';
import { readDirective } from '../directive-file.ts';
import { mdxBodyText } from './mdx-text.ts';
import { buildSearchRecord, type SearchRecord } from './record.ts';

/**
 * The search records, one at a time in file order: a consumer that awaits something between
 * records (Pagefind's service, another process) gets the next one built meanwhile.
 */
export async function* searchRecords(
  directivesDir: string,
  urlFor: (id: string) => string,
): AsyncGenerator<SearchRecord> {
  for (const rel of listDirectiveFiles(directivesDir)) {
    const file = directiveFilePath(directivesDir, rel);
    yield searchRecordOf(file, await readFile(file, 'utf8'), urlFor(astroEntryId(rel)));
  }
}

/** One directive file's search record, from the file's text as read (`file` names it in errors). */
export function searchRecordOf(file: string, source: string, url: string): SearchRecord {
  const { data, text } = readDirective(file, source);
  return buildSearchRecord(url, data, mdxBodyText(text));
}

export async function readSearchRecords(
  directivesDir: string,
  urlFor: (id: string) => string,
): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const r of searchRecords(directivesDir, urlFor)) records.push(r);
  return records;
}
