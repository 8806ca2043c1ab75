/**
 * The archive's rule for entry ids, and the list of directive files: the content loader
 * (src/lib/directives-loader.ts) gives entries these ids, and every piece of code that reads
 * content/ without Astro (checks, search index, build integrity, tests and scripts) uses the
 * same functions, so their ids always match the site's /van-ban/<id>/ pages.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { slug as githubSlug } from 'github-slugger';

/**
 * The entry id of a file ("Vinh Phuc/2021-11-08 Cong van.mdx" -> "vinh-phuc/2021-11-08-cong-van"):
 * its path without the extension, each segment through github-slugger, a trailing /index
 * dropped. (The rule Astro's glob loader used, kept so that no published URL changed.)
 */
export function entryId(rel: string): string {
  return rel
    .replace(/\.mdx$/, '')
    .split('/')
    .map((s) => githubSlug(s))
    .join('/')
    .replace(/\/index$/, '');
}

/** Former name of entryId, kept for existing imports. */
export const astroEntryId = entryId;

/** Whether a path relative to the directives folder is a directive file (hidden files and folders are not). */
export function isDirectiveFile(rel: string): boolean {
  return rel.endsWith('.mdx') && !rel.split('/').some((s) => s.startsWith('.'));
}

/**
 * Every directive file (isDirectiveFile) under a directives folder, as "/"-separated paths
 * relative to it, sorted; [] when the folder is missing.
 */
export function listDirectiveFiles(directivesDir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(directivesDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return files
    .map((f) => f.split(sep).join('/'))
    .filter(isDirectiveFile)
    .sort();
}

/** Absolute path of a file listed by listDirectiveFiles. */
export function directiveFilePath(directivesDir: string, rel: string): string {
  return join(directivesDir, ...rel.split('/'));
}
