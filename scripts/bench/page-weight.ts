/**
 * Weight of a built page as a browser would fetch it without search: the HTML plus the
 * stylesheets it links (same-site only; the CSP forbids others), raw and gzip-compressed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  htmlBytes: number;
  cssBytes: number;
  /** HTML + CSS, gzip level 9 (what a static host sends compressed) */
  gzipBytes: number;
  stylesheets: string[];
}

/** hrefs of <link rel="stylesheet"> in document order. */
export function stylesheetHrefs(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href) out.push(href);
  }
  return out;
}

/** `page` is the path of an index.html relative to `outDir`; `base` the site's base path. */
export async function pageWeight(outDir: string, page: string, base = '/'): Promise<PageWeight> {
  const html = await readFile(join(outDir, page));
  const sheets = stylesheetHrefs(html.toString('utf8'));
  let css = Buffer.alloc(0);
  for (const href of sheets) {
    if (/^[a-z]+:|^\/\//i.test(href)) throw new Error(`${page} links an off-site stylesheet: ${href}`);
    const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
    css = Buffer.concat([css, await readFile(join(outDir, decodeURI(path)))]);
  }
  return {
    page,
    htmlBytes: html.length,
    cssBytes: css.length,
    gzipBytes: gzipSync(html, { level: 9 }).length + (css.length ? gzipSync(css, { level: 9 }).length : 0),
    stylesheets: sheets,
  };
}
