/**
 * The link checker on a small built site written here: finds a link to a missing page, a
 * missing #anchor and a link that escapes the base path; accepts good links, assets, anchors
 * on the same page and other hosts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/checks/links.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const page = (body: string) =>
  `<!doctype html><html lang="vi"><head><link rel="stylesheet" ` +
  `href="/lt/_astro/a.css"></head><body>${body}</body></html>`;

describe('checkLinks', () => {
  it('finds broken pages and anchors, and links outside the base', async () => {
    const dist = site({
      'index.html': page(`
        <a href="/lt/van-ban/a/">ok</a>
        <a href="van-ban/a/#muc-1">ok anchor</a>
        <a href="#top" id="top">self</a>
        <a href="https://chinhphu.vn/">other host</a>
        <a href="mailto:a@b.vn">mail</a>
        <a href="/lt/van-ban/khong-co/">missing page</a>
        <a href="/lt/van-ban/a/#muc-9">missing anchor</a>
        <a href="/van-ban/a/">outside base</a>
        <img src="/lt/anh.png" alt="">`),
      'van-ban/a/index.html': page('<p id="muc-1">1. Một</p><a href="../../">home</a>'),
      '_astro/a.css': 'body{}',
    });
    const broken = await checkLinks(dist, '/lt/');
    expect(broken).toEqual([
      { page: '/lt/', href: '/lt/van-ban/khong-co/', reason: 'missing-page' },
      { page: '/lt/', href: '/lt/van-ban/a/#muc-9', reason: 'missing-anchor' },
      { page: '/lt/', href: '/van-ban/a/', reason: 'outside-base' },
      { page: '/lt/', href: '/lt/anh.png', reason: 'missing-page' },
    ]);
  });

  it('passes a whole site', async () => {
    const dist = site({
      'index.html': page('<a href="/lt/van-ban/a/">a</a>'),
      'van-ban/a/index.html': page('<a href="/lt/">home</a>'),
      '_astro/a.css': 'body{}',
    });
    expect(await checkLinks(dist, '/lt/')).toEqual([]);
  });
});
