/**
 * Publishing under a sub-path: the fixture corpus built with BASE=/kho/ and another SITE. Every
 * root-relative URL a page carries stays under the base, the shared link checker finds nothing
 * broken, and feeds, sitemap and citations use the configured site.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildArchive } from '../../scripts/bench/build.ts';
import { checkLinks } from '../../src/lib/checks/links.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, '.tmp/site-base-test-dist');

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) htmlFiles(p, out);
    else if (n.endsWith('.html')) out.push(p);
  }
  return out;
}

/**
 * The environment without what Vitest (Vite) adds to it: Vitest sets BASE_URL=/ in process.env,
 * and a BASE_URL in the environment overrides import.meta.env.BASE_URL in the Astro build.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if (/^(VITEST|VITE_)/.test(k) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k))
      delete env[k];
  return env;
}

beforeAll(() => {
  buildArchive(
    {
      env: { ...cleanEnv(), BASE: '/kho/', SITE: 'https://example.org' },
      contentDir: resolve(root, 'tests/fixtures/site-content'),
      outDir: dist,
      cacheDir: resolve(root, '.tmp/site-base-test-cache'),
    },
    'build under /kho/',
  );
}, 300_000);

describe('archive under a sub-path', () => {
  it('keeps every root-relative link under the base', () => {
    const outside: string[] = [];
    for (const f of htmlFiles(dist).filter((p) => !p.includes(`${join(dist, 'pagefind')}`))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
        if (!m[1]!.startsWith('/kho/')) outside.push(`${f.slice(dist.length)}: ${m[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('has no broken internal link', async () => {
    expect(await checkLinks(dist, '/kho/')).toEqual([]);
  });

  it('feeds, sitemap and citations name the configured site and base', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://example.org/kho/</link>');
    expect(rss).toContain('<link>https://example.org/kho/van-ban/');
    const sm = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sm).toContain('<loc>https://example.org/kho/tinh/vinh-phuc/</loc>');
    const page = readFileSync(join(dist, 'van-ban/vinh-phuc/2021-11-08-cong-van-907-cv-tu/index.html'), 'utf8');
    expect(page).toContain('https://example.org/kho/van-ban/vinh-phuc/2021-11-08-cong-van-907-cv-tu/');
    const json = JSON.parse(readFileSync(join(dist, 'api/directives.json'), 'utf8')) as Array<{ url: string }>;
    expect(json.every((d) => d.url.startsWith('/kho/van-ban/'))).toBe(true);
  });
});
