/**
 * Broken internal links in a built site: every href/src of every HTML page that points inside
 * the site must name a file in dist/, and a #fragment must name an id on the target page.
 * Reusable from any test (`checkLinks(distDir, base)`) and from scripts/check-links.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';

export interface BrokenLink {
  /** the page with the link, as a URL path ("/van-ban/x/") */
  page: string;
  /** the link as written */
  href: string;
  reason: 'missing-page' | 'missing-anchor' | 'outside-base';
}

const LINK_ATTRS: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  form: ['action'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  area: ['href'],
};

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Every element of a hast tree, depth first. */
export function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type === 'element') {
      yield child;
      yield* elements(child);
      if (child.content) yield* elements(child.content as unknown as Root);
    }
  }
}

export async function parseHtmlFile(path: string): Promise<Root> {
  return fromHtml(await readFile(path, 'utf8'));
}

/** URL path of a built file: dist/van-ban/x/index.html -> <base>van-ban/x/ */
function pageUrl(distDir: string, file: string, base: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return base + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** decodeURIComponent, or null for a malformed %-escape ("50%.txt"): such a link names no file. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export async function checkLinks(distDir: string, base = '/'): Promise<BrokenLink[]> {
  const normBase = base.endsWith('/') ? base : `${base}/`;
  const files = await htmlFiles(distDir);
  const ids = new Map<string, Set<string>>(); // page URL -> ids on it
  const links: { page: string; href: string }[] = [];
  for (const file of files) {
    const page = pageUrl(distDir, file, normBase);
    const tree = await parseHtmlFile(file);
    const pageIds = new Set<string>();
    for (const el of elements(tree)) {
      const id = el.properties?.id;
      if (typeof id === 'string') pageIds.add(id);
      const name = el.properties?.name;
      if (el.tagName === 'a' && typeof name === 'string') pageIds.add(name);
      for (const attr of LINK_ATTRS[el.tagName] ?? []) {
        const prop = attr === 'srcset' ? 'srcSet' : attr;
        const v = el.properties?.[prop];
        const values =
          attr === 'srcset'
            ? (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : []).map(
                (s) => s.trim().split(/\s+/)[0]!,
              )
            : typeof v === 'string'
              ? [v]
              : [];
        for (const href of values) if (href) links.push({ page, href });
      }
    }
    ids.set(page, pageIds);
  }
  const exists = new Map<string, boolean>();
  const fileExists = async (urlPath: string): Promise<boolean> => {
    if (exists.has(urlPath)) return exists.get(urlPath)!;
    const rel = safeDecode(urlPath.slice(normBase.length));
    if (rel === null) {
      exists.set(urlPath, false);
      return false;
    }
    const candidates =
      rel === '' || rel.endsWith('/')
        ? [join(distDir, rel, 'index.html')]
        : [join(distDir, rel), join(distDir, rel, 'index.html')];
    let ok = false;
    for (const c of candidates) {
      try {
        if ((await stat(c)).isFile()) ok = true;
      } catch {
        // not there
      }
    }
    exists.set(urlPath, ok);
    return ok;
  };
  const broken: BrokenLink[] = [];
  for (const { page, href } of links) {
    let url: URL;
    try {
      url = new URL(href, `http://site.invalid${page}`);
    } catch {
      broken.push({ page, href, reason: 'missing-page' });
      continue;
    }
    if (url.origin !== 'http://site.invalid') continue; // another host: not ours to check
    if (!url.pathname.startsWith(normBase)) {
      broken.push({ page, href, reason: 'outside-base' });
      continue;
    }
    if (!(await fileExists(url.pathname))) {
      broken.push({ page, href, reason: 'missing-page' });
      continue;
    }
    if (url.hash.length > 1) {
      const target =
        url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? url.pathname.replace(/index\.html$/, '') : null;
      const targetIds = target ? ids.get(target) : undefined;
      const fragment = safeDecode(url.hash.slice(1)) ?? url.hash.slice(1);
      if (targetIds && !targetIds.has(fragment)) broken.push({ page, href, reason: 'missing-anchor' });
    }
  }
  return broken;
}
