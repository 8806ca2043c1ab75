/**
 * Keeps Astro's incremental build cache (<cacheDir>/incremental-build.json and the pages it
 * keeps in <cacheDir>/dist/) from serving a stale page after a build that did not finish.
 *
 * Astro writes each rendered page into the cache as it goes and the manifest (which key each
 * kept page was rendered for) only at the end. A build stopped in between (killed, out of
 * memory, a page that throws) leaves the previous manifest beside pages already overwritten
 * for new keys; had the content then gone back to the previous state, the next build would
 * restore those newer pages under the old keys. So a marker is written when a build starts
 * and removed when it is done; a build that finds the marker drops the incremental cache and
 * renders every page (the other caches are unaffected).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = 'incremental-build.unfinished';

/** Drop the incremental cache if the last build in `cacheDir` did not finish; then mark this one. */
export function startIncrementalBuild(cacheDir: string): { dropped: boolean } {
  const marker = join(cacheDir, MARKER);
  const dropped = existsSync(marker);
  if (dropped) {
    rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
    rmSync(join(cacheDir, 'dist'), { recursive: true, force: true });
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, `${new Date().toISOString()} pid ${process.pid}\n`);
  return { dropped };
}

/** This build finished: its manifest and kept pages agree. */
export function finishIncrementalBuild(cacheDir: string): void {
  rmSync(join(cacheDir, MARKER), { force: true });
}

export function incrementalGuard(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive:incremental-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (startIncrementalBuild(cacheDir).dropped)
          logger.warn('The previous build did not finish: every page is rendered again (incremental cache dropped).');
      },
      'astro:build:done': () => finishIncrementalBuild(cacheDir),
    },
  };
}
