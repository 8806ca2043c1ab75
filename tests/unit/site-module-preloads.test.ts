/**
 * The modulepreload links the build writes into the search page (src/lib/site/module-preloads.ts):
 * every module its scripts import, directly or not, linked once, so that none waits for the
 * module importing it to arrive first. The real build and browser are checked in
 * tests/site/search.test.ts ("fetches the search page's modules in one round").
 */
import { init } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticImports, withModulePreloads } from '../../src/lib/site/module-preloads.ts';

// Modules as Vite writes them: minified static imports, a dynamic import, a cycle, a shared chunk.
const modules: Record<string, string> = {
  '/_astro/page.js': 'import{a as e}from"./intent.js";import"./styles.js";const t=()=>import("./lazy.js");e(t);',
  '/_astro/intent.js': 'import{h as e}from"./helper.js";import{q}from"./query.js";export const a=e;',
  '/_astro/query.js': 'import{a}from"./intent.js";export const q=1;', // a cycle back to intent
  '/_astro/helper.js': 'export const h=()=>{};',
  '/_astro/styles.js': 'import"/_astro/helper.js";',
  '/_astro/lazy.js': 'import{h}from"./never-preloaded.js";',
  '/_astro/box.js': 'import{h as e}from"./helper.js";e();',
};
const read = (path: string): string | null => modules[path] ?? null;

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const preloads = (html: string): string[] =>
  [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);

beforeAll(async () => {
  await init;
});

describe('module preloads', () => {
  it('lists every module imported statically, directly or not, once, and no dynamic import', () => {
    expect(staticImports('/_astro/page.js', read)).toEqual([
      '/_astro/intent.js',
      '/_astro/helper.js',
      '/_astro/query.js',
      '/_astro/styles.js',
    ]);
  });

  it('links them before </head> for every module script of the page, skipping what it links already', () => {
    const html = page(
      '<link rel="modulepreload" href="/pagefind/pagefind.js"><link rel="modulepreload" href="/_astro/query.js">',
      '<script type="module" src="/_astro/box.js"></script><p>…</p>' +
        '<script type="module" src="/_astro/page.js"></script>',
    );
    const out = withModulePreloads(html, read);
    expect(preloads(out)).toEqual([
      '/pagefind/pagefind.js',
      '/_astro/query.js',
      '/_astro/helper.js',
      '/_astro/intent.js',
      '/_astro/styles.js',
    ]);
    expect(out.indexOf('/_astro/intent.js')).toBeLessThan(out.indexOf('</head>'));
    // the page is otherwise untouched, and a second pass adds nothing
    expect(out.replace(/<link rel="modulepreload" href="\/_astro\/[^"]+">/g, '')).toBe(
      html.replace('<link rel="modulepreload" href="/_astro/query.js">', ''),
    );
    expect(withModulePreloads(out, read)).toBe(out);
  });

  it('leaves a page without module scripts, or whose scripts import nothing, as it is', () => {
    const plain = page('<title>Hà Nội</title>', '<p>Văn bản</p>');
    expect(withModulePreloads(plain, read)).toBe(plain);
    const leaf = page('', '<script type="module" src="/_astro/helper.js"></script>');
    expect(withModulePreloads(leaf, read)).toBe(leaf);
  });

  it('names what is wrong when a page that needs links has no </head>', () => {
    expect(() => withModulePreloads('<script type="module" src="/_astro/page.js"></script>', read)).toThrow(
      /no <\/head>/,
    );
  });
});
