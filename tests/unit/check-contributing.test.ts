/**
 * CONTRIBUTING.md explains every problem `npm run check` can report: each code the checks can
 * emit appears in the guide, and every example in the guide names a code that exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const guide = readFileSync(resolve(root, 'CONTRIBUTING.md'), 'utf8');
const checksDir = resolve(root, 'src/lib/checks');
const source = readdirSync(checksDir)
  .map((f) => readFileSync(resolve(checksDir, f), 'utf8'))
  .join('\n');
const CODE = /(?:schema|content|integrity|load)\.[a-z_]+/g;
// Codes built from zod's issue codes (`schema.${issue.code}`) that the guide documents by name.
const ZOD_CODES = [
  'schema.invalid_value',
  'schema.invalid_type',
  'schema.invalid_format',
  'schema.too_small',
  'schema.frontmatter_yaml',
  'schema.frontmatter_missing',
  'schema.frontmatter_toml',
];

describe('CONTRIBUTING.md', () => {
  it('documents every problem code the checks emit', () => {
    const emitted = new Set([
      ...(source.match(/'(?:schema|content|integrity|load)\.[a-z_]+'/g) ?? []).map((c) => c.slice(1, -1)),
      ...ZOD_CODES,
    ]);
    expect(emitted.size).toBeGreaterThan(25);
    const missing = [...emitted].filter((c) => !guide.includes(c));
    expect(missing).toEqual([]);
  });

  it('shows only codes that exist', () => {
    const known = new Set([...(source.match(CODE) ?? []), ...ZOD_CODES]);
    const shown = new Set(
      (guide.match(/\[((?:schema|content|integrity|load)\.[a-z_]+)\]/g) ?? []).map((c) => c.slice(1, -1)),
    );
    expect(shown.size).toBeGreaterThan(10);
    expect([...shown].filter((c) => !known.has(c))).toEqual([]);
  });
});
