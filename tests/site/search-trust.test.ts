/**
 * Search results people can trust (issue 12), in Chromium on a real build of the generated
 * corpus (160 directives, scripts/bench/generated-corpus.ts): every query of the trust set
 * (scripts/bench/trust-set.ts) must give the right count, call nothing found that is not, put
 * the right directive first, and show partial matches, citing directives and "no such number"
 * as such; plain Pagefind on the same pages is measured beside it. Then the page itself:
 * several filters at once in the URL, Back, and the form without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { searchSettled } from '../../scripts/bench/relevance.ts';
import { serveDir, type StaticServer } from '../../scripts/bench/serve.ts';
import { trustSet } from '../../scripts/bench/trust-set.ts';
import { checkTrust, summariseTrust, type TrustOutcome } from '../../scripts/bench/trust-check.ts';
import { archiveShown, buildTrustSite, plainShown, type TrustSite } from '../../scripts/bench/trust-site.ts';
import { generateCorpus } from '../../scripts/bench/generated-corpus.ts';

let site: TrustSite;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await buildTrustSite();
  server = await serveDir(site.dist);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const status = async (): Promise<string> => (await page.textContent('#search-status')) ?? '';
const open = async (qs: string): Promise<void> => {
  await page.goto(`${server.url}/tim-kiem/${qs}`);
  await page.waitForFunction(searchSettled, null, { timeout: 20_000 });
};
const found = (): Promise<string[]> =>
  page.$$eval('#search-results a[href*="/van-ban/"]', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );

describe('trust set on the real page, against plain Pagefind', () => {
  const archive: TrustOutcome[] = [];
  const plain: TrustOutcome[] = [];
  // The set needs the corpus's metadata (numbers, signers): made from the same generator, before the build.
  const items = trustSet(generateCorpus());

  it.each(items.map((item) => [item.nfd ? `${item.q} (NFD)` : item.q, item] as const))('%s', async (_, item) => {
    const q = item.nfd ? item.q.normalize('NFD') : item.q;
    const a = checkTrust(item, site.docs, await archiveShown(page, server.url, q));
    archive.push(a);
    plain.push(checkTrust(item, site.docs, await plainShown(page, server.url, q), { headings: false, pageSize: 1000 }));
    expect(a.problems).toEqual([]);
  });

  it('is right on every query, calls nothing found that is not, and beats plain Pagefind', () => {
    const a = summariseTrust(archive);
    const p = summariseTrust(plain);
    console.log(
      `trust set, ${archive.length} queries over ${site.docs.length} directives: ` +
        `archive ${(a.passed * 100).toFixed(1)} % right ` +
        `(top-1 ${(a.top1 * 100).toFixed(1)} %, ${a.falseFound} false "found"); ` +
        `plain Pagefind ${(p.passed * 100).toFixed(1)} % right ` +
        `on count and first result (top-1 ${(p.top1 * 100).toFixed(1)} %, ${p.falseFound} false "found")`,
    );
    expect(archive).toHaveLength(items.length);
    expect(a.passed).toBe(1);
    expect(a.falseFound).toBe(0);
    expect(a.passed).toBeGreaterThan(p.passed);
  });
});

describe('the search page tells found from partial', () => {
  it('counts only full matches and lists partial ones under their own heading', async () => {
    const s = await archiveShown(page, server.url, 'tiêm vắc xin mũi 5');
    expect(s.status).toMatch(
      new RegExp(
        String.raw`^Không tìm thấy văn bản nào khớp đủ “tiêm vắc xin mũi 5”\. ` +
          String.raw`(Ít nhất )?\d+ văn bản chỉ khớp một phần, xem bên dưới\.$`,
      ),
    );
    expect(s.found).toEqual([]);
    expect(s.partialHeading).toMatch(/^(Ít nhất )?\d+ văn bản chỉ khớp một phần$/);
    expect(s.partial.length).toBeGreaterThan(0);
    // each partial match says what it lacks
    expect(await page.textContent('#search-partial .search-result-note')).toBe('Không có: mũi 5');
  });

  it('says plainly that a number is not in the archive and offers the nearest numbers of that issuer', async () => {
    const s = await archiveShown(page, server.url, '9999-CV/TU');
    expect(s.status.startsWith('Không có văn bản số 9999-CV/TU trong kho.')).toBe(true);
    const nearest = await page.$$eval('#search-nearest li a', (as) => as.map((a) => a.textContent ?? ''));
    expect(nearest.length).toBeGreaterThan(0);
    expect(nearest.every((t) => /^Số \d+-CV\/TU$/.test(t))).toBe(true);
    expect(s.found).toEqual([]);
  });

  it('asks for words when the query has no letter or digit', async () => {
    await open(`?q=${encodeURIComponent('!!! 😷')}`);
    expect(await status()).toContain('không có chữ hay số nào');
    expect(await found()).toEqual([]);
  });

  it('labels a directive found through the 2025 province it now belongs to', async () => {
    await open(`?q=${encodeURIComponent('Phú Thọ')}`);
    const metas = await page.$$eval('#search-results .search-result-meta', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(
      metas.some(
        (m) => m.includes('Vĩnh Phúc (nay thuộc tỉnh Phú Thọ)') || m.includes('Hòa Bình (nay thuộc tỉnh Phú Thọ)'),
      ),
    ).toBe(true);
    expect(metas.every((m) => /Phú Thọ/.test(m))).toBe(true);
  });
});

describe('filters journalists expect', () => {
  it('several provinces and types, a month range and a measure, all in the URL; Back restores them', async () => {
    const inSet = (d: (typeof site.docs)[number]) => ['Hà Nam', 'Hải Phòng'].includes(d.province);
    await open('');
    await page.check('#f-tinh input[value="Hà Nam"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).getAll('tinh').length === 1);
    await page.waitForFunction(searchSettled);
    await page.check('#f-tinh input[value="Hải Phòng"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).getAll('tinh').length === 2);
    await page.waitForFunction(searchSettled);
    const two = site.docs.filter(inSet);
    expect(await status()).toBe(`Có ${two.length} văn bản phù hợp bộ lọc.`);
    await page.fill('#f-tu', '2021-07');
    await page.dispatchEvent('#f-tu', 'change');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tu') === '2021-07');
    await page.waitForFunction(searchSettled);
    await page.fill('#f-den', '2021-09');
    await page.dispatchEvent('#f-den', 'change');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('den') === '2021-09');
    await page.waitForFunction(searchSettled);
    const summer = two.filter((d) => d.date.slice(0, 7) >= '2021-07' && d.date.slice(0, 7) <= '2021-09');
    expect(summer.length).toBeGreaterThan(0);
    expect(await status()).toBe(`Có ${summer.length} văn bản phù hợp bộ lọc.`);
    const listed = await found();
    expect(listed).toHaveLength(Math.min(summer.length, 10));
    expect(summer.map((d) => d.url)).toEqual(expect.arrayContaining(listed));
    // a measure, as the frontmatter's measures[].code
    await page.check('#f-bienphap input[value="distancing-ct16"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('bienphap') === 'distancing-ct16');
    await page.waitForFunction(searchSettled);
    const ct16 = summer.filter((d) => d.measures.includes('distancing-ct16'));
    expect(await status()).toBe(`Có ${ct16.length} văn bản phù hợp bộ lọc.`);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('tinh').sort()).toEqual(['Hà Nam', 'Hải Phòng']);
    // Back: the measure goes, the rest stays, the boxes say so
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('bienphap'));
    await page.waitForFunction(searchSettled);
    expect(await status()).toBe(`Có ${summer.length} văn bản phù hợp bộ lọc.`);
    expect(await page.isChecked('#f-tinh input[value="Hải Phòng"]')).toBe(true);
    expect(await page.isChecked('#f-bienphap input[value="distancing-ct16"]')).toBe(false);
    expect(await page.inputValue('#f-den')).toBe('2021-09');
    // several types with a query
    await open(
      `?q=${encodeURIComponent('giãn cách')}` +
        `&loai=${encodeURIComponent('Chỉ thị')}&loai=${encodeURIComponent('Công văn')}`,
    );
    const types = await page.$$eval('#search-results .search-result-meta', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((m) => /^(Khẩn · )?(Chỉ thị|Công văn) /.test(m))).toBe(true);
    expect(await page.isChecked('#f-loai input[value="Chỉ thị"]')).toBe(true);
  });

  it('without JavaScript the form sends the same parameters (a GET form)', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await ctx.newPage();
      await p.goto(`${server.url}/tim-kiem/`);
      await p.fill('#q', 'giãn cách');
      await p.check('#f-tinh input[value="Hà Nam"]');
      await p.check('#f-tinh input[value="Hải Phòng"]');
      await p.fill('#f-tu', '2021-07');
      await p.click('#search-form button[type=submit]');
      await p.waitForURL(/tinh=/);
      const u = new URL(p.url());
      expect(u.pathname).toBe('/tim-kiem/');
      expect(u.searchParams.get('q')).toBe('giãn cách');
      expect(u.searchParams.getAll('tinh')).toEqual(['Hà Nam', 'Hải Phòng']);
      expect(u.searchParams.get('tu')).toBe('2021-07');
    } finally {
      await ctx.close();
    }
  });
});
