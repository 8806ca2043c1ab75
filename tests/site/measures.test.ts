/**
 * Measures in the real build: the "Biện pháp" list on directive pages linked to the sentences in
 * the text, the /bien-phap/ index and per-measure province × month grids (SVG and table), the
 * province pages' grid, and the CSV/JSON exports checked against the directives they come from.
 * In Chromium at phone (390 px) and desktop (1280 px) widths, with axe-core.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { MEASURES } from '../../src/lib/measures.ts';
import { provinceByName } from '../../src/lib/provinces.ts';
import { parseCsv } from '../helpers/csv.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const records = loadDirectives(contentDir());
const withMeasures = records.filter((r) => r.data.measures.length > 0);
const codesUsed = [...new Set(withMeasures.flatMap((r) => r.data.measures.map((m) => m.code)))];
const WIDTHS = [390, 1280] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  page.on('close', () => void ctx.close());
  await page.goto(`${baseUrl}${path}`);
  return page;
}

describe('the corpus', () => {
  it('has directives with measures to show', () => {
    expect(withMeasures.length).toBeGreaterThan(0);
    expect(codesUsed.length).toBeGreaterThan(2);
  });

  it('lists /bien-phap/ and one page per measure in the sitemap, so the accessibility sweep covers them', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.split('/').pop()!);
    const urls = maps.flatMap((f) =>
      [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    );
    expect(urls).toContain('/bien-phap/');
    for (const m of MEASURES) expect(urls).toContain(`/bien-phap/${m.code}/`);
  });
});

describe('data exports', () => {
  it('/api/measures.csv has a BOM, a header, and exactly the measures of the directives', async () => {
    const res = await fetch(`${baseUrl}/api/measures.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buf.toString('utf8').slice(1));
    const head = rows[0]!;
    const col = (n: string): number => head.indexOf(n);
    expect(head).toEqual(
      expect.arrayContaining([
        'province',
        'provinceSlug',
        'date',
        'code',
        'label',
        'action',
        'scope',
        'from',
        'to',
        'directiveId',
        'directiveUrl',
        'evidence',
      ]),
    );
    const body = rows.slice(1);
    expect(body).toHaveLength(withMeasures.reduce((n, r) => n + r.data.measures.length, 0));
    for (const r of body) {
      const d = records.find((x) => x.id === r[col('directiveId')])!;
      expect(d, r[col('directiveId')]).toBeDefined();
      expect(r[col('province')]).toBe(d.data.province);
      expect(r[col('provinceSlug')]).toBe(provinceByName(d.data.province).slug);
      expect(r[col('date')]).toBe(d.data.date);
      const m = d.data.measures.find((x) => x.code === r[col('code')])!;
      expect(r[col('action')]).toBe(m.action);
      expect(r[col('evidence')]).toBe(m.evidence);
      expect(r[col('label')]).toBe(MEASURES.find((x) => x.code === m.code)!.label);
      expect(existsSync(join(dist, r[col('directiveUrl')]!, 'index.html'))).toBe(true);
    }
  });

  it('/api/measures.json carries the code list and the same rows', async () => {
    const j = (await (await fetch(`${baseUrl}/api/measures.json`)).json()) as {
      measures: Array<{ code: string }>;
      rows: Array<Record<string, unknown>>;
    };
    expect(j.measures.map((m) => m.code)).toEqual(MEASURES.map((m) => m.code));
    const want = withMeasures
      .flatMap((d) =>
        d.data.measures.map((m) => `${d.id}|${m.code}|${m.action}|${m.scope}|${m.from}|${m.to}|${m.evidence}`),
      )
      .sort();
    expect(
      j.rows.map((r) => `${r.directiveId}|${r.code}|${r.action}|${r.scope}|${r.from}|${r.to}|${r.evidence}`).sort(),
    ).toEqual(want);
  });
});

describe('directive pages', () => {
  for (const width of WIDTHS) {
    it(`list every measure, each linked to its sentence in the text (${width} px)`, async () => {
      for (const d of withMeasures) {
        const page = await open(`/van-ban/${d.id}/`, width);
        const items = page.locator('#bien-phap ~ ul.measure-list > li');
        expect(await items.count(), d.id).toBe(d.data.measures.length);
        for (const [i, m] of d.data.measures.entries()) {
          const link = items.nth(i).locator('a').first();
          expect(await link.textContent()).toBe(MEASURES.find((x) => x.code === m.code)!.label);
          const href = (await link.getAttribute('href'))!;
          if (href.startsWith('#cau-')) {
            const target = page.locator(`.doc-text ${href}`);
            expect(await target.textContent(), `${d.id} ${m.code}`).toBe(m.evidence);
            await link.click();
            await page.waitForFunction((h) => location.hash === h, href);
            const box = await target.boundingBox();
            expect(box!.y).toBeGreaterThanOrEqual(0);
            expect(box!.y).toBeLessThan(900);
          } else {
            expect(href.startsWith('#:~:text=')).toBe(true);
          }
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.close();
      }
    });
  }
});

describe('the national picture', () => {
  for (const width of WIDTHS) {
    it(`each measure's grid lists provinces and months, linking the directives behind them (${width} px)`, async () => {
      for (const code of codesUsed) {
        const page = await open(`/bien-phap/${code}/`, width);
        const orderedBy = withMeasures.filter((d) => d.data.measures.some((m) => m.code === code));
        // the table, the accessible primary: every directive behind the measure is linked, and only those
        const links = await page
          .locator('table.mgrid-table tbody a[href^="/van-ban/"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        expect(new Set(links.map((h) => h.split('#')[0]))).toEqual(new Set(orderedBy.map((d) => `/van-ban/${d.id}/`)));
        for (const h of links) expect(h.endsWith(`#bien-phap-${code}`)).toBe(true);
        const rowHeads = await page.locator('table.mgrid-table tbody th').allTextContents();
        expect(new Set(rowHeads)).toEqual(new Set(orderedBy.map((d) => d.data.province)));
        // the SVG is a picture for the eye: hidden from screen readers, out of the tab order, inside the page width
        const svg = page.locator('.mgrid > svg.mgrid-svg');
        expect(await svg.getAttribute('aria-hidden')).toBe('true');
        expect(await svg.locator('a').evaluateAll((as) => as.every((a) => a.getAttribute('tabindex') === '-1'))).toBe(
          true,
        );
        expect(await svg.locator('rect.cell').count()).toBe(await page.locator('table.mgrid-table tbody tr').count());
        const box = await svg.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.close();
      }
    });
  }

  it('the index lists every measure with its count of directives', async () => {
    const page = await open('/bien-phap/', 1280);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(MEASURES.length);
    for (const [i, m] of MEASURES.entries()) {
      expect(await rows.nth(i).locator('th a').getAttribute('href')).toBe(`/bien-phap/${m.code}/`);
      const n = withMeasures.filter((d) => d.data.measures.some((x) => x.code === m.code)).length;
      expect(await rows.nth(i).locator('td').first().textContent()).toBe(String(n));
    }
    await page.close();
  });

  it('a province page shows its own measures month by month', async () => {
    for (const province of new Set(withMeasures.map((d) => d.data.province))) {
      const slug = provinceByName(province).slug;
      const page = await open(`/tinh/${slug}/`, 390);
      expect(await page.locator('#bien-phap-tinh').textContent()).toBe('Biện pháp theo tháng');
      const codes = new Set(
        withMeasures.filter((d) => d.data.province === province).flatMap((d) => d.data.measures.map((m) => m.code)),
      );
      const heads = await page
        .locator('.province-measures table tbody th a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(new Set(heads)).toEqual(new Set([...codes].map((c) => `/bien-phap/${c}/`)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.close();
    }
  });

  for (const width of WIDTHS) {
    it(`has zero axe violations on the new pages (${width} px)`, async () => {
      const paths = [
        '/bien-phap/',
        ...codesUsed.slice(0, 3).map((c) => `/bien-phap/${c}/`),
        '/bien-phap/support/',
        `/van-ban/${withMeasures[0]!.id}/`,
        `/tinh/${provinceByName(withMeasures[0]!.data.province).slug}/`,
      ];
      const found: string[] = [];
      for (const p of paths) {
        const page = await open(p, width);
        const r = await new AxeBuilder({ page: page as never }).analyze();
        found.push(
          ...r.violations.map(
            (v) =>
              `${p}: ${v.id} ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          ),
        );
        await page.close();
      }
      expect(found).toEqual([]);
    });
  }
});
