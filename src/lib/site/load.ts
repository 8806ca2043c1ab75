/**
 * Reads a content folder's directives straight from disk (frontmatter validated by the same
 * schema as the collection). For tests and scripts that need the archive without an Astro build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { directiveSchema } from '../directive-schema.ts';
import type { DirectiveRecord } from './archive.ts';

export function loadDirectives(root: string): DirectiveRecord[] {
  const base = join(root, 'directives');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.mdx')) files.push(p);
    }
  };
  walk(base);
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${file}: no frontmatter`);
    const parsed = directiveSchema.safeParse(parseYaml(m[1]!));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    const id = relative(base, file).split(sep).join('/').replace(/\.mdx$/, '');
    return { id, data: parsed.data, filePath: file, body: m[2]! };
  });
}
