/**
 * The search page over an index of 600 generated directives: enough that the syllables most
 * directives contain are left to the text check (the catalogue lists them from 500 on), which
 * the five seeds never reach. The built site is copied and its index replaced by the larger
 * one, built exactly as the build does (src/lib/search/indexer.ts); the results' links then
 * point to pages this copy does not have, which these tests do not follow.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { searchSettled } from '../../scripts/bench/relevance.ts';
import { serveDir, type StaticServer } from '../../scripts/bench/serve.ts';
import { writeCorpus } from '../../scripts/bench/write-corpus.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { writeSearchIndex } from '../../src/lib/search/indexer.ts';
import type { CatalogueFile } from '../../src/lib/search/catalogue.ts';

const COUNT = 600;
let work: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let catalogue: CatalogueFile;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-scale-'));
  const site = join(work, 'site');
  cpSync(inject('distDir'), site, { recursive: true });
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  await writeCorpus(join(work, 'corpus'), COUNT, 5);
  const records = await readSearchRecords(join(work, 'corpus', 'directives'), (id) => `/van-ban/${id}/`);
  await writeSearchIndex(records, join(site, 'pagefind'));
  catalogue = JSON.parse(readFileSync(join(site, 'pagefind', 'catalogue.json'), 'utf8')) as CatalogueFile;
  server = await serveDir(site);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(query: string): Promise<void> {
  await page.goto(`${server.url}/tim-kiem/${query}`);
  await page.waitForFunction(searchSettled, null, { timeout: 30_000 });
}
const metas = (): Promise<string[]> => page.$$eval('.search-result-meta', (ms) => ms.map((m) => m.textContent ?? ''));
const status = async (): Promise<string> => (await page.textContent('#search-status')) ?? '';

describe('search over 600 directives', () => {
  it('leaves the commonest syllables to the text check at this size', () => {
    expect(catalogue.documents).toBe(COUNT);
    expect(catalogue.common).toEqual(expect.arrayContaining(['phong', 'chong', 'dich']));
  });

  it('answers a query of only common syllables, marks the words and says the count is a lower bound', async () => {
    await open('?q=' + encodeURIComponent('phòng chống dịch'));
    expect(await status()).toMatch(/^Tìm thấy ít nhất \d+ văn bản cho “phòng chống dịch”\.$/);
    const marked = await page.$$eval('.search-result-excerpt', (ps) =>
      ps.map((p) => [...p.querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase())),
    );
    expect(marked.length).toBeGreaterThanOrEqual(10);
    for (const words of marked) expect(words.some((w) => ['phòng', 'chống', 'dịch'].includes(w))).toBe(true);
  });

  it('lists a named province first and pages through it without repeating a directive', async () => {
    await open('?q=vinh+phuc');
    expect((await metas()).slice(0, 5).every((m) => m.includes('Vĩnh Phúc'))).toBe(true);
    for (let i = 0; i < 3 && (await page.isVisible('#search-more')); i++) {
      const before = (await metas()).length;
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before, {
        timeout: 10_000,
      });
    }
    const urls = await page.$$eval('.search-result a', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('filters a query by the value a count offered, and every result carries it', async () => {
    await open('?q=' + encodeURIComponent('tiêm vắc xin'));
    const offered = await page.$$eval('#f-tinh label', (ls) =>
      (ls as HTMLLabelElement[])
        .filter((l) => !l.hidden)
        .map((l) => [l.querySelector('input')!.value, Number(/\((\d+)\)$/.exec(l.textContent ?? '')?.[1])] as const),
    );
    expect(offered.length).toBeGreaterThan(5);
    const [province, n] = offered.reduce((a, b) => (b[1] > a[1] ? b : a));
    await page.check(`#f-tinh input[value="${province}"]`);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('tinh'));
    await page.waitForFunction(searchSettled, null, { timeout: 30_000 });
    expect(await status()).toContain('(đã lọc)');
    const shown = await metas();
    // the count offered is what the index proposes; what is listed is checked on the text
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(Math.min(n, 10));
    expect(shown.every((m) => m.includes(province))).toBe(true);
  });
});
