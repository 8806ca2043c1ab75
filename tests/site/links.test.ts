/**
 * Link check over the whole build: every internal href/src on every page resolves to a file
 * the build wrote, and every #fragment to an id on the target page. No request leaves the site.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkLinks } from '../../src/lib/checks/links.ts';

const dist = inject('distDir');
// The configured site origin: absolute links to it (permalinks) are internal too.
const SITE = process.env.SITE ?? 'http://localhost:4321';

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) htmlFiles(p, out);
    else if (n.endsWith('.html')) out.push(relative(dist, p).split(sep).join('/'));
  }
  return out;
}

/** The page's own URL path from its file: "tinh/x/index.html" -> "/tinh/x/". */
const urlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** A URL path -> the file that serves it, or null. */
function fileFor(pathname: string): string | null {
  const p = decodeURIComponent(pathname);
  const candidates = p.endsWith('/') ? [join(dist, p, 'index.html')] : [join(dist, p), join(dist, p, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  if (!idCache.has(file)) {
    const text = readFileSync(file, 'utf8');
    idCache.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  }
  return idCache.get(file)!;
}

describe('links', () => {
  const files = htmlFiles(dist).filter((f) => !f.startsWith('pagefind/'));

  it('no internal link is broken, no fragment misses its anchor, nothing loads from another host', () => {
    expect(files.length).toBeGreaterThan(70);
    const broken: string[] = [];
    const foreign: string[] = [];
    let checked = 0;
    for (const f of files) {
      const html = readFileSync(join(dist, f), 'utf8');
      const base = new URL(urlOf(f), SITE);
      for (const m of html.matchAll(/<(a|link|script|img|form|use|image)\b[^>]*?\s(href|src|action)="([^"]*)"/g)) {
        const [, tag, , raw] = m;
        if (raw!.startsWith('mailto:')) continue;
        const url = new URL(raw!.replace(/&amp;/g, '&'), base);
        if (url.origin !== new URL(SITE).origin) {
          // Outbound links a reader may follow are fine; anything the page loads is not.
          if (tag !== 'a') foreign.push(`${f}: <${tag}> ${raw}`);
          continue;
        }
        checked++;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${f}: ${raw}`);
          continue;
        }
        if (
          url.hash &&
          url.hash !== '#' &&
          target.endsWith('.html') &&
          !idsIn(target).has(decodeURIComponent(url.hash.slice(1)))
        ) {
          broken.push(`${f}: ${raw} (no such anchor)`);
        }
      }
    }
    expect(checked).toBeGreaterThan(files.length * 5);
    expect(broken).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('the shared link checker (HTML-parsing, also used by scripts) agrees: nothing broken', async () => {
    expect(await checkLinks(dist, '/')).toEqual([]);
  });
});
