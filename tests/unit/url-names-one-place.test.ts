/**
 * Guards #15's boundary: URL parameter names and the raw-source URL folder are written in one
 * place (src/lib/site/urls.ts, src/lib/search/url-state.ts), so renaming one cannot leave a form,
 * a result link or the highlighter on the old name (a search link that silently drops the query).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_PARAM, QUERY_PARAM, RAW_DIR, paths } from '../../src/lib/site/urls.ts';
import { stateFromParams, stateToParams } from '../../src/lib/search/url-state.ts';

const root = resolve(import.meta.dirname, '../..');
const OWNERS = new Set(['src/lib/site/urls.ts', 'src/lib/search/url-state.ts']);
const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .map((f) => `src/${f.split('\\').join('/')}`)
  .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !OWNERS.has(f));

/** Literal parameter names and raw-folder URLs, the way they were written before they had one home. */
const LITERALS: [string, RegExp][] = [
  ['a query parameter read or written by a literal name', /[sS]earchParams\.(?:get|getAll|set|append|has)\(\s*['"`]/],
  ['a parameter read by a literal name', /new URLSearchParams\([^)]*\)\.(?:get|getAll|has)\(\s*['"`]/],
  ['a form field named by a literal', /\bname=["'](?:q|highlight)["']/],
  // a URL path: '/raw/…' or `${base}/raw/`, not the content folder content/raw/
  ['the raw folder written as a URL', /(?:['"`]|\})\/raw\//],
  [
    'a page URL written by hand',
    /['"`]\/?(?:van-ban|tinh|tim-kiem|bien-phap|dan-chieu|nguon|dong-thoi-gian|du-lieu|gop-y)\//,
  ],
];
/** Comments may name URLs as examples. */
const isComment = (line: string): boolean => /^\s*(?:\/\/|\/\*|\*)/.test(line);

describe('URL parameter names live in urls.ts and url-state.ts', () => {
  it('no other source file writes a parameter name or the raw folder literally', () => {
    const found: string[] = [];
    for (const f of files) {
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (isComment(line)) return;
          for (const [what, re] of LITERALS) if (re.test(line)) found.push(`${f}:${i + 1}: ${what}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the search state travels under the query parameter the forms send', () => {
    const params = new URLSearchParams([[QUERY_PARAM, 'giãn cách']]);
    expect(stateFromParams(params).q).toBe('giãn cách');
    expect(stateToParams(stateFromParams(params)).get(QUERY_PARAM)).toBe('giãn cách');
    expect(HIGHLIGHT_PARAM).not.toBe(QUERY_PARAM);
  });

  it('raw links point into the folder the build copies raw sources to', () => {
    expect(paths.raw('content/raw/a/b#1.txt')).toBe(`${RAW_DIR}/a/b%231.txt`);
  });
});
