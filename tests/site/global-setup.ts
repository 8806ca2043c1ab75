/**
 * Builds the archive from the repository's content into .tmp/site-dist (never over dist/) with
 * `npm run build`, exactly as CI and the deploy do (scripts/bench/build.ts), then serves it with
 * `astro preview` on a free port. Tests read `inject('baseUrl')` and `inject('distDir')`.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { buildArchive } from '../../scripts/bench/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
const astroBin = resolve(root, 'node_modules/astro/bin/astro.mjs');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server at ${url} did not answer within ${ms} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = process.env.TEST_DIST_DIR ?? resolve(root, '.tmp/site-dist');
  // The tests expect the default site and base: drop a developer's SITE/BASE, and the
  // BASE_URL vitest puts in process.env (Astro would take it over the configured base).
  const { BASE_URL: _b, BASE: _base, SITE: _site, ...inherited } = process.env;
  const env = {
    ...inherited,
    OUT_DIR: distDir,
    CACHE_DIR: resolve(root, '.tmp/site-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (!process.env.TEST_SKIP_BUILD) buildArchive({ outDir: distDir, cacheDir: env.CACHE_DIR, env });
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [astroBin, 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
    {
      cwd: root,
      env,
      stdio: 'ignore',
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 30_000);
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', distDir);
  return async () => {
    server.kill();
  };
}
