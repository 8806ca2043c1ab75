/**
 * The repository's own content passes every content check (what CI runs as `npm run check`
 * before any build), so `npm test` alone also refuses an archive that would not build safely.
 */
import { describe, expect, it } from 'vitest';
import { contentDir } from '../../src/lib/content-dir.ts';
import { runChecks } from '../../src/lib/checks/run.ts';

describe('the archive content', () => {
  it('has no content-check error', { timeout: 120_000 }, async () => {
    const report = await runChecks(contentDir());
    expect(report.directives).toBeGreaterThan(0);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
