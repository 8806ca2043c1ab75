/**
 * The trust set in Chromium: the generated corpus built into its own site (.tmp/search-trust),
 * a plain Pagefind index of the same pages beside it (crawled HTML, Pagefind's defaults), and
 * what each shows for a query read off the page (the archive) or Pagefind's JS API (plain).
 */
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { ROOT } from './search-corpus.ts';
import { buildSite, searchSettled } from './relevance.ts';
import { writeGeneratedCorpus, type GeneratedDoc } from './generated-corpus.ts';
import type { Shown } from './trust-check.ts';

export interface TrustSite {
  dist: string;
  docs: GeneratedDoc[];
}

export async function buildTrustSite(work = resolve(ROOT, '.tmp/search-trust')): Promise<TrustSite> {
  const content = join(work, 'content');
  const docs = await writeGeneratedCorpus(content);
  const dist = buildSite(content, work, 'trust corpus');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  await index.addDirectory({ path: dist });
  const w = await index.writeFiles({ outputPath: join(dist, 'pagefind-plain') });
  if (w.errors.length) throw new Error(w.errors.join('; '));
  await pagefind.close();
  return { dist, docs };
}

const paths = (page: Page, sel: string): Promise<string[]> =>
  page.$$eval(`${sel} a[href*="/van-ban/"]`, (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Reads the count and the "no such number" sentence off the status line. */
export function readStatus(status: string): { count: number | null; missingNumber: string | null } {
  const found = /Tìm thấy (ít nhất )?(\d+) văn bản/.exec(status);
  const missing = /Không có (?:văn bản số )?(.+?) trong kho\./.exec(status);
  return {
    count: found
      ? found[1]
        ? null
        : Number(found[2])
      : /Không tìm thấy văn bản nào|Không có /.test(status)
        ? 0
        : null,
    missingNumber: missing ? missing[1]! : null,
  };
}

/** The archive's search through its page. */
export async function archiveShown(
  page: Page,
  baseUrl: string,
  q: string,
): Promise<Shown & { status: string; partialHeading: string }> {
  await page.goto(`${baseUrl}/tim-kiem/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(searchSettled, null, { timeout: 20_000 });
  const status = (await page.textContent('#search-status')) ?? '';
  const partialShown = await page.isVisible('#search-partial-section');
  return {
    ...readStatus(status),
    found: await paths(page, '#search-results'),
    citing: (await page.isVisible('#search-citing-section')) ? await paths(page, '#search-citing') : [],
    partial: partialShown ? await paths(page, '#search-partial') : [],
    status,
    partialHeading: partialShown ? ((await page.textContent('#partial-heading')) ?? '') : '',
  };
}

/** Plain Pagefind: every result is what it calls found; its count is their number. */
export async function plainShown(page: Page, baseUrl: string, q: string): Promise<Shown> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/404.html`);
  // a string, so the test runner's transform leaves its import() to the browser
  const urls = (await page.evaluate(`(async (query) => {
    const pf = await import('/pagefind-plain/pagefind.js');
    const res = await pf.search(query);
    const data = await Promise.all(res.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })(${JSON.stringify(q)})`)) as string[];
  const found = urls.filter((u) => u.startsWith('/van-ban/'));
  return { count: found.length, found, citing: [], partial: [], missingNumber: null };
}
