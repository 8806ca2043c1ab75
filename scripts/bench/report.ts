/**
 * Benchmark results: the JSON shape written to bench-results/latest.json and the Markdown table
 * printed and kept in docs/performance.md.
 */
import { cpus, totalmem } from 'node:os';
import { PHASE_LABELS, type MeasuredRun } from './measure.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
}

export function machine(now = new Date()): Machine {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: now.toISOString().slice(0, 10),
  };
}

/** The measured run's figures (documented on MeasuredRun) plus what the build produced. */
export interface BuildResult
  extends Pick<MeasuredRun, 'ok' | 'wallSeconds' | 'osMaxRssMiB' | 'cpuSeconds' | 'sampledPeakRssMiB' | 'phases'> {
  outputFiles: number;
  outputBytes: number;
  directivePages: number;
  pagesPerSecond: number;
  warningLines: number;
  /** log lines per built page: per-file noise shows as ~1 or more */
  logLinesPerPage: number;
}

export interface SizeResult {
  count: number;
  seed: number;
  corpusBytes: number;
  import: { ok: boolean; seconds?: number; docsPerSecond?: number; note?: string };
  build: BuildResult | null;
  rebuildOne: BuildResult | null;
  /** the yardstick: a plain Astro + MDX + Pagefind site on the same MDX (scripts/bench/plain-site.ts) */
  plain?: BuildResult | null;
  pageWeight: {
    medianHtmlCssBytes: number;
    maxHtmlCssBytes: number;
    medianGzipBytes: number;
    maxGzipBytes: number;
    sampled: number;
  } | null;
  search: { ok: boolean; metrics?: Record<string, number | string>; note?: string };
}

export interface BenchResults {
  label: string;
  machine: Machine;
  sizes: SizeResult[];
}

const kb = (b: number): string => `${(b / 1024).toFixed(1)} KiB`;
const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MiB`;
const s = (x: number): string => `${x.toFixed(1)} s`;
const mem = (m: number | null): string => (m == null ? 'n/a' : `${(m / 1024).toFixed(2)} GiB`);

export function toMarkdown(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Benchmark "${r.label}", ${m.date}: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ` +
      `Node ${m.node}, ${m.platform}.`,
  );
  lines.push('');
  const head = ['', ...r.sizes.map((x) => `${x.count.toLocaleString('en')} directives`)];
  const row = (name: string, f: (x: SizeResult) => string): string => `| ${[name, ...r.sizes.map(f)].join(' | ')} |`;
  lines.push(`| ${head.join(' | ')} |`);
  lines.push(`|${head.map(() => '---').join('|')}|`);
  lines.push(row('corpus (MDX + raw)', (x) => mb(x.corpusBytes)));
  lines.push(
    row('import', (x) =>
      x.import.ok
        ? `${s(x.import.seconds!)} (${x.import.docsPerSecond!.toFixed(0)} docs/s)`
        : `skipped: ${x.import.note}`,
    ),
  );
  lines.push(
    row('**full build, wall**', (x) =>
      x.build ? `**${s(x.build.wallSeconds)}**${x.build.ok ? '' : ' FAILED'}` : 'n/a',
    ),
  );
  lines.push(row('CPU time (user + system)', (x) => (x.build?.cpuSeconds != null ? s(x.build.cpuSeconds) : 'n/a')));
  lines.push(row('**peak memory (OS, largest process)**', (x) => `**${mem(x.build?.osMaxRssMiB ?? null)}**`));
  lines.push(row('peak memory (sampled, whole process tree)', (x) => mem(x.build?.sampledPeakRssMiB ?? null)));
  const phaseNames = [...new Set(r.sizes.flatMap((x) => x.build?.phases.map((p) => p.phase) ?? []))];
  for (const p of phaseNames) {
    lines.push(
      row(`— ${PHASE_LABELS[p]}: time / peak`, (x) => {
        const st = x.build?.phases.find((q) => q.phase === p);
        return st ? `${s(st.seconds)} / ${mem(st.peakRssMiB)}` : 'n/a';
      }),
    );
  }
  const ratio = (a: number | null | undefined, b: number | null | undefined): string =>
    a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a';
  if (r.sizes.some((x) => x.plain)) {
    lines.push(
      row('**plain Astro + MDX + Pagefind (same MDX): wall**', (x) =>
        x.plain ? `**${s(x.plain.wallSeconds)}**${x.plain.ok ? '' : ' FAILED'}` : 'n/a',
      ),
    );
    lines.push(
      row('plain: CPU / peak memory (OS, largest process)', (x) =>
        x.plain ? `${s(x.plain.cpuSeconds ?? 0)} / ${mem(x.plain.osMaxRssMiB)}` : 'n/a',
      ),
    );
    lines.push(
      row('**archive ÷ plain: wall / CPU / peak**', (x) =>
        x.plain && x.build
          ? [
              `**${ratio(x.build.wallSeconds, x.plain.wallSeconds)}**`,
              ratio(x.build.cpuSeconds, x.plain.cpuSeconds),
              ratio(x.build.osMaxRssMiB, x.plain.osMaxRssMiB),
            ].join(' / ')
          : 'n/a',
      ),
    );
  }
  lines.push(
    row('directive pages / second (whole build)', (x) => (x.build ? x.build.pagesPerSecond.toFixed(0) : 'n/a')),
  );
  lines.push(
    row('output: files / size', (x) =>
      x.build ? `${x.build.outputFiles.toLocaleString('en')} / ${mb(x.build.outputBytes)}` : 'n/a',
    ),
  );
  lines.push(
    row('build log: warning lines / lines per page', (x) =>
      x.build ? `${x.build.warningLines} / ${x.build.logLinesPerPage.toFixed(2)}` : 'n/a',
    ),
  );
  lines.push(
    row('**rebuild after adding one directive**', (x) =>
      x.rebuildOne
        ? `**${s(x.rebuildOne.wallSeconds)}** (CPU ${s(x.rebuildOne.cpuSeconds ?? 0)}), ` +
          `${mem(x.rebuildOne.osMaxRssMiB)}${x.rebuildOne.ok ? '' : ' FAILED'}`
        : 'n/a',
    ),
  );
  lines.push(
    row('directive page HTML+CSS: median / max (gzip)', (x) =>
      x.pageWeight
        ? `${kb(x.pageWeight.medianHtmlCssBytes)} / ${kb(x.pageWeight.maxHtmlCssBytes)} ` +
          `(${kb(x.pageWeight.medianGzipBytes)} / ${kb(x.pageWeight.maxGzipBytes)})`
        : 'n/a',
    ),
  );
  const searchKeys = [...new Set(r.sizes.flatMap((x) => Object.keys(x.search.metrics ?? {})))];
  if (searchKeys.length === 0) lines.push(row('search', (x) => (x.search.ok ? 'ok' : `skipped: ${x.search.note}`)));
  for (const k of searchKeys) lines.push(row(`search: ${k}`, (x) => String(x.search.metrics?.[k] ?? 'n/a')));
  return `${lines.join('\n')}\n`;
}
