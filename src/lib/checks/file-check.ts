/**
 * The per-file part of the checks (schema and content safety), as plain data so it can run in
 * worker threads: the problems, the valid frontmatter, and the raw file it names.
 */
import type { DirectiveData } from '../directive-schema.ts';
import { checkBody } from './content.ts';
import { readNoteProblems } from './frontmatter.ts';
import { checkFrontmatter } from './schema.ts';
import type { Problem } from './types.ts';

export interface FileCheckResult {
  problems: Problem[];
  data: DirectiveData | null;
  rawField: unknown;
  shaField: unknown;
}

export function checkDirectiveFile(display: string, source: string): FileCheckResult {
  const schema = checkFrontmatter(display, source);
  const split = schema.split;
  // A file with broken frontmatter still has its whole text checked for code.
  const problems = [...readNoteProblems(display, split.notes), ...schema.problems, ...checkBody(display, split.ok ? split.body : source)];
  const src = split.ok ? (split.data.source as { raw?: unknown; sha256?: unknown } | undefined) : undefined;
  // Unreadable frontmatter: still find which raw file it names, so that file is not called an orphan.
  const rawField = split.ok ? src?.raw : /^\s+raw:\s*["']?(content\/raw\/[^"'\s]+)/m.exec(source)?.[1];
  return { problems, data: schema.data, rawField, shaField: src?.sha256 };
}
