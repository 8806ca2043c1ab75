/**
 * Reads the directives' MDX files (frontmatter + body) into search records. Used by the
 * build's indexing step; the frontmatter is checked against the same schema as the site's.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { directiveSchema } from '../directive-schema.ts';
import { mdxBodyText } from './mdx-text.ts';
import { buildSearchRecord, type SearchRecord } from './record.ts';

async function listMdx(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name.endsWith('.mdx')) out.push(join(d, e.name));
    }
  };
  await walk(dir);
  return out;
}

/** The entry id the site uses for a file: its path under directives/, without extension. */
export function entryId(directivesDir: string, file: string): string {
  return relative(directivesDir, file).split(sep).join('/').replace(/\.mdx$/, '').toLowerCase();
}

/**
 * The search records, one at a time in file order: a consumer that awaits something between
 * records (Pagefind's service, another process) gets the next one built meanwhile.
 */
export async function* searchRecords(directivesDir: string, urlFor: (id: string) => string): AsyncGenerator<SearchRecord> {
  for (const file of await listMdx(directivesDir)) {
    const source = await readFile(file, 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
    if (!fm) throw new Error(`${file}: no frontmatter block (--- … ---) at the top`);
    const parsed = directiveSchema.safeParse(parseYaml(fm[1]!));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: frontmatter field "${issue.path.join('.')}": ${issue.message}`);
    }
    yield buildSearchRecord(urlFor(entryId(directivesDir, file)), parsed.data, mdxBodyText(source));
  }
}

export async function readSearchRecords(
  directivesDir: string,
  urlFor: (id: string) => string,
): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const r of searchRecords(directivesDir, urlFor)) records.push(r);
  return records;
}
