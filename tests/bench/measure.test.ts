/**
 * The benchmark's numbers come from the OS and from Astro's own log: these guard the parsing of
 * GNU time's report, the split of a real Astro build log into phases, the memory sampler on a
 * real process tree, the page-weight reading and the Markdown table.
 */
import { describe, expect, it } from 'vitest';
import { readFile, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseTimeV, phaseStartedBy, runMeasured, type Phase } from '../../scripts/bench/measure.ts';
import { pageWeight, stylesheetHrefs } from '../../scripts/bench/page-weight.ts';
import { toMarkdown, machine, type BenchResults } from '../../scripts/bench/report.ts';

const fixtures = join(import.meta.dirname, '../fixtures/bench');

describe('reading GNU time -v', () => {
  it('reads wall time, peak memory and CPU from a real report', async () => {
    const t = parseTimeV(await readFile(join(fixtures, 'time-v.txt'), 'utf8'));
    expect(t).not.toBeNull();
    expect(t!.maxRssKiB).toBe(1032);
    expect(t!.exitStatus).toBe(0);
  });

  it('reads h:mm:ss wall clock values', () => {
    const t = parseTimeV(
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02:03.5\n\tMaximum resident set size (kbytes): 2048\n',
    );
    expect(t!.wallSeconds).toBeCloseTo(3723.5);
    expect(parseTimeV('no report')).toBeNull();
  });
});

describe('splitting an Astro build log into phases', () => {
  it('finds content sync, bundling, rendering and the post-build integrations in order', async () => {
    const log = (await readFile(join(fixtures, 'astro-build-1000.log'), 'utf8')).split('\n');
    let phase: Phase = 'startup';
    const seen: [Phase, string][] = [];
    for (const line of log) {
      const next = phaseStartedBy(line, phase);
      if (next && next !== phase) {
        phase = next;
        seen.push([next, line.trim().slice(0, 60)]);
      }
    }
    expect(seen.map(([p]) => p)).toEqual(['content', 'bundle', 'render', 'index']);
    expect(seen[2]![1]).toContain('generating static routes');
    // The "Collecting build info … ✓ Completed" line before bundling must not end rendering.
    expect(seen[3]![1]).toMatch(/\[build\] ✓ Completed in 32\.50s/);
  });
});

describe('splitting an npm run build log into phases', () => {
  it('adds the HTML warm-up before Astro and the search step after it', () => {
    const log = [
      '[archive:html-cache] Rendering directive bodies not yet cached, 2 threads',
      '[archive:html-cache] 3000 directive bodies ready in 10.4 s on 2 threads',
      '20:00:01 [content] Syncing content',
      '20:00:05 [build] Building static entrypoints...',
      ' generating static routes ',
      '20:01:00 [build] ✓ Completed in 55.00s.',
      '20:01:01 [archive:raw-copies] Copied 3000 raw sources.',
      '[archive:search-index] Indexing directives for search',
      '[archive:build-integrity] 3000 content entries = 3000 directive pages = 3000 pages in the search index.',
    ];
    let phase: Phase = 'startup';
    const seen: Phase[] = [];
    for (const line of log) {
      const next = phaseStartedBy(line, phase);
      if (next && next !== phase) {
        phase = next;
        seen.push(phase);
      }
    }
    expect(seen).toEqual(['html', 'content', 'bundle', 'render', 'index', 'search']);
  });
});

describe('measuring a real process tree', () => {
  it('reports the memory a child process really used, from the OS and from sampling', async () => {
    // A parent that starts a child holding ~300 MB for three seconds (long enough to be sampled on a busy machine).
    const script = `
      const { spawnSync } = require('node:child_process');
      const hold = 'const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 3000);';
      spawnSync(process.execPath, ['-e', hold], { stdio: 'inherit' });
      console.log('[content] Syncing content');
    `;
    const run = await runMeasured(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: process.env,
      sampleMs: 100,
    });
    expect(run.ok).toBe(true);
    expect(run.osMaxRssMiB).toBeGreaterThan(290);
    expect(run.sampledPeakRssMiB).toBeGreaterThan(290);
    expect(run.log).toContain('1\n');
    expect(run.phases.map((p) => p.phase)).toEqual(['startup', 'content']);
  }, 30_000);

  it('reports a failing command as failed', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'process.exit(3)'], {
      cwd: process.cwd(),
      env: process.env,
    });
    expect(run.ok).toBe(false);
    expect(run.exitCode).toBe(3);
  }, 30_000);
});

describe('page weight', () => {
  it('adds the linked same-site stylesheets to the HTML, raw and gzipped', async () => {
    const out = await mkdtemp(join(tmpdir(), 'weight-'));
    await mkdir(join(out, '_astro'));
    await mkdir(join(out, 'van-ban', 'a'), { recursive: true });
    const css = 'body{color:#111}'.repeat(50);
    const head = '<link rel="stylesheet" href="/_astro/a.css"><link rel=icon href="/x.svg">';
    const html = `<!doctype html><html><head>${head}</head><body>${'Văn bản '.repeat(200)}</body></html>`;
    await writeFile(join(out, '_astro', 'a.css'), css);
    await writeFile(join(out, 'van-ban', 'a', 'index.html'), html);
    const w = await pageWeight(out, 'van-ban/a/index.html');
    expect(w.stylesheets).toEqual(['/_astro/a.css']);
    expect(w.htmlBytes).toBe(Buffer.byteLength(html));
    expect(w.cssBytes).toBe(css.length);
    expect(w.gzipBytes).toBe(
      gzipSync(Buffer.from(html), { level: 9 }).length + gzipSync(Buffer.from(css), { level: 9 }).length,
    );
  });

  it('recognises stylesheet links in any attribute order and quoting', () => {
    expect(
      stylesheetHrefs(
        '<link href="/b.css" rel="stylesheet"><link rel=stylesheet href=/c.css><link rel="preload" href="/d.css">',
      ),
    ).toEqual(['/b.css', '/c.css']);
  });
});

describe('results table', () => {
  it('shows each size as a column with the build, memory, rebuild and skipped parts', () => {
    const build = {
      ok: true,
      wallSeconds: 100,
      osMaxRssMiB: 2048,
      cpuSeconds: 150,
      sampledPeakRssMiB: 2300,
      phases: [{ phase: 'render' as const, seconds: 40, peakRssMiB: 1900 }],
      outputFiles: 20000,
      outputBytes: 300 * 1048576,
      directivePages: 10000,
      pagesPerSecond: 100,
      warningLines: 0,
      logLinesPerPage: 0.01,
    };
    const r: BenchResults = {
      label: 'test',
      machine: machine(new Date('2026-01-02T00:00:00Z')),
      sizes: [
        {
          count: 10000,
          seed: 1,
          corpusBytes: 1048576,
          import: { ok: false, note: 'not present' },
          build,
          rebuildOne: { ...build, wallSeconds: 30 },
          pageWeight: null,
          search: { ok: false, note: 'none' },
        },
      ],
    };
    const md = toMarkdown(r);
    expect(md).toContain('| 10,000 directives |');
    expect(md).toContain('**100.0 s**');
    expect(md).toContain('**2.00 GiB**');
    expect(md).toContain('page rendering: time / peak | 40.0 s / 1.86 GiB');
    expect(md).toContain('**30.0 s**');
    expect(md).toContain('skipped: not present');
    expect(md).toContain('2026-01-02');
  });
});
