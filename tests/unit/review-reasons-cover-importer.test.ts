/**
 * Regression: every reason the importer writes under `review:` reaches the reader in Vietnamese.
 * The importer's reasons are English for archivists; a reason without a Vietnamese pattern in
 * src/lib/site/review-reasons.ts would show English words on a directive page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../src/lib/import/pipeline.ts';
import { reasonInVietnamese } from '../../src/lib/site/review-reasons.ts';

const FIXTURES = 'tests/import/fixtures';
const inputs = [
  ...readdirSync('content/raw').map((f) => join('content/raw', f)),
  ...readdirSync(FIXTURES).flatMap((d) =>
    ['input.txt', 'input.bin'].map((f) => join(FIXTURES, d, f)).filter((p) => existsSync(p)),
  ),
];

describe('review reasons in Vietnamese', () => {
  it('has a Vietnamese wording for every reason the importer gives on the seeds and fixtures', () => {
    const unknown = new Set<string>();
    let reasons = 0;
    for (const path of inputs) {
      const r = importText(readFileSync(path), path);
      for (const flag of (r.frontmatter?.review ?? []) as Array<{ field: string; reason: string }>) {
        reasons++;
        if (reasonInVietnamese(flag.reason).original !== null) unknown.add(`${flag.field}: ${flag.reason}`);
      }
    }
    expect(reasons).toBeGreaterThan(20);
    expect([...unknown]).toEqual([]);
  });
});
