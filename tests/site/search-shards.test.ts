/**
 * The search page over an index in shards merged in the browser (src/lib/search/shards.ts,
 * Pagefind's mergeIndex in src/scripts/search/page.ts), against the same 600 generated
 * directives in one index: the same counts and the same directives found, every shard's
 * directives reachable, and no result given another directive's metadata (the engine checks
 * each loaded result against its catalogue row and stops with an error otherwise). The built
 * site is copied twice and its index replaced, as tests/site/search-scale.test.ts does.
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
import type { CatalogueFile } from '../../src/lib/search/catalogue.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { writeSearchIndex } from '../../src/lib/search/indexer.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import { SHARD_RECORDS_ENV, shardOf } from '../../src/lib/search/shards.ts';

const COUNT = 600;
const SHARDS = 4;
let work: string;
let records: SearchRecord[];
let catalogue: CatalogueFile;
const servers: Record<'sharded' | 'single', StaticServer> = {} as never;
let browser: Browser;
let page: Page;
const errors: string[] = [];

async function indexedSite(name: string, perShard: number): Promise<string> {
  const site = join(work, name);
  cpSync(inject('distDir'), site, { recursive: true });
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  const saved = process.env[SHARD_RECORDS_ENV];
  process.env[SHARD_RECORDS_ENV] = String(perShard);
  try {
    await writeSearchIndex(records, join(site, 'pagefind'));
  } finally {
    if (saved === undefined) delete process.env[SHARD_RECORDS_ENV];
    else process.env[SHARD_RECORDS_ENV] = saved;
  }
  return site;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-shards-'));
  await writeCorpus(join(work, 'corpus'), COUNT, 7);
  records = await readSearchRecords(join(work, 'corpus', 'directives'), (id) => `/van-ban/${id}/`);
  const sharded = await indexedSite('sharded', COUNT / SHARDS);
  const single = await indexedSite('single', COUNT);
  catalogue = JSON.parse(readFileSync(join(sharded, 'pagefind', 'catalogue.json'), 'utf8')) as CatalogueFile;
  servers.sharded = await serveDir(sharded);
  servers.single = await serveDir(single);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await servers.sharded?.close();
  await servers.single?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Shown {
  status: string;
  urls: string[];
  metas: string[];
}

async function search(site: 'sharded' | 'single', query: string): Promise<Shown> {
  await page.goto(`${servers[site].url}/tim-kiem/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  await page.waitForFunction(searchSettled, null, { timeout: 30_000 });
  return {
    status: (await page.textContent('#search-status')) ?? '',
    urls: await page.$$eval('#search-results .search-result a', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    ),
    metas: await page.$$eval('#search-results .search-result-meta', (ms) => ms.map((m) => m.textContent ?? '')),
  };
}

describe(`search over ${COUNT} directives in ${SHARDS} shards`, () => {
  it('writes the shards the catalogue lists', () => {
    expect(catalogue.shards?.map((s) => s.path)).toEqual(['', 'shard-1/', 'shard-2/', 'shard-3/']);
    expect(catalogue.shards!.reduce((n, s) => n + s.pages, 0)).toBe(COUNT);
  });

  it('browses every directive, newest first, as over one index, with each result its own metadata', async () => {
    const sharded = await search('sharded', '');
    const single = await search('single', '');
    expect(sharded.status).toBe(single.status);
    expect(sharded.status).toContain(String(COUNT));
    expect(sharded.urls).toHaveLength(10);
    const byUrl = new Map(records.map((r) => [r.url, r]));
    sharded.urls.forEach((url, i) => {
      const r = byUrl.get(url.replace(/^.*(\/van-ban\/)/, '$1'))!;
      expect(sharded.metas[i]).toContain(r.meta.province);
    });
    expect(errors).toEqual([]);
  });

  it('finds a directive of every shard by its number, first', async () => {
    for (let k = 0; k < SHARDS; k++) {
      const r = records.find(
        (x) => x.meta.number && shardOf(x.url, SHARDS) === k && /\d+\/[A-ZĐ]/.test(x.meta.number),
      )!;
      const shown = await search('sharded', r.meta.number);
      expect(shown.urls[0]?.endsWith(r.url), `${r.meta.number} in shard ${k}`).toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('gives the same counts and finds the same directives as one index', async () => {
    for (const q of ['vinh phuc', 'tiêm vắc xin cho trẻ em', 'F0 tại nhà', 'hỏa tốc', 'giãn cách xã hội', 'xyzzy']) {
      const sharded = await search('sharded', q);
      const single = await search('single', q);
      expect(sharded.status, q).toBe(single.status);
      // the same directives found; their order may differ where Pagefind's scores tie
      if (!/ít nhất|khoảng/.test(single.status)) expect([...sharded.urls].sort(), q).toEqual([...single.urls].sort());
    }
    expect(errors).toEqual([]);
  });
});
