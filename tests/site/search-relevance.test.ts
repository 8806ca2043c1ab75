/**
 * The relevance set (scripts/bench/relevance-set.ts) against the archive's real search page:
 * every listed query must put its expected directive first. Builds its own corpus (the seeds
 * in content/ plus tests/fixtures/search-content) into .tmp/search-relevance and serves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { buildRelevanceSite, archiveResults, resolveRef, type RelevanceSite } from '../../scripts/bench/relevance.ts';
import { RELEVANCE_SET } from '../../scripts/bench/relevance-set.ts';
import { serveDir, type StaticServer } from '../../scripts/bench/serve.ts';

let site: RelevanceSite;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await buildRelevanceSite();
  server = await serveDir(site.dist);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('relevance set: the expected directive comes first', () => {
  it('has at least 60 queries of every kind', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['place', 'person', 'number', 'topic', 'phrase', 'spelling']) {
      expect(
        RELEVANCE_SET.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it.each(RELEVANCE_SET.map((r) => [r.nfd ? `${r.q} (NFD)` : r.q, r] as const))('%s', async (_, item) => {
    const expected = item.first.flatMap((ref) => resolveRef(site, ref));
    const got = await archiveResults(page, server.url, item.nfd ? item.q.normalize('NFD') : item.q);
    expect(expected, `first result for ${item.q}; got ${got.slice(0, 3).join(', ')}`).toContain(got[0]);
  });
});
