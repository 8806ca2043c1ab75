/**
 * Fixture-driven importer tests: every folder in tests/import/fixtures/ holds a directive we wrote
 * in the styles of real ones (input.txt, input.bin, or source.txt + encoding.txt for legacy
 * encodings, whose input.bin is generated from our own tables), the facts it states
 * (expected.json, written by hand) and optionally the whole MDX (expected.mdx).
 * `UPDATE=1` rewrites expected.json/expected.mdx (and input.bin) from the importer's output;
 * `FIXTURE=name` limits a run to one folder. Review the diff before committing an update.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { importText, type ImportOptions } from '../../src/lib/import/pipeline.ts';
import { encodeAs } from './encode.ts';

const DIR = 'tests/import/fixtures';
const UPDATE = process.env.UPDATE === '1';
const only = process.env.FIXTURE;

function inputOf(dir: string): { bytes: Uint8Array; path: string } {
  const src = join(dir, 'source.txt');
  if (existsSync(src)) {
    const enc = readFileSync(join(dir, 'encoding.txt'), 'utf8').trim();
    const bytes = encodeAs(readFileSync(src, 'utf8'), enc);
    const bin = join(dir, 'input.bin');
    if (UPDATE || !existsSync(bin)) writeFileSync(bin, bytes);
    // the committed bytes are exactly what our tables produce from source.txt
    expect(Buffer.compare(readFileSync(bin), Buffer.from(bytes))).toBe(0);
    return { bytes: readFileSync(bin), path: bin };
  }
  for (const name of ['input.txt', 'input.bin']) {
    const p = join(dir, name);
    if (existsSync(p)) return { bytes: readFileSync(p), path: p };
  }
  throw new Error(`${dir}: no input`);
}

const bodyOf = (mdx: string): string => mdx.split('\n---\n').slice(1).join('\n---\n');

const names = readdirSync(DIR)
  .filter((n) => !n.startsWith('.') && existsSync(join(DIR, n, 'expected.json')) && (!only || n === only))
  .sort();

describe('importer fixtures', { timeout: 30_000 }, () => {
  it('has at least 25 directives written for the tests', () => {
    expect(
      only ? 25 : names.filter((n) => JSON.parse(readFileSync(join(DIR, n, 'expected.json'), 'utf8')).ok).length,
    ).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(name, async () => {
      const dir = join(DIR, name);
      const { bytes, path } = inputOf(dir);
      const optsPath = join(dir, 'options.json');
      const opts: ImportOptions = existsSync(optsPath) ? JSON.parse(readFileSync(optsPath, 'utf8')) : {};
      const r = importText(bytes, path, { ...opts, rawPath: `content/raw/${name}.txt` });
      const fm = (r.frontmatter ?? {}) as Record<string, unknown>;
      const expPath = join(dir, 'expected.json');
      const exp = JSON.parse(readFileSync(expPath, 'utf8')) as Record<string, unknown>;
      const actual: Record<string, unknown> = {};
      for (const key of Object.keys(exp)) {
        switch (key) {
          case 'ok':
            actual.ok = r.ok;
            break;
          case 'encoding':
            actual.encoding = r.encoding;
            break;
          case 'publisher':
            actual.publisher = (fm.source as { publisher?: string } | undefined)?.publisher ?? null;
            break;
          case 'references':
            actual.references = ((fm.references ?? []) as Array<{ number: string }>).map((x) => x.number);
            break;
          case 'referenceDates':
            actual.referenceDates = Object.fromEntries(
              ((fm.references ?? []) as Array<{ number: string; date: string | null }>)
                .filter((x) => (exp.referenceDates as Record<string, string>)[x.number] !== undefined)
                .map((x) => [x.number, x.date]),
            );
            break;
          case 'warnings':
            actual.warnings = (exp.warnings as string[]).filter((c) => r.warnings.some((w) => w.code === c));
            break;
          case 'errorContains':
            actual.errorContains = r.error?.includes(exp.errorContains as string) ? exp.errorContains : r.error;
            break;
          case 'bodyIncludes':
            actual.bodyIncludes = (exp.bodyIncludes as string[]).filter((s) => r.mdx && bodyOf(r.mdx).includes(s));
            break;
          // which named rule decided each field ("number": "so-line", "docType": "enacting-formula")
          case 'rules':
            actual.rules = Object.fromEntries(
              Object.keys(exp.rules as Record<string, string>).map((f) => [
                f,
                (r.fields as unknown as Record<string, { rule?: string }> | null)?.[f]?.rule ?? null,
              ]),
            );
            break;
          case 'dateReason':
            actual.dateReason = r.fields?.date.reason?.includes(exp.dateReason as string)
              ? exp.dateReason
              : (r.fields?.date.reason ?? null);
            break;
          case 'bodyExcludes':
            actual.bodyExcludes = (exp.bodyExcludes as string[]).filter((s) => !r.mdx || !bodyOf(r.mdx).includes(s));
            break;
          default:
            actual[key] = fm[key] ?? null;
        }
      }
      if (UPDATE) writeFileSync(expPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(UPDATE ? actual : exp);

      const mdxPath = join(dir, 'expected.mdx');
      if (existsSync(mdxPath)) {
        if (UPDATE) writeFileSync(mdxPath, r.mdx ?? '');
        expect(r.mdx).toBe(readFileSync(mdxPath, 'utf8'));
      }
      // whatever the importer writes must compile as MDX
      if (r.mdx) await compile(r.mdx, { remarkPlugins: [remarkFrontmatter] });
      // a failure never leaves MDX behind and always says which file
      if (!r.ok) {
        expect(r.mdx).toBeNull();
        expect(r.error).toContain(path);
      }
    });
  }
});
