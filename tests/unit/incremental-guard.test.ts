/**
 * A build that did not finish drops Astro's incremental cache (src/integrations/incremental-guard.ts):
 * its kept pages may already have been overwritten for keys the manifest does not record.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finishIncrementalBuild, startIncrementalBuild } from '../../src/integrations/incremental-guard.ts';

const dirs: string[] = [];
function cacheWithKeptPages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incremental-guard-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'dist/van-ban/a'), { recursive: true });
  writeFileSync(join(dir, 'dist/van-ban/a/index.html'), '<p>kept</p>');
  writeFileSync(join(dir, 'incremental-build.json'), '{}');
  mkdirSync(join(dir, 'directive-html'));
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the incremental cache after a build that did not finish', () => {
  it('is kept when the previous build finished', () => {
    const dir = cacheWithKeptPages();
    expect(startIncrementalBuild(dir).dropped).toBe(false);
    finishIncrementalBuild(dir);
    expect(startIncrementalBuild(dir).dropped).toBe(false);
    expect(existsSync(join(dir, 'incremental-build.json'))).toBe(true);
    expect(existsSync(join(dir, 'dist/van-ban/a/index.html'))).toBe(true);
  });

  it('is dropped (manifest and kept pages, not the other caches) when the previous build stopped half-way', () => {
    const dir = cacheWithKeptPages();
    startIncrementalBuild(dir); // ... and the build is killed: no finish
    expect(startIncrementalBuild(dir).dropped).toBe(true);
    expect(existsSync(join(dir, 'incremental-build.json'))).toBe(false);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(join(dir, 'directive-html'))).toBe(true);
  });

  it('starts in a cache folder that does not exist yet', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'incremental-guard-')), 'new-cache');
    dirs.push(dir);
    expect(startIncrementalBuild(dir).dropped).toBe(false);
    finishIncrementalBuild(dir);
  });
});
