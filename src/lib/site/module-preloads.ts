/**
 * `<link rel="modulepreload">` for the modules a built page's scripts import. A browser learns
 * of a module's imports only once it has read the module: without the links, the search page's
 * script fetches its shared chunks in a second round trip before searching can start (about
 * 55 ms on a local server, a few hundred on a phone). Astro writes no such links for a page's
 * own scripts; the build writes them (src/integrations/module-preloads.ts).
 */
import { parse } from 'es-module-lexer';

/** A built module's source by its URL path ("/_astro/x.js"), or null when the site has no such file. */
export type ReadModule = (path: string) => string | null;

const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*>/g;
const PRELOAD_LINK = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1]!.replace(/&amp;/g, '&') : null;
}

const escapeAttribute = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The modules `entry` imports statically, directly or through others, each once, in the order
 * a reader of the imports meets them (the entry itself not included). Dynamic imports are left
 * out: they are fetched when used, and Vite's preload helper handles their chunks then.
 * `es-module-lexer` (es-module-lexer's `init` must have resolved) reads the imports.
 */
export function staticImports(entry: string, read: ReadModule): string[] {
  const seen = new Set<string>([entry]);
  const out: string[] = [];
  const visit = (path: string): void => {
    const source = read(path);
    if (source === null) return;
    const [imports] = parse(source, path);
    for (const i of imports) {
      // static imports only (t 1: `import … from`, `import '…'`), with a plain string specifier
      if (i.t !== 1 || !i.n) continue;
      if (!/^\.{0,2}\//.test(i.n)) continue; // a bare or remote specifier is not a site file
      const target = new URL(i.n, `http://site${path}`).pathname;
      if (seen.has(target)) continue;
      seen.add(target);
      out.push(target);
      visit(target);
    }
  };
  visit(entry);
  return out;
}

/**
 * The page with a modulepreload link before `</head>` for each module its module scripts
 * import (staticImports) that it neither links nor loads as a script already. The same page
 * given twice gives the same result: nothing is added twice.
 */
export function withModulePreloads(html: string, read: ReadModule): string {
  const scripts = [...html.matchAll(MODULE_SCRIPT)]
    .map((m) => attribute(m[0], 'src'))
    .filter((src): src is string => src !== null && src.startsWith('/'));
  const linked = new Set([
    ...scripts,
    ...[...html.matchAll(PRELOAD_LINK)].map((m) => attribute(m[0], 'href')).filter((h) => h !== null),
  ]);
  const wanted: string[] = [];
  for (const src of scripts)
    for (const path of staticImports(src, read))
      if (!linked.has(path)) {
        linked.add(path);
        wanted.push(path);
      }
  if (wanted.length === 0) return html;
  const head = html.indexOf('</head>');
  if (head < 0) throw new Error('The page has no </head> to put its module preloads before');
  const links = wanted.map((p) => `<link rel="modulepreload" href="${escapeAttribute(p)}">`).join('');
  return html.slice(0, head) + links + html.slice(head);
}
