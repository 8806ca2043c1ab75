/**
 * Reproducible build: the same commit built twice into different folders gives a byte-identical
 * site, search index included. Any file that differs is named. To save a build, the first one is
 * the global setup's (built with its own, possibly warm, cache) and the second a cold build here;
 * when the global setup skipped its build (TEST_SKIP_BUILD, so its dist may be stale), both are
 * built here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildArchive } from '../../scripts/bench/build.ts';

const root = resolve(import.meta.dirname, '../..');
const fresh = ['.tmp/reproducible-a', '.tmp/reproducible-second-build-b'].map((d) => resolve(root, d));
const dirs = process.env.TEST_SKIP_BUILD ? fresh : [fresh[1]!];

function build(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}-cache`, { recursive: true, force: true });
  buildArchive({ outDir }, `npm run build into ${outDir}`);
}

function digest(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return new Map(files.map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

afterAll(() => {
  for (const d of dirs) {
    rmSync(d, { recursive: true, force: true });
    rmSync(`${d}-cache`, { recursive: true, force: true });
  }
});

describe('reproducible build', () => {
  it('gives byte-identical dist/ when the same commit is built twice', { timeout: 600_000 }, () => {
    for (const d of dirs) build(d);
    const compared = process.env.TEST_SKIP_BUILD ? dirs : [inject('distDir'), dirs[0]!];
    const [a, b] = compared.map(digest) as [Map<string, string>, Map<string, string>];
    expect(a.size).toBeGreaterThan(10);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
    expect(differing).toEqual([]);
  });
});
