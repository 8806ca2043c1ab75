/**
 * Measures fixtures: every folder in tests/import/measures-fixtures/ holds a directive or report
 * we wrote in the styles of real ones (input.txt) and the measures the importer must find in it
 * (expected.json: code, action, evidence, scope, dates, confidence). `UPDATE=1` rewrites
 * expected.json from the importer; review the diff before committing. Besides the snapshot, every
 * fixture must keep the contract: one entry per code, evidence exactly in the text the page shows.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../src/lib/import/pipeline.ts';
import { measureSchema, type DirectiveMeasure } from '../../src/lib/directive-schema.ts';
import { MEASURE_CODES } from '../../src/lib/measures.ts';

const DIR = 'tests/import/measures-fixtures';
const UPDATE = process.env.UPDATE === '1';
const names = readdirSync(DIR)
  .filter((n) => existsSync(join(DIR, n, 'input.txt')))
  .sort();

/** The body as the page shows it: the MDX after the frontmatter, Markdown escapes undone. */
const shownText = (mdx: string): string =>
  mdx
    .split('\n---\n')
    .slice(1)
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&|~])/g, '$1');

describe('measures fixtures', () => {
  it('cover every measure code, impose and lift', () => {
    const seen = new Set<string>();
    for (const n of names) {
      const p = join(DIR, n, 'expected.json');
      if (!existsSync(p)) continue;
      for (const m of JSON.parse(readFileSync(p, 'utf8')).measures as DirectiveMeasure[])
        seen.add(`${m.code}:${m.action}`);
    }
    for (const code of MEASURE_CODES)
      expect(
        [...seen].some((k) => k.startsWith(`${code}:`)),
        code,
      ).toBe(true);
    expect([...seen].filter((k) => k.endsWith(':lift')).length).toBeGreaterThanOrEqual(6);
  });

  for (const name of names) {
    it(name, () => {
      const dir = join(DIR, name);
      const input = readFileSync(join(dir, 'input.txt'));
      const r = importText(input, join(dir, 'input.txt'), { rawPath: `content/raw/${name}.txt` });
      const measures = (r.frontmatter?.measures ?? []) as DirectiveMeasure[];
      // the contract, whatever the snapshot says
      expect(new Set(measures.map((m) => m.code)).size).toBe(measures.length);
      const text = readFileSync(join(dir, 'input.txt'), 'utf8');
      for (const m of measures) {
        expect(measureSchema.safeParse(m).success).toBe(true);
        expect(text.includes(m.evidence) || (r.mdx !== null && shownText(r.mdx).includes(m.evidence)), m.evidence).toBe(
          true,
        );
        if (r.mdx && (m.confidence ?? 1) >= 0.7) expect(shownText(r.mdx)).toContain(m.evidence);
      }
      const expPath = join(dir, 'expected.json');
      const actual = { measures };
      if (UPDATE || !existsSync(expPath)) writeFileSync(expPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expPath, 'utf8')));
    });
  }
});
