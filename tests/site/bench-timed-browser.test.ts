/**
 * The speed bench's browser (scripts/bench/timed-browser.ts), on the real build: it times the
 * search page's own marks, types and submits a query as a reader does, and counts the same
 * fetches, byte for byte, as Playwright's network events count for the same page (the count
 * the bench used to take).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { launchTimedBrowser, type TimedBrowser } from '../../scripts/bench/timed-browser.ts';
import { measureSpeed, SEARCH_FILE } from '../../scripts/bench-search.ts';
import { settledExpression } from '../../scripts/bench/relevance.ts';
import { searchPageUrl } from '../../scripts/bench/urls.ts';
import { serveDir, type StaticServer } from '../../scripts/bench/serve.ts';

// (served as the bench serves it, with lengths: a chunked response's framing is counted by
// Playwright's body size and not by the page's resource timings)
let server: StaticServer;
let baseUrl: string;
let timed: TimedBrowser;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir(inject('distDir'));
  baseUrl = server.url;
  [timed, browser] = await Promise.all([launchTimedBrowser(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all([timed?.close(), browser?.close(), server?.close()]);
});

describe('the speed bench browser', () => {
  it('times a cold search and a query typed on the warm page', async () => {
    const samples = await measureSpeed(timed, baseUrl, ['tiêm vắc xin', 'Hà Nội'], 1);
    expect(samples.map((s) => [s.query, s.mode])).toEqual([
      ['tiêm vắc xin', 'cold'],
      ['Hà Nội', 'warm, new query'],
      ['tiêm vắc xin', 'warm, repeated'],
      ['Hà Nội', 'cold'],
      ['tiêm vắc xin', 'warm, new query'],
      ['Hà Nội', 'warm, repeated'],
    ]);
    for (const s of samples) {
      expect(s.searchMs).toBeGreaterThan(0);
      expect(s.searchMs).toBeLessThan(30_000);
    }
    // a cold page fetches Pagefind and the page's scripts; a repeated query, nothing
    for (const s of samples.filter((x) => x.mode === 'cold')) expect(s.requests).toBeGreaterThan(3);
    for (const s of samples.filter((x) => x.mode === 'warm, repeated')) expect(s.requests).toBe(0);
  });

  it('counts the fetches Playwright counts for the same page', async () => {
    const url = `${baseUrl}${searchPageUrl('tiêm vắc xin')}`;
    const page = await browser.newPage();
    const seen: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (req) => {
      if (!SEARCH_FILE.test(req.url())) return;
      pending.push(req.sizes().then((s) => void seen.push({ url: req.url(), bytes: s.responseBodySize })));
    });
    await page.goto(url);
    await page.evaluate(settledExpression());
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await page.close();

    const [cold] = await measureSpeed(timed, baseUrl, ['tiêm vắc xin'], 1);
    expect(seen.length).toBeGreaterThan(3);
    expect(cold!.requests).toBe(seen.length);
    expect(cold!.bytes).toBe(seen.reduce((n, s) => n + s.bytes, 0));
  });
});
