/**
 * Measuring a build from outside: wall time and peak memory as the operating system reports
 * them (`/usr/bin/time -v`), plus a /proc sampler that attributes memory (summed over the whole
 * process tree, e.g. Node plus the Pagefind binary) to the build phase the log says is running.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Build phases, in the order `npm run build` runs them, recognised from its log lines: the HTML
 * cache warm-up, Astro's own phases, then the search step in its own process.
 */
export const PHASES = ['startup', 'html', 'content', 'bundle', 'render', 'index', 'search'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  startup: 'startup, config',
  html: 'body HTML on all cores, Astro config',
  content: 'content sync, types',
  bundle: 'Vite bundling',
  render: 'page rendering',
  index: 'sitemap, raw copies (in-process Pagefind, checks)',
  search: 'search index + integrity check (own process; plain site: Pagefind CLI)',
};

/** The phase that starts with this log line while `current` runs, if any. */
export function phaseStartedBy(line: string, current: Phase): Phase | null {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (/\[archive:html-cache\] Rendering/.test(plain)) return 'html';
  if (/\[content\] Syncing content/.test(plain)) return 'content';
  if (/\[archive:search-index\] Indexing|\[plain:pagefind\] Indexing/.test(plain)) return 'search';
  if (/\[build\] Building static entrypoints/.test(plain)) return 'bundle';
  if (/(generating|prerendering) static routes/.test(plain)) return 'render';
  // Rendering ends with Astro's "[build] ✓ Completed in …" summary; integrations follow.
  if (
    current === 'render' &&
    (/\[build\] ✓ Completed in /.test(plain) || /\[@astrojs\/sitemap\]|Waiting for integration|\[archive:/.test(plain))
  )
    return 'index';
  return null;
}

export interface TimeV {
  wallSeconds: number;
  maxRssKiB: number;
  userSeconds: number;
  systemSeconds: number;
  exitStatus: number;
}

/** Parse GNU time's `-v` report. */
export function parseTimeV(text: string): TimeV | null {
  const field = (name: string): string | undefined => new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(text)?.[1]?.trim();
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const rss = field('Maximum resident set size \\(kbytes\\)');
  if (!wall || !rss) return null;
  const parts = wall.split(':').map(Number);
  const wallSeconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  return {
    wallSeconds,
    maxRssKiB: Number(rss),
    userSeconds: Number(field('User time \\(seconds\\)') ?? 0),
    systemSeconds: Number(field('System time \\(seconds\\)') ?? 0),
    exitStatus: Number(field('Exit status') ?? 0),
  };
}

export interface PhaseStats {
  phase: Phase;
  seconds: number;
  /** peak of the summed RSS of the process tree while the phase ran, sampled */
  peakRssMiB: number;
}

export interface MeasuredRun {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** from /usr/bin/time: the largest single process in the tree (GNU time reports max of children) */
  osMaxRssMiB: number | null;
  /** user + system CPU seconds of the whole tree: steadier than wall time on a shared machine */
  cpuSeconds: number | null;
  /** sampled: the largest sum over the process tree at any one moment */
  sampledPeakRssMiB: number;
  phases: PhaseStats[];
  log: string;
  /** log lines that look like warnings or errors, for the noise check */
  warnings: string[];
}

async function childrenOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  try {
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const kids = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
      for (const k of kids.split(/\s+/).filter(Boolean)) out.push(Number(k));
    }
  } catch {
    // process gone
  }
  return out;
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
}

/** Summed RSS of a process and all its descendants, KiB. */
export async function treeRssKiB(pid: number): Promise<number> {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += await rssKiB(p);
    stack.push(...(await childrenOf(p)));
  }
  return total;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** print the child's output as it comes */
  echo?: boolean;
  sampleMs?: number;
}

/** Run `command args` under `/usr/bin/time -v`, sampling memory and splitting the log into phases. */
export async function runMeasured(command: string, args: string[], opts: RunOptions): Promise<MeasuredRun> {
  // GNU time writes its report to a file of its own, never mixed with the command's output.
  const reportDir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const reportFile = join(reportDir, 'time-v.txt');
  try {
    return await measure(command, args, opts, reportFile);
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

function measure(command: string, args: string[], opts: RunOptions, reportFile: string): Promise<MeasuredRun> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', '-o', reportFile, command, ...args], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let phase: Phase = 'startup';
    let phaseStart = started;
    const peaks = new Map<Phase, number>();
    const durations = new Map<Phase, number>();
    let overallPeak = 0;
    const switchTo = (next: Phase): void => {
      if (PHASES.indexOf(next) <= PHASES.indexOf(phase)) return;
      const now = performance.now();
      durations.set(phase, (durations.get(phase) ?? 0) + (now - phaseStart));
      phase = next;
      phaseStart = now;
    };
    let pending = '';
    const onLine = (line: string): void => {
      const next = phaseStartedBy(line, phase);
      if (next) switchTo(next);
    };
    const onData = (chunk: Buffer, isErr: boolean): void => {
      const text = chunk.toString('utf8');
      log += text;
      if (opts.echo) (isErr ? process.stderr : process.stdout).write(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', (c: Buffer) => onData(c, false));
    child.stderr.on('data', (c: Buffer) => onData(c, true));
    const sampler = setInterval(() => {
      if (!child.pid) return;
      void treeRssKiB(child.pid).then((kib) => {
        const mib = kib / 1024;
        overallPeak = Math.max(overallPeak, mib);
        peaks.set(phase, Math.max(peaks.get(phase) ?? 0, mib));
      });
    }, opts.sampleMs ?? 200);
    child.on('error', (e) => {
      clearInterval(sampler);
      reject(e);
    });
    child.on('close', async (code) => {
      clearInterval(sampler);
      const end = performance.now();
      durations.set(phase, (durations.get(phase) ?? 0) + (end - phaseStart));
      const tv = parseTimeV(await readFile(reportFile, 'utf8').catch(() => ''));
      const phases = PHASES.filter((p) => durations.has(p)).map((p) => ({
        phase: p,
        seconds: (durations.get(p) ?? 0) / 1000,
        peakRssMiB: Math.round(peaks.get(p) ?? 0),
      }));
      // eslint-disable-next-line no-control-regex
      const warnings = log
        .split('\n')
        .filter((l) => /\b(WARN|warn|warning|error)\b/i.test(l.replace(/\x1b\[[0-9;]*m/g, '')));
      resolveRun({
        ok: code === 0,
        exitCode: code,
        wallSeconds: tv?.wallSeconds ?? (end - started) / 1000,
        osMaxRssMiB: tv ? Math.round(tv.maxRssKiB / 1024) : null,
        cpuSeconds: tv ? tv.userSeconds + tv.systemSeconds : null,
        sampledPeakRssMiB: Math.round(overallPeak),
        phases,
        log,
        warnings,
      });
    });
  });
}

export interface TreeStats {
  files: number;
  bytes: number;
}

export async function treeStats(dir: string): Promise<TreeStats> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}
