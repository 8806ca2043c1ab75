/**
 * `node scripts/bench-search.ts [--count 10000] [--corpus DIR] [--runs 3]`: the search part of the bench.
 *  1. Relevance: the relevance set (scripts/bench/relevance-set.ts) over the seeds + search
 *     fixtures, archive's search vs plain Pagefind (crawled HTML, defaults): MRR and top-1.
 *  2. Speed at scale: the archive's index of a generated corpus (default 10,000 directives,
 *     `npm run bench:corpus`), behind the real search page, in Chromium: bytes fetched and
 *     milliseconds to first results, cold (empty cache) and warm (library loaded; next query).
 * Exported as runSearchBench() for scripts/bench.ts; prints a table when run directly.
 */
import { parseArgs } from 'node:util';
import { rm, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from './bench/browser.ts';
import { serveDir } from './bench/serve.ts';
import {
  buildRelevanceSite,
  buildSite,
  runRelevance,
  settledExpression,
  type RelevanceReport,
} from './bench/relevance.ts';
import { launchTimedBrowser, type TimedBrowser, type TimedPage } from './bench/timed-browser.ts';
import { RELEVANCE_SET } from './bench/relevance-set.ts';
import { ROOT, FIXTURES } from './bench/search-corpus.ts';
import { readSearchRecords } from '../src/lib/search/corpus.ts';
import { writeSearchIndex } from '../src/lib/search/indexer.ts';
import { writeCorpus } from './bench/write-corpus.ts';
import { directivePath, searchPageUrl, searchQueryString } from './bench/urls.ts';

/** cold: first visit, empty cache; warm: the same page, a query new to it, then one it just ran */
export type SpeedMode = 'cold' | 'warm, new query' | 'warm, repeated';

export interface SpeedSample {
  query: string;
  mode: SpeedMode;
  /** from the search's start to results on screen */
  searchMs: number;
  /** from navigation start to results on screen (cold only) */
  pageMs: number | null;
  /** bytes received for the search (Pagefind files and the search script), as transferred */
  bytes: number;
  requests: number;
}

/** The samples of one query and mode over the runs: medians, and the slowest run. */
export interface SpeedSummary {
  query: string;
  mode: SpeedMode;
  runs: number;
  searchMs: number;
  maxSearchMs: number;
  pageMs: number | null;
  bytes: number;
  requests: number;
}

export interface SearchBenchResult {
  relevance: { archive: RelevanceReport; plain: RelevanceReport; queries: number };
  speed: { directives: number; samples: SpeedSample[]; summary: SpeedSummary[] };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function summarise(samples: SpeedSample[]): SpeedSummary[] {
  const groups = new Map<string, SpeedSample[]>();
  for (const x of samples)
    groups.set(`${x.query}\u0000${x.mode}`, [...(groups.get(`${x.query}\u0000${x.mode}`) ?? []), x]);
  return [...groups.values()].map((xs) => ({
    query: xs[0]!.query,
    mode: xs[0]!.mode,
    runs: xs.length,
    searchMs: median(xs.map((x) => x.searchMs)),
    maxSearchMs: Math.max(...xs.map((x) => x.searchMs)),
    pageMs: xs[0]!.pageMs === null ? null : median(xs.map((x) => x.pageMs!)),
    bytes: median(xs.map((x) => x.bytes)),
    requests: median(xs.map((x) => x.requests)),
  }));
}

async function buildSpeedSite(work: string, corpus: string): Promise<{ dist: string; directives: number }> {
  // The site around the search page: built from the small fixture corpus (fast); its search
  // index is then replaced by one of the large corpus, built exactly as the integration does.
  const dist = buildSite(FIXTURES, work, 'bench site');
  const records = await readSearchRecords(join(corpus, 'directives'), directivePath);
  await rm(join(dist, 'pagefind'), { recursive: true, force: true });
  await writeSearchIndex(records, join(dist, 'pagefind'));
  return { dist, directives: records.length };
}

/** The queries timed: a common phrase, a place typed without diacritics, a number, a long topic, a short one. */
export const SPEED_QUERIES = ['phòng chống dịch', 'vinh phuc', '469-CV/TU', 'tiêm vắc xin cho trẻ em', 'F0 tại nhà'];

/** The search's own files: Pagefind's and the page's scripts. */
export const SEARCH_FILE = /\/pagefind\/|\/_astro\/.*\.js$/;

/**
 * Bytes and requests of the search's files that the page fetched from resource timing entry
 * `from` on, as transferred (gzip where the host compresses; a file from the cache counts nothing).
 */
function fetchedSince(page: TimedPage, from: number): Promise<{ bytes: number; requests: number }> {
  return page.evaluate(`(() => {
    const got = performance.getEntriesByType('resource').slice(${from})
      .filter((e) => ${SEARCH_FILE}.test(e.name) && e.transferSize > 0);
    return { bytes: got.reduce((n, e) => n + e.encodedBodySize, 0), requests: got.length };
  })()`);
}

const resourceCount = (page: TimedPage): Promise<number> =>
  page.evaluate(`performance.getEntriesByType('resource').length`);

/** Resolves once no fetch has finished for half a second (what is fetched after the first results counts too). */
const networkIdle = (page: TimedPage): Promise<void> =>
  page.evaluate(`new Promise((done) => {
    let seen = -1;
    const look = () => {
      const now = performance.getEntriesByType('resource').length;
      if (now === seen) return done();
      seen = now;
      setTimeout(look, 500);
    };
    look();
  })`);

async function marks(page: TimedPage): Promise<{ searchMs: number; pageMs: number }> {
  const m = await page.evaluate<{ searchMs: number; pageMs: number } | { status: string }>(`(() => {
    const s = performance.getEntriesByName('search:start').at(-1);
    const r = performance.getEntriesByName('search:results').at(-1);
    if (!s || !r) return { status: document.getElementById('search-status')?.textContent ?? '' };
    return { searchMs: r.startTime - s.startTime, pageMs: r.startTime };
  })()`);
  if ('status' in m) throw new Error(`The search page showed no results to time; it says: "${m.status}"`);
  return m;
}

/** Cold and warm samples of each query, `runs` times, on the search page at `baseUrl`. */
export async function measureSpeed(
  browser: TimedBrowser,
  baseUrl: string,
  queries: string[],
  runs: number,
): Promise<SpeedSample[]> {
  const samples: SpeedSample[] = [];
  // A reader's browser is already running: one page load first, so the first sample does not
  // also pay for starting the browser's renderer. Each sample still gets an empty cache.
  const warmUp = await browser.newPage();
  await warmUp.goto(`${baseUrl}/`);
  await warmUp.close();
  for (let run = 0; run < runs; run++)
    for (const [i, query] of queries.entries()) {
      const page = await browser.newPage(); // a context of its own, empty cache: cold
      await page.goto(`${baseUrl}${searchPageUrl(query)}`);
      // (a wait that runs nothing on the page's thread while the search is timed: see settledExpression)
      await page.evaluate(settledExpression());
      await networkIdle(page);
      const cold = await marks(page);
      samples.push({
        query,
        mode: 'cold',
        searchMs: cold.searchMs,
        pageMs: cold.pageMs,
        ...(await fetchedSince(page, 0)),
      });
      // Warm: the same page, the next query of the list (new to this page), then the first one again.
      for (const [next, mode] of [
        [queries[(i + 1) % queries.length]!, 'warm, new query'],
        [query, 'warm, repeated'],
      ] as const) {
        const from = await resourceCount(page);
        // typed in one go and sent, as Playwright's fill and press do
        await page.evaluate(`(() => { const q = document.getElementById('q'); q.focus(); q.select(); })()`);
        await page.insertText(next);
        await page.pressEnter();
        const search = JSON.stringify(searchQueryString(next));
        await page.evaluate(`new Promise((done) => {
          const look = () => (location.search === ${search} ? done() : setTimeout(look, 5));
          look();
        })`);
        await page.evaluate(settledExpression());
        await networkIdle(page);
        const warm = await marks(page);
        samples.push({ query: next, mode, searchMs: warm.searchMs, pageMs: null, ...(await fetchedSince(page, from)) });
      }
      await page.close();
    }
  return samples;
}

export async function runSearchBench(
  opts: { count?: number | undefined; corpus?: string | undefined; runs?: number | undefined } = {},
): Promise<SearchBenchResult> {
  const work = resolve(ROOT, '.tmp/bench-search');
  await mkdir(work, { recursive: true });
  if (opts.corpus && !existsSync(join(opts.corpus, 'directives')))
    throw new Error(
      `No corpus at ${opts.corpus} (no directives/ folder in it); make one with ` +
        `npm run bench:corpus -- --count ${opts.count ?? 10_000} --out ${opts.corpus}`,
    );
  const browser = await launchBrowser();
  let relevance: SearchBenchResult['relevance'];
  try {
    const site = await buildRelevanceSite(join(work, 'relevance'));
    const rel = await serveDir(site.dist);
    const archive = await runRelevance(browser, rel.url, site, RELEVANCE_SET, 'archive');
    const plain = await runRelevance(browser, rel.url, site, RELEVANCE_SET, 'plain');
    await rel.close();
    relevance = { archive, plain, queries: RELEVANCE_SET.length };
  } finally {
    await browser.close();
  }

  const count = opts.count ?? 10_000;
  let corpus = opts.corpus;
  if (!corpus) {
    corpus = join(work, `corpus-${count}`);
    if (!existsSync(join(corpus, 'directives'))) await writeCorpus(corpus, count, 1);
  }
  const speedSite = await buildSpeedSite(join(work, 'speed'), corpus);
  const srv = await serveDir(speedSite.dist);
  // (timed in a Chromium with nothing listening to its network: scripts/bench/timed-browser.ts)
  const timed = await launchTimedBrowser();
  try {
    const samples = await measureSpeed(timed, srv.url, SPEED_QUERIES, opts.runs ?? 3);
    return { relevance, speed: { directives: speedSite.directives, samples, summary: summarise(samples) } };
  } finally {
    await timed.close();
    await srv.close();
  }
}

export function formatSearchBench(r: SearchBenchResult): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  lines.push(`Search relevance (${r.relevance.queries} queries, seeds + fixtures)`);
  lines.push(`  engine              MRR     top-1`);
  lines.push(`  plain Pagefind      ${r.relevance.plain.mrr.toFixed(3)}   ${pct(r.relevance.plain.top1)}`);
  lines.push(`  archive search      ${r.relevance.archive.mrr.toFixed(3)}   ${pct(r.relevance.archive.top1)}`);
  const kinds = [...new Set(r.relevance.archive.outcomes.map((o) => o.kind))];
  for (const k of kinds) {
    const a = r.relevance.archive.outcomes.filter((o) => o.kind === k);
    const p = r.relevance.plain.outcomes.filter((o) => o.kind === k);
    const t = (xs: typeof a) => xs.filter((o) => o.rank === 1).length;
    lines.push(`    ${k.padEnd(9)} top-1: plain ${t(p)}/${p.length}, archive ${t(a)}/${a.length}`);
  }
  const misses = r.relevance.archive.outcomes.filter((o) => o.rank !== 1);
  for (const m of misses) lines.push(`  archive miss: ${m.q} (rank ${m.rank || '>10'})`);
  lines.push('');
  lines.push(
    `Search speed, ${r.speed.directives} directives, Chromium, median of ${r.speed.summary[0]?.runs ?? 0} runs ` +
      '(targets: cold ≤ 400 ms and ≤ 300 KB, warm new query ≤ 100 ms)',
  );
  lines.push(`  query                     mode              search ms (max)  page ms  KB fetched  requests`);
  for (const s of r.speed.summary) {
    lines.push(
      [
        `  ${s.query.padEnd(25)} ${s.mode.padEnd(16)}`,
        `${s.searchMs.toFixed(0)} (${s.maxSearchMs.toFixed(0)})`.padStart(16),
        ` ${(s.pageMs === null ? '' : s.pageMs.toFixed(0)).padStart(7)}`,
        ` ${(s.bytes / 1024).toFixed(1).padStart(10)}`,
        ` ${String(s.requests).padStart(8)}`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, corpus: { type: 'string' }, runs: { type: 'string' } },
  });
  try {
    const result = await runSearchBench({
      count: values.count ? Number(values.count) : undefined,
      corpus: values.corpus,
      runs: values.runs ? Number(values.runs) : undefined,
    });
    console.log(formatSearchBench(result));
  } catch (e) {
    console.error(`bench:search: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
