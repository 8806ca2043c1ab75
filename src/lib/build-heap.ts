/**
 * The heap limit `npm run build` gives Astro's process (scripts/build.ts), from the archive's
 * size. Left to itself V8 lets the heap grow towards its default limit (about 4 GiB on the
 * build machines) before collecting: Astro's process reached 2.8 GiB at 10,000 directives,
 * whose live set is about 0.5 GiB (measured with --trace-gc). 768 MB plus 60 KB a directive
 * keeps the peak near what the build needs, with about twice the live set to spare at any
 * size. A limit the user sets in NODE_OPTIONS wins.
 */
import { join } from 'node:path';
import { contentDir } from './content-dir.ts';
import { listDirectiveFiles } from './entry-id.ts';

/** Megabytes of old-generation heap for an archive of this many directives. */
export function heapMegabytes(directives: number): number {
  return 768 + Math.ceil((directives * 60) / 1024);
}

/** Node's flag for Astro's process, or none when NODE_OPTIONS already sets a limit. */
export function astroHeapLimit(
  directives: number = listDirectiveFiles(join(contentDir(), 'directives')).length,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): string[] {
  if (/--max-old-space-size\b/.test(nodeOptions)) return [];
  return [`--max-old-space-size=${heapMegabytes(directives)}`];
}
