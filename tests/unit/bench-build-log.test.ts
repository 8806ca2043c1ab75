/**
 * The build log folds Astro's per-route listing into a count but keeps every other line:
 * checked on a real 1,000-directive build log that also holds real Vite warnings.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRouteFolder, isRouteLine } from '../../src/lib/build-log.ts';

describe('folding the per-route build log', () => {
  it('drops route lines, keeps warnings and every other line in order, and counts the routes', async () => {
    const log = (await readFile(join(import.meta.dirname, '../fixtures/bench/astro-build-1000.log'), 'utf8')).split(
      '\n',
    );
    const folder = createRouteFolder();
    const out = [...log.flatMap((l) => folder.push(l)), ...folder.flush()];
    const routes = log.filter(isRouteLine);
    expect(routes.length).toBeGreaterThan(0);
    expect(out.filter(isRouteLine)).toEqual([]);
    expect(out.filter((l) => !l.startsWith('  … '))).toEqual(log.filter((l) => !isRouteLine(l)));
    expect(out.filter((l) => l.includes('[WARN]'))).toEqual(log.filter((l) => l.includes('[WARN]')));
    expect(out).toContain(
      `  … ${routes.length} routes written (listing folded by scripts/build.ts; \`npx astro build\` shows it)`,
    );
  });

  it("counts the routes an incremental build kept from the previous build apart (Astro's (restored), (cached))", () => {
    const folder = createRouteFolder();
    const lines = [
      '\x1b[2m12:00:01\x1b[22m   \x1b[32m├─\x1b[39m \x1b[2m/van-ban/a/index.html\x1b[22m \x1b[32m(restored)\x1b[39m',
      '12:00:01   ├─ /van-ban/b/index.html (cached)',
      '12:00:01   ├─ /van-ban/c/index.html (+3ms) ',
      '12:00:02 ✓ Completed in 1.2s.',
    ];
    expect(lines.flatMap((l) => folder.push(l))).toEqual([
      '  … 3 routes written, 2 of them kept from the previous build ' +
        '(listing folded by scripts/build.ts; `npx astro build` shows it)',
      '12:00:02 ✓ Completed in 1.2s.',
    ]);
  });

  it('counts every route when pages render several at once and their listing interleaves', () => {
    // Astro with build.concurrency > 1: starts glued on one line, timings on their own lines
    const folder = createRouteFolder();
    const lines = [
      ' generating static routes ',
      '14:33:47   ├─ /404.html14:33:47   ├─ /api/directives.csv14:33:47   ├─ /api/a.json (+492ms) ',
      ' (+11ms) ',
      ' (+15ms)  (+1.20s) ',
      '14:33:48   ├─ /van-ban/a/index.html (restored)14:33:48   ├─ /van-ban/b/index.html (cached)',
      '14:33:48   ├─ /van-ban/c/index.html14:33:49 [WARN] [content] a warning while it rendered',
      ' (+3ms) ',
      '14:34:49 ✓ Completed in 1m 3s.',
    ];
    expect(lines.flatMap((l) => folder.push(l))).toEqual([
      ' generating static routes ',
      '  … 6 routes written, 2 of them kept from the previous build ' +
        '(listing folded by scripts/build.ts; `npx astro build` shows it)',
      '[WARN] [content] a warning while it rendered',
      '14:34:49 ✓ Completed in 1m 3s.',
    ]);
    expect(lines.slice(1, 5).every(isRouteLine)).toBe(true);
  });

  it('recognises route lines with or without colours and timestamps, and nothing else', () => {
    expect(isRouteLine('19:35:37   ├─ /van-ban/a/index.html (+2ms) ')).toBe(true);
    expect(isRouteLine('  \x1b[34m├─\x1b[39m \x1b[2m/raw/a.txt\x1b[22m')).toBe(true);
    expect(isRouteLine('  └─ /rss.xml (+3ms)')).toBe(true);
    expect(isRouteLine('19:35:37 [WARN] [vite] something ├─ odd')).toBe(false);
    expect(isRouteLine(' generating static routes ')).toBe(false);
  });
});
