/**
 * After the real build (tests/site/global-setup.ts, `npm run build`): directive bodies did not
 * become Vite modules and are not in Astro's content store. Each entry holds its id,
 * frontmatter, file path and digest only; Astro's list of content modules is empty. If an Astro
 * release or a loader change brought back one module (or one stored body) per directive, the
 * build of 10,000 directives would silently slow down by minutes: this fails instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDirectiveFiles } from '../../src/lib/entry-id.ts';
import { contentDir } from '../../src/lib/content-dir.ts';

const root = resolve(import.meta.dirname, '../..');
const cacheDir = resolve(root, '.tmp/site-cache');

describe('content store after the build', () => {
  it('keeps frontmatter only: no body, no HTML, no deferred render, no module', () => {
    // devalue's format: one JSON array; objects reference other slots by index.
    const slots = JSON.parse(readFileSync(resolve(cacheDir, 'data-store.json'), 'utf8')) as unknown[];
    const entries = slots.filter(
      (s): s is Record<string, unknown> =>
        typeof s === 'object' && s !== null && !Array.isArray(s) && 'id' in s && 'data' in s,
    );
    expect(entries.length).toBe(listDirectiveFiles(resolve(contentDir(), 'directives')).length);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['data', 'digest', 'filePath', 'id']);
    const modules = resolve(root, '.astro/content-modules.mjs');
    if (existsSync(modules)) expect(readFileSync(modules, 'utf8')).not.toMatch(/\.mdx/);
  });
});
