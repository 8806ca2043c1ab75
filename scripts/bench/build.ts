/**
 * Builds the archive for a test exactly as CI and the deploy do: `npm run build` (the content
 * check, then scripts/build.ts: body HTML, `astro build`, the search index and the integrity
 * check). The one build path; no test builds the site another way.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** the built site (OUT_DIR) */
  outDir: string;
  /** the build cache (CACHE_DIR); default `<outDir>-cache` */
  cacheDir?: string;
  /** the content folder (CONTENT_DIR); default the repository's content/ */
  contentDir?: string;
  /** the environment to start from (default process.env); OUT_DIR, CACHE_DIR, CONTENT_DIR are set on top */
  env?: NodeJS.ProcessEnv;
}

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `npm run build`; returns its exit status and output. */
export function runBuild(o: BuildOptions): BuildRun {
  const env: NodeJS.ProcessEnv = {
    ...(o.env ?? process.env),
    OUT_DIR: o.outDir,
    CACHE_DIR: o.cacheDir ?? `${o.outDir}-cache`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (o.contentDir) env.CONTENT_DIR = o.contentDir;
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Run `npm run build` and throw, with its output, unless it succeeds; returns the built site's folder. */
export function buildArchive(o: BuildOptions, what = 'npm run build'): string {
  const r = runBuild(o);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return o.outDir;
}
