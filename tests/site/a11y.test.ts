/**
 * axe-core over every page in the sitemap (plus the 404 page), in Chromium: zero violations.
 * Each page type is also checked in the dark theme and at 360 px, where contrast and
 * reflow problems show up.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');

function sitemapPaths(): string[] {
  const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.split('/').pop()!);
  return maps.flatMap((file) =>
    [...readFileSync(join(dist, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
}
const paths = [...sitemapPaths(), '/khong-co-trang-nay/'];

/** One path per page type, for the dark-theme and phone-width passes. */
function pageTypes(all: string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of all) {
    const type =
      p === '/'
        ? 'home'
        : p
            .split('/')
            .filter(Boolean)
            .slice(0, p.startsWith('/tinh/') ? 3 : 1)
            .map((s, i) => (i === 0 ? s : '*'))
            .join('/');
    if (!seen.has(type)) seen.set(type, p);
  }
  return [...seen.values()];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(ctx: BrowserContext, path: string): Promise<string[]> {
  const page = await ctx.newPage();
  try {
    await page.goto(`${baseUrl}${path}`);
    const result = await new AxeBuilder({ page: page as never }).analyze();
    return result.violations.map(
      (v) =>
        `${path}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  } finally {
    await page.close();
  }
}

describe('accessibility (axe-core)', () => {
  it('the sitemap lists the pages to sweep', () => {
    expect(paths.length).toBeGreaterThan(70);
    expect(paths).toContain('/');
    expect(paths).toContain('/tinh/');
    expect(paths).toContain('/dong-thoi-gian/');
  });

  it('every page in the sitemap has zero violations (light, 1280 px)', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const found: string[] = [];
    for (const p of paths) found.push(...(await violations(ctx, p)));
    await ctx.close();
    expect(found).toEqual([]);
  }, 600_000);

  it('each page type has zero violations in the dark theme at 360 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    const found: string[] = [];
    for (const p of pageTypes(paths)) found.push(...(await violations(ctx, p)));
    await ctx.close();
    expect(found).toEqual([]);
  }, 300_000);
});
