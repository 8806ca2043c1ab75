/**
 * Security of the published site, on the real build (global setup): every page carries the CSP
 * meta tag; no inline script, inline style or inline event handler anywhere in dist (the CSP
 * would block them, and they are how injected text would run); external links open with
 * rel="noopener"; and in Chromium, loading the home page, a directive page, a province page and a
 * search with a query records no CSP violation and no request to another host.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Element } from 'hast';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { elements, parseHtmlFile } from '../../src/lib/checks/links.ts';

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const siteOrigin = new URL(process.env.SITE ?? 'http://localhost:4321').origin;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f))
    .sort();
}

const pages = htmlFiles(distDir);
const urlOf = (file: string) =>
  `/${relative(distDir, file)
    .split(sep)
    .join('/')
    .replace(/index\.html$/, '')}`;
const directivePage = pages.map(urlOf).find((u) => /^\/van-ban\/[^/]+\/[^/]+\/$/.test(u));
const provincePage = pages.map(urlOf).find((u) => /^\/tinh\/[^/]+\/$/.test(u));

describe('static scan of every built page', () => {
  it('found pages to scan, including a directive page', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(directivePage).toBeDefined();
  });

  it('has the CSP meta tag on every page', async () => {
    for (const file of pages) {
      const tree = await parseHtmlFile(file);
      const metas = [...elements(tree)].filter(
        (e) =>
          e.tagName === 'meta' && String(e.properties?.httpEquiv ?? '').toLowerCase() === 'content-security-policy',
      );
      expect(
        metas.map((m) => m.properties?.content),
        urlOf(file),
      ).toEqual([CONTENT_SECURITY_POLICY]);
    }
  });

  it('has no inline event handler, inline script, inline style or javascript: URL', async () => {
    const offences: string[] = [];
    for (const file of pages) {
      for (const el of elements(await parseHtmlFile(file))) {
        const where = `${urlOf(file)} <${el.tagName}>`;
        for (const [prop, value] of Object.entries(el.properties ?? {})) {
          if (/^on[A-Z]/.test(prop)) offences.push(`${where} ${prop}`);
          if (prop === 'style') offences.push(`${where} style="${String(value)}"`);
          if (['href', 'src', 'action', 'formAction'].includes(prop) && /^\s*javascript:/i.test(String(value))) {
            offences.push(`${where} ${prop}=${String(value)}`);
          }
        }
        if (el.tagName === 'style') offences.push(`${where} inline stylesheet`);
        const type = String(el.properties?.type ?? '');
        if (el.tagName === 'script' && !el.properties?.src && !/json/.test(type))
          offences.push(`${where} inline script`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('opens every external link with rel="noopener"', async () => {
    const missing: string[] = [];
    for (const file of pages) {
      for (const el of elements(await parseHtmlFile(file))) {
        if (el.tagName !== 'a' || typeof el.properties?.href !== 'string') continue;
        const href = el.properties.href;
        if (!/^https?:\/\//i.test(href) || new URL(href).origin === siteOrigin) continue;
        const rel = (el as Element).properties?.rel;
        const rels = Array.isArray(rel) ? rel.map(String) : String(rel ?? '').split(/\s+/);
        if (!rels.includes('noopener')) missing.push(`${urlOf(file)} ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('in Chromium', () => {
  const visits: [string, string | undefined, string?][] = [
    ['home page', '/'],
    ['a directive page', directivePage],
    ['a province timeline', provincePage],
    ['the national timeline', '/dong-thoi-gian/'],
    ['a search with a query', '/tim-kiem/?q=ph%C3%B2ng%20ch%E1%BB%91ng%20d%E1%BB%8Bch', '#search-results li'],
  ];

  it.each(visits)('%s loads with no CSP violation and no request to another host', async (_name, path, waitFor) => {
    expect(path).toBeDefined();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const origin = new URL(baseUrl).origin;
      const foreign: string[] = [];
      const consoleCsp: string[] = [];
      page.on('request', (req) => {
        const u = new URL(req.url());
        if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) foreign.push(req.url());
      });
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to/i.test(msg.text())) consoleCsp.push(msg.text());
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      const res = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      if (waitFor) await page.waitForSelector(waitFor, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations).toEqual([]);
      expect(consoleCsp).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('would see a violation: an inline script injected into a served page is reported', async () => {
    // Guards the listener itself: a test that records nothing must be able to record something.
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.violatedDirective));
      });
      await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
      await page.evaluate(() => {
        const s = document.createElement('div');
        s.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
        document.body.append(s);
      });
      await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, undefined, {
        timeout: 5_000,
      });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await browser.close();
    }
  });
});
