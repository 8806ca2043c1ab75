/**
 * Builds the relevance corpus (seeds + search fixtures) into its own folders under .tmp/, adds
 * a plain Pagefind index of the same pages (crawled HTML, Pagefind's defaults) beside the
 * archive's, and runs the relevance set in Chromium against both: the archive's search through
 * its real page (/tim-kiem/?q=…), plain Pagefind through its own JS API. Shared by the test
 * (tests/site/search-relevance.test.ts) and the bench.
 */
import { resolve, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { buildArchive } from './build.ts';
import { assembleCorpus, ROOT } from './search-corpus.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { docNumberKey } from '../../src/lib/doc-number.ts';
import { searchPageUrl, directivePath, DIRECTIVES_PREFIX } from './urls.ts';
import type { DocRef, RelevanceQuery } from './relevance-set.ts';

export interface RelevanceSite {
  dist: string;
  /** url -> metadata of every directive in the corpus */
  docs: { url: string; province: string; number: string | null; docType: string }[];
}

/** `npm run build` of a content folder into <work>/dist (cache in <work>/cache); returns the dist path. */
export function buildSite(content: string, work: string, what: string): string {
  const dist = join(work, 'dist');
  return buildArchive({ contentDir: content, outDir: dist, cacheDir: join(work, 'cache') }, `${what} build`);
}

export async function buildRelevanceSite(
  work = resolve(ROOT, '.tmp/search-relevance'),
  sources?: string[],
): Promise<RelevanceSite> {
  const content = await assembleCorpus(join(work, 'content'), sources);
  const dist = buildSite(content, work, 'relevance');
  // Plain Pagefind, for comparison: its crawler over the same built pages, default settings.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  await index.addDirectory({ path: dist });
  const w = await index.writeFiles({ outputPath: join(dist, 'pagefind-plain') });
  if (w.errors.length) throw new Error(w.errors.join('; '));
  await pagefind.close();
  const records = await readSearchRecords(join(content, 'directives'), directivePath);
  return {
    dist,
    docs: records.map((r) => ({
      url: r.url,
      province: r.meta.province!,
      number: r.meta.number || null,
      docType: r.meta.docType!,
    })),
  };
}

/** The URLs a reference names; an error when it names none (a broken test set must not pass). */
export function resolveRef(site: RelevanceSite, ref: DocRef): string[] {
  const urls = site.docs
    .filter(
      (d) =>
        d.province === ref.province &&
        (ref.number === undefined || docNumberKey(d.number ?? '') === docNumberKey(ref.number ?? '')) &&
        (ref.docType === undefined || d.docType === ref.docType),
    )
    .map((d) => d.url);
  if (urls.length === 0) throw new Error(`Relevance set names a directive not in the corpus: ${JSON.stringify(ref)}`);
  return urls;
}

/** True once the search page has finished a search (its live region says how it went). */
export function searchSettled(): boolean {
  const page = document.querySelector('.search-page');
  const status = document.querySelector('#search-status')?.textContent ?? '';
  return !!page && !page.hasAttribute('aria-busy') && status !== '' && status !== 'Đang tìm…';
}

/**
 * A promise, as one expression to evaluate in the page, that resolves once the search page has
 * settled (searchSettled), looking again only when the page changes. A wait that polls on every
 * frame runs on the thread the search runs on: a timed search would then include the harness's
 * work (about 1 ms a frame on this machine).
 */
export function settledExpression(timeout = 60_000): string {
  // (one expression from both functions' source: the page's CSP allows no eval of its own)
  return `(${settleWatch.toString()})(${searchSettled.toString()}, ${timeout})`;
}

function settleWatch(isSettled: () => boolean, ms: number): Promise<void> {
  return new Promise<void>((done, fail) => {
    if (isSettled()) return done();
    const timer = setTimeout(() => {
      watch.disconnect();
      fail(new Error(`The search page did not settle within ${ms} ms`));
    }, ms);
    const watch = new MutationObserver(() => {
      if (!isSettled()) return;
      watch.disconnect();
      clearTimeout(timer);
      done();
    });
    watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The archive's search, through its page: result URLs in order (paths, no query string). */
export async function archiveResults(page: Page, baseUrl: string, q: string): Promise<string[]> {
  await page.goto(`${baseUrl}${searchPageUrl(q)}`);
  await page.waitForFunction(searchSettled, null, { timeout: 15_000 });
  return page.$$eval(`[data-search-results] a[href*="${DIRECTIVES_PREFIX}"]`, (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

/** Plain Pagefind over the crawled pages: result URLs of directive pages, in its order. */
export async function plainResults(page: Page, baseUrl: string, q: string): Promise<string[]> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/404.html`);
  return page.evaluate(
    async ({ query, prefix }) => {
      const pf = await import('/pagefind-plain/pagefind.js' as string);
      const res = await pf.search(query);
      const data = await Promise.all(
        res.results.slice(0, 20).map((r: { data: () => Promise<{ url: string }> }) => r.data()),
      );
      return data.map((d: { url: string }) => d.url).filter((u: string) => u.startsWith(prefix));
    },
    { query: q, prefix: DIRECTIVES_PREFIX },
  );
}

export interface QueryOutcome {
  q: string;
  kind: string;
  expected: string[];
  got: string[];
  /** 1-based rank of the first expected directive, 0 when not in the top 10 */
  rank: number;
}

export interface RelevanceReport {
  outcomes: QueryOutcome[];
  mrr: number;
  top1: number;
}

export async function runRelevance(
  browser: Browser,
  baseUrl: string,
  site: RelevanceSite,
  set: RelevanceQuery[],
  engine: 'archive' | 'plain',
): Promise<RelevanceReport> {
  const page = await browser.newPage();
  const outcomes: QueryOutcome[] = [];
  try {
    for (const item of set) {
      const q = item.nfd ? item.q.normalize('NFD') : item.q;
      const expected = item.first.flatMap((r) => resolveRef(site, r));
      const got = (
        engine === 'archive' ? await archiveResults(page, baseUrl, q) : await plainResults(page, baseUrl, q)
      ).slice(0, 10);
      const idx = got.findIndex((u) => expected.includes(u));
      outcomes.push({ q: item.q + (item.nfd ? ' (NFD)' : ''), kind: item.kind, expected, got, rank: idx + 1 });
    }
  } finally {
    await page.close();
  }
  const n = outcomes.length || 1;
  return {
    outcomes,
    mrr: outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n,
    top1: outcomes.filter((o) => o.rank === 1).length / n,
  };
}
