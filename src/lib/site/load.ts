/**
 * Reads a content folder's directives straight from disk (frontmatter validated by the same
 * schema as the collection). For tests, scripts and the search index: the archive without an
 * Astro build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectiveData } from '../directive-schema.ts';
import { readDirective } from '../directive-file.ts';
import { astroEntryId, directiveFilePath, listDirectiveFiles } from '../entry-id.ts';
import type { DirectiveRecord } from './archive.ts';

/** Split one directive file into validated frontmatter and body; throws naming the file and field. */
export function parseDirectiveSource(file: string, source: string): { data: DirectiveData; body: string } {
  return readDirective(file, source);
}

export function loadDirectives(root: string): DirectiveRecord[] {
  const base = join(root, 'directives');
  return listDirectiveFiles(base).map((rel) => {
    const file = directiveFilePath(base, rel);
    const { data, body } = parseDirectiveSource(file, readFileSync(file, 'utf8'));
    return { id: astroEntryId(rel), data, filePath: file, body };
  });
}
