/**
 * Directive files and their entry ids, computed the way Astro's glob loader does, for every
 * piece of code that reads content/ without Astro (checks, search index, build integrity,
 * tests and scripts): one rule, so their ids always match the site's /van-ban/<id>/ pages.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { slug as githubSlug } from 'github-slugger';

/** The entry id Astro's glob loader gives a file: each path segment through github-slugger. */
export function astroEntryId(rel: string): string {
  return rel
    .replace(/\.mdx$/, '')
    .split('/')
    .map((s) => githubSlug(s))
    .join('/')
    .replace(/\/index$/, '');
}

/** Every .mdx file under a directives folder, as "/"-separated paths relative to it, sorted; [] when the folder is missing. */
export function listDirectiveFiles(directivesDir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(directivesDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** Absolute path of a file listed by listDirectiveFiles. */
export function directiveFilePath(directivesDir: string, rel: string): string {
  return join(directivesDir, ...rel.split('/'));
}
