/**
 * The archive built from Astro's `directives` collection, once per build (every page shares it).
 */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from './archive.ts';

let cached: Promise<Archive> | null = null;

export function getArchive(): Promise<Archive> {
  cached ??= getCollection('directives').then((entries) =>
    buildArchive(entries.map((e) => ({ id: e.id, data: e.data, filePath: e.filePath }))),
  );
  return cached;
}
