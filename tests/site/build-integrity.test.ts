/**
 * The real build (global setup) kept every directive: one page per content entry, no stray
 * pages, and the search index holds exactly as many pages.
 */
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { contentDir } from '../../src/lib/content-dir.ts';
import { checkBuild } from '../../src/lib/build-integrity.ts';

describe('built archive integrity', () => {
  it('has one page and one search record per content entry', async () => {
    const report = await checkBuild(join(contentDir(), 'directives'), inject('distDir'));
    expect(report.problems).toEqual([]);
    expect(report.entries).toBeGreaterThan(0);
    expect(report.pages).toBe(report.entries);
    expect(report.indexed).toBe(report.entries);
  });
});
