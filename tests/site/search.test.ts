/**
 * The search page in Chromium on the real build (the repository's content): finding the seeds
 * typed the ways people type, filters with counts, sorting, state in the URL with back/forward,
 * the "/" key, keyboard reach, and hostile queries.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { searchSettled } from '../../scripts/bench/relevance.ts';
import { SEARCH_FILES } from '../../src/lib/search/files.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');

interface ApiDirective {
  url: string;
  province: string;
  date: string;
  docType: string;
  number: string | null;
}

let browser: Browser;
let page: Page;
let directives: ApiDirective[];
const errors: string[] = [];

/** Path of a directive's page, from the JSON API the site publishes. */
const pathOf = (d: ApiDirective): string => new URL(d.url, baseUrl).pathname;
const find = (pred: (d: ApiDirective) => boolean): ApiDirective => {
  const d = directives.find(pred);
  if (!d) throw new Error('directive missing from the content');
  return d;
};

async function open(query: string): Promise<void> {
  await page.goto(`${baseUrl}/tim-kiem/${query}`);
  await page.waitForFunction(searchSettled, null, { timeout: 15_000 });
}
const resultPaths = (): Promise<string[]> =>
  page.$$eval('[data-search-results] a[href*="/van-ban/"]', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
const status = async (): Promise<string> => (await page.textContent('#search-status')) ?? '';

beforeAll(async () => {
  directives = JSON.parse(await readFile(join(distDir, 'api/directives.json'), 'utf8'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('search page', () => {
  it('"vinh phuc" (no diacritics) lists the Vĩnh Phúc directive first', async () => {
    await open('?q=vinh+phuc');
    const first = (await resultPaths())[0];
    expect(directives.find((d) => pathOf(d) === first)?.province).toBe('Vĩnh Phúc');
    expect(await status()).toMatch(/^Tìm thấy \d+ văn bản cho “vinh phuc”/);
  });

  it('"dinh tien dung" finds the Hà Nội directive signed by Đinh Tiến Dũng (đ typed as d)', async () => {
    await open('?q=dinh+tien+dung');
    const first = (await resultPaths())[0];
    expect(directives.find((d) => pathOf(d) === first)?.province).toBe('Hà Nội');
  });

  it('a document number typed another way finds that directive first', async () => {
    const th = find((d) => d.province === 'Thanh Hóa' && d.number === '469-CV/TU');
    for (const q of ['469/CV-TU', 'CV 469', 'công văn 469']) {
      await open(`?q=${encodeURIComponent(q)}`);
      expect((await resultPaths())[0], q).toBe(pathOf(th));
    }
  });

  it('marks the matched words in the excerpt and on the directive page after a click', async () => {
    await open('?q=dinh+tien+dung');
    const marks = await page.$$eval('[data-search-results] li:first-child mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.map((m) => m?.normalize('NFC'))).toEqual(expect.arrayContaining(['Đinh', 'Tiến', 'Dũng']));
    // excerpts come from the text, not the title and metadata line the result already shows
    // ("tổ liên gia" stands in a seed's title, right before its metadata line)
    await open('?q=' + encodeURIComponent('tổ liên gia'));
    const excerpts = await page.$$eval('.search-result-excerpt', (ps) => ps.map((p) => p.textContent ?? ''));
    const metas = await page.$$eval('.search-result-meta', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const e of excerpts) expect(e).not.toMatch(/ · /);
    expect(metas.some((m) => m.includes(' · '))).toBe(true);
    await open('?q=dinh+tien+dung');
    await page.click('[data-search-results] li:first-child a');
    await page.waitForSelector('[data-pagefind-body] mark.search-hit');
    const onPage = await page.$$eval('[data-pagefind-body] mark.search-hit', (ms) => ms.map((m) => m.textContent));
    expect(onPage).toContain('Đinh');
  });

  it('filters by province with counts, combinable with a year, and browses with an empty query', async () => {
    await open('?tinh=' + encodeURIComponent('Vĩnh Phúc'));
    const paths = await resultPaths();
    const vp = directives.filter((d) => d.province === 'Vĩnh Phúc').map(pathOf);
    expect(paths.sort()).toEqual(vp.sort());
    const label = await page.$eval('#f-tinh input[value="Vĩnh Phúc"]', (i) => i.closest('label')!.textContent);
    expect(label).toBe(`Vĩnh Phúc (${vp.length})`);
    // other provinces stay reachable, with their own counts
    const th = directives.filter((d) => d.province === 'Thanh Hóa').length;
    expect(await page.$eval('#f-tinh input[value="Thanh Hóa"]', (i) => i.closest('label')!.textContent)).toBe(
      `Thanh Hóa (${th})`,
    );
    const year = find((d) => d.province === 'Vĩnh Phúc').date.slice(0, 4);
    await open('?tinh=' + encodeURIComponent('Vĩnh Phúc') + `&nam=${year}`);
    const both = directives.filter((d) => d.province === 'Vĩnh Phúc' && d.date.startsWith(year)).map(pathOf);
    expect(both.length).toBeGreaterThan(0);
    expect((await resultPaths()).sort()).toEqual(both.sort());
    expect(await status()).toBe(`Có ${both.length} văn bản phù hợp bộ lọc.`);
    await open('?q=ph%C3%B2ng+ch%E1%BB%91ng+d%E1%BB%8Bch&loai=' + encodeURIComponent('Điện'));
    const dien = directives.filter((d) => d.docType === 'Điện').map(pathOf);
    expect((await resultPaths()).every((p) => dien.includes(p))).toBe(true);
  });

  it('shows counts in every filter after a plain query, so a reader can narrow it down', async () => {
    await open('?q=' + encodeURIComponent('phòng chống dịch'));
    const paths = await resultPaths();
    expect(paths.length).toBeGreaterThan(1);
    const found = directives.filter((d) => paths.includes(pathOf(d)));
    for (const [select, key] of [
      ['#f-tinh', 'province'],
      ['#f-loai', 'docType'],
      ['#f-nam', 'year'],
    ] as const) {
      const shown = await page.$$eval(`${select} label`, (ls) =>
        (ls as HTMLLabelElement[])
          .filter((l) => !l.hidden)
          .map((l) => [l.querySelector('input')!.value, l.textContent] as const),
      );
      const expected = new Map<string, number>();
      for (const d of found) {
        const v = key === 'year' ? d.date.slice(0, 4) : d[key];
        expected.set(v, (expected.get(v) ?? 0) + 1);
      }
      expect(new Map(shown), select).toEqual(new Map([...expected].map(([v, n]) => [v, `${v} (${n})`])));
    }
  });

  it('sorts by date, newest or oldest first', async () => {
    const byDate = [...directives].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    await open('?sapxep=cu-nhat');
    const oldest = await resultPaths();
    expect(oldest[0]).toBe(pathOf(byDate[0]!));
    await open('?sapxep=moi-nhat');
    const newest = await resultPaths();
    expect(newest[0]).toBe(pathOf(byDate[byDate.length - 1]!));
    const dates = newest.map((p) => directives.find((d) => pathOf(d) === p)!.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps query, filters and sort in the URL; back and forward restore them', async () => {
    await open('');
    await page.fill('#q', 'thanh hoa');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=thanh\+hoa/);
    await page.waitForFunction(searchSettled);
    await page.selectOption('#f-sapxep', 'moi-nhat');
    await page.waitForURL(/sapxep=moi-nhat/);
    await page.waitForFunction(searchSettled);
    expect(new URL(page.url()).searchParams.get('q')).toBe('thanh hoa');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sapxep'));
    await page.waitForFunction(searchSettled);
    expect(await page.inputValue('#f-sapxep')).toBe('');
    expect(await page.inputValue('#q')).toBe('thanh hoa');
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    await page.waitForFunction(searchSettled);
    expect(await page.inputValue('#q')).toBe('');
    await page.goForward();
    await page.waitForFunction(searchSettled);
    expect(await page.inputValue('#q')).toBe('thanh hoa');
    expect((await resultPaths()).length).toBeGreaterThan(0);
  });

  it('"/" focuses the search box; results are reachable with Tab; the live region speaks Vietnamese', async () => {
    await open('?q=vinh+phuc');
    await page.click('h1');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // Typing "/" inside the box types it, it does not jump.
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#q')).toBe('a/b');
    const live = await page.$eval('#search-status', (el) => [el.getAttribute('role'), el.getAttribute('aria-live')]);
    expect(live).toEqual(['status', 'polite']);
    await page.focus('#search-clear');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('[data-search-results]'));
    }
    expect(reached).toBe(true);
    // "/" from another page focuses the header box
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-q');
  });

  it('what the issue reported on the seeds: no false "found", numbers the archive lacks said plainly', async () => {
    // "giãn" is not "thời gian", "cách" is not "cách ly", and no seed carries 16/CT-TTg
    await open(`?q=${encodeURIComponent('giãn cách xã hội 16/CT-TTg')}`);
    expect(await status()).toMatch(/^Không có văn bản số 16\/CT-TTg trong kho\. Không tìm thấy văn bản nào khớp đủ/);
    expect(await page.$$('#search-results a')).toHaveLength(0);
    await open(`?q=${encodeURIComponent('123-CV/TU')}`);
    expect(await status()).toMatch(/^Không có văn bản số 123-CV\/TU trong kho\./);
    expect(await page.$$('#search-results a')).toHaveLength(0);
    const nearest = await page.$$eval('#search-nearest a', (as) => as.map((a) => a.textContent));
    expect(nearest).toEqual(expect.arrayContaining(['Số 240-CV/TU', 'Số 469-CV/TU']));
    // "Hà Nam" is not Hà Nội; "hỏa tốc" is not Thanh Hóa and finds the urgent directive
    await open(`?q=${encodeURIComponent('Hà Nam')}`);
    expect(await page.$$('#search-results a')).toHaveLength(0);
    await open(`?q=${encodeURIComponent('hỏa tốc')}`);
    const urgent = directives.filter((d) => d.province === 'Vĩnh Phúc').map(pathOf);
    expect(
      await page.$$eval('#search-results a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ).toEqual(urgent);
    // a zero-width joiner inside a word changes nothing
    await open(`?q=${encodeURIComponent('phòng, chống dịch')}`);
    const plain = await status();
    await open(`?q=${encodeURIComponent('phòng, ch\u200dống dịch')}`);
    expect((await status()).replace(/“[^”]*”/, '')).toBe(plain.replace(/“[^”]*”/, ''));
    // a query of only punctuation asks for words and lists nothing
    await open(`?q=${encodeURIComponent('…!!!')}`);
    expect(await status()).toContain('không có chữ hay số nào');
    expect(await page.$$('[data-search-results] a')).toHaveLength(0);
  });

  it.each([
    ['HTML and script', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
    ['only punctuation', '!!! ??? ;;; ///'],
    ['unbalanced quotes', '"tổ liên gia'],
    ['emoji', '😷🦠💉'],
    ['very long', 'phòng chống dịch '.repeat(300)],
    ['control and bidi characters', '\u202e\u0000vinh\u200b phuc'],
  ])('a hostile query (%s) gives a sensible answer and inserts no markup', async (_, q) => {
    errors.length = 0;
    await open(`?q=${encodeURIComponent(q)}`);
    expect(errors).toEqual([]);
    expect(await page.$$('[data-search-results] img, [data-search-results] script')).toHaveLength(0);
    expect(await status()).toMatch(
      new RegExp(
        String.raw`^(Tìm thấy (ít nhất )?\d+ văn bản|Không tìm thấy văn bản nào|` +
          String.raw`Lưu trữ có \d+ văn bản|“[^”]*” không có chữ hay số nào)`,
      ),
    );
    // every mark holds plain text
    const marks = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.children.length));
    expect(marks.every((n) => n === 0)).toBe(true);
  });

  it('on a phone, folds the filters while none is in use so the first result shows without scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await phone.goto(`${baseUrl}/tim-kiem/?q=${encodeURIComponent('phòng chống dịch')}`);
      await phone.waitForFunction(searchSettled, null, { timeout: 15_000 });
      expect(await phone.$eval('#search-filters-panel', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      const top = await phone.$eval('[data-search-results] a[href*="/van-ban/"]', (a) => a.getBoundingClientRect().top);
      expect(top).toBeLessThan(740);
      // opened by a tap (the summary), and open from the start when a filter is in the URL
      await phone.click('#search-filters-panel > summary');
      expect(await phone.isVisible('#f-tinh')).toBe(true);
      await phone.goto(`${baseUrl}/tim-kiem/?tinh=${encodeURIComponent('Vĩnh Phúc')}`);
      await phone.waitForFunction(searchSettled, null, { timeout: 15_000 });
      expect(await phone.$eval('#search-filters-panel', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('fetches the index chunks for what is being typed before Enter is pressed', async () => {
    await open(''); // browsing needs no index chunk
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('.pf_index')) chunks.push(r.url());
    });
    await page.fill('#q', 'dinh tien dung');
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((e) => e.name.includes('.pf_index')),
      null,
      { timeout: 5_000 },
    );
    expect(chunks.length).toBeGreaterThan(0);
    expect(new URLSearchParams(new URL(page.url()).search).get('q')).toBeNull(); // nothing submitted
  });

  it('says so when the search files cannot be loaded, and works on the next try once they can', async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.route('**/pagefind/catalogue.json', (r) => r.abort());
      await fresh.goto(`${baseUrl}/tim-kiem/?q=${encodeURIComponent('tổ liên gia')}`);
      await fresh.waitForFunction(searchSettled, null, { timeout: 15_000 });
      expect(await fresh.textContent('#search-status')).toContain('Không tải được bộ tìm kiếm');
      expect(await fresh.$$('[data-search-results] a[href*="/van-ban/"]')).toHaveLength(0);
      await fresh.unroute('**/pagefind/catalogue.json');
      await fresh.press('#q', 'Enter');
      await fresh.waitForFunction(
        () => document.querySelectorAll('[data-search-results] a[href*="/van-ban/"]').length > 0,
        null,
        { timeout: 15_000 },
      );
      expect(await fresh.textContent('#search-status')).toMatch(/^Tìm thấy \d+ văn bản/);
    } finally {
      await fresh.close();
    }
  });

  it('fetches the search files when the header box is used elsewhere; the search page reuses them', async () => {
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    try {
      await other.goto(`${baseUrl}/`);
      const files = Object.values(SEARCH_FILES).map((f) => `/pagefind/${f}`);
      const fetched = new Set<string>();
      other.on('requestfinished', (r) => fetched.add(new URL(r.url()).pathname));
      await other.focus('#header-q');
      await other.waitForFunction(
        (fs) => fs.every((f) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === f)),
        files,
        { timeout: 5_000 },
      );
      await other.fill('#header-q', 'tổ liên gia');
      await other.press('#header-q', 'Enter');
      await other.waitForFunction(searchSettled, null, { timeout: 15_000 });
      // on the search page their bodies come from the cache: at most a revalidation's headers
      // (this preview server asks for one; a host sending max-age needs none)
      const sizes = await other.evaluate(
        (fs) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => fs.includes(new URL(e.name).pathname))
            .map((e) => [
              (e as PerformanceResourceTiming).transferSize,
              (e as PerformanceResourceTiming).encodedBodySize,
            ]),
        files,
      );
      expect(sizes).toHaveLength(files.length);
      // a full fetch transfers the body and headers, more than the body alone
      for (const [transfer, body] of sizes) expect(transfer).toBeLessThan(body!);
    } finally {
      await ctx.close();
    }
  });

  it('preloads files the first search uses, each fetched once (the preload is reused, not wasted)', async () => {
    await open('?q=' + encodeURIComponent('tổ liên gia'));
    const preloads = await page.$$eval('link[rel="preload"], link[rel="modulepreload"]', (ls) =>
      ls.map((l) => (l as HTMLLinkElement).href),
    );
    expect(preloads.length).toBeGreaterThanOrEqual(3);
    for (const href of preloads) {
      const path = new URL(href).pathname;
      expect(existsSync(join(distDir, path)), path).toBe(true);
      const fetched = await page.evaluate(
        (h) => performance.getEntriesByType('resource').filter((e) => e.name === h).length,
        href,
      );
      expect(fetched, path).toBe(1);
    }
  });

  it("fetches the search page's modules in one round: its script's imports are asked for with it", async () => {
    // A module's imports are otherwise known only once it has arrived: a second round trip,
    // long on a phone, before searching can start (src/lib/site/module-preloads.ts).
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto(`${baseUrl}/tim-kiem/?q=vinh+phuc`);
      await p.waitForFunction(searchSettled, null, { timeout: 15_000 });
      const { arrived, chunks } = await p.evaluate(() => {
        const scripts = [...document.querySelectorAll('script[type="module"][src]')].map(
          (s) => (s as HTMLScriptElement).src,
        );
        const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
          /\/_astro\/[^/]+\.js$/.test(new URL(e.name).pathname),
        );
        return {
          arrived: js.filter((e) => scripts.includes(e.name)).map((e) => e.responseEnd),
          chunks: js.filter((e) => !scripts.includes(e.name)).map((e) => [e.name, e.startTime] as const),
        };
      });
      expect(arrived.length).toBeGreaterThanOrEqual(1);
      expect(chunks.length).toBeGreaterThanOrEqual(1); // the page's script imports shared modules
      // requested before any of the page's scripts had arrived: not discovered by reading them
      for (const [name, start] of chunks) expect(start, name).toBeLessThan(Math.min(...arrived));
    } finally {
      await ctx.close();
    }
  });

  it('says, without JavaScript, that search needs it and points to the province timelines', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${baseUrl}/tim-kiem/?q=vinh+phuc`);
    const text = await p.textContent('noscript');
    expect(text).toContain('JavaScript');
    expect(await p.$eval('noscript', (n) => n.innerHTML)).toContain('/tinh/');
    await ctx.close();
  });
});
