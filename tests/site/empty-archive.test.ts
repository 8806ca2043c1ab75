/**
 * An archive with no directive yet (the first day of a new deployment) builds, and its search
 * page says there are no directives yet instead of "Không tải được bộ tìm kiếm" (Pagefind has no
 * language index for zero pages; the search catalogue, written by the build, says 0). Its feeds
 * and sitemap are well-formed XML. A real build of an empty content folder, in Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { buildArchive } from '../../scripts/bench/build.ts';
import { serveDir, type StaticServer } from '../../scripts/bench/serve.ts';

const work = mkdtempSync(join(tmpdir(), 'empty-archive-'));
const content = join(work, 'content');
const outDir = join(work, 'dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  for (const d of ['directives', 'raw']) {
    mkdirSync(join(content, d), { recursive: true });
    writeFileSync(join(content, d, '.gitkeep'), '');
  }
  const { BASE_URL: _b, BASE: _base, SITE: _site, ...env } = process.env;
  // the one build path (npm run build), as CI and the deploy build it
  buildArchive(
    { outDir, cacheDir: join(work, 'cache'), contentDir: content, env },
    'npm run build of an empty archive',
  );
  server = await serveDir(outDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('an empty archive', () => {
  it('regression: the search page says there are no directives yet, not that search failed to load', async () => {
    const page = await browser.newPage();
    try {
      for (const q of ['', '?q=phong+chong+dich']) {
        await page.goto(`${server.url}/tim-kiem/${q}`);
        await page.waitForFunction(
          () =>
            !document.querySelector('.search-page')?.hasAttribute('aria-busy') &&
            document.getElementById('search-status')?.textContent !== 'Đang tìm…',
        );
        const status = await page.textContent('#search-status');
        expect(status).toContain('Kho lưu trữ chưa có văn bản nào');
        expect(status).not.toContain('Không tải được');
      }
    } finally {
      await page.close();
    }
  });

  it('its feeds and sitemap are well-formed XML', () => {
    for (const f of ['rss.xml', 'tinh/ha-noi/rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      expect(XMLValidator.validate(readFileSync(join(outDir, f), 'utf8')), f).toBe(true);
    }
  });
});
