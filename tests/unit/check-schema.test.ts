/**
 * Schema check: a frontmatter mistake an archivist is likely to make is reported on its line,
 * naming the field in Vietnamese, with a fix; what Astro would read differently (an unquoted
 * date becomes a Date) is caught before the build.
 */
import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../src/lib/checks/schema.ts';
import { FIELD_NAMES_VI } from '../../src/lib/checks/field-names.ts';
import { directiveSchema } from '../../src/lib/directive-schema.ts';
import { directive } from './check-fixture.ts';

const F = 'x.mdx';
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('schema check', () => {
  it('accepts the valid directive', () => {
    const r = checkFrontmatter(F, directive());
    expect(r.problems).toEqual([]);
    expect(r.data?.province).toBe('Bắc Ninh');
  });

  it('names a province outside the list in Vietnamese and suggests the right spelling', () => {
    const text = directive({ province: 'Bac Ninh' });
    const [p, ...rest] = checkFrontmatter(F, text).problems;
    expect(rest).toEqual([]);
    expect(p!.code).toBe('schema.invalid_value');
    expect(p!.line).toBe(lineOf(text, 'province:'));
    expect(p!.messageVi).toContain('«Tỉnh, thành phố» (province)');
    expect(p!.fix.vi).toContain('"Bắc Ninh"');
  });

  it('explains an unquoted date (the reader, as the build, reads it as a Date)', () => {
    const text = directive().replace('date: "2021-05-12"', 'date: 2021-05-12');
    const [p] = checkFrontmatter(F, text).problems;
    expect(p!.code).toBe('schema.unquoted_date');
    expect(p!.line).toBe(lineOf(text, 'date:'));
    expect(p!.fix.vi).toContain('date: "2021-05-12"');
  });

  it('refuses an impossible date format with an example', () => {
    const text = directive({ date: '12/05/2021' });
    const [p] = checkFrontmatter(F, text).problems;
    expect(p!.code).toBe('schema.invalid_format');
    expect(p!.messageVi).toContain('«Ngày ban hành» (date)');
    expect(p!.fix.vi).toContain('2021-11-08');
  });

  it('points into nested fields (a reference, the raw hash)', () => {
    const text = directive({
      rawHash: 'abc',
      references: '\n  - number: "35/CT-TTg"\n    docType: Chỉ thị\n    date: "31-12-2021"',
    });
    const problems = checkFrontmatter(F, text).problems;
    const ref = problems.find((p) => p.messageEn.includes('references[0].date'));
    expect(ref?.line).toBe(lineOf(text, 'date: "31-12-2021"'));
    expect(ref?.messageVi).toContain('«Ngày của văn bản được dẫn chiếu thứ 1»');
    const hash = problems.find((p) => p.messageEn.includes('source.sha256'));
    expect(hash?.line).toBe(lineOf(text, 'sha256:'));
  });

  it('reports a missing required field', () => {
    const text = directive().replace(/^title:.*\n/m, '');
    const [p] = checkFrontmatter(F, text).problems;
    expect(p!.code).toBe('schema.missing');
    expect(p!.messageVi).toContain('«Tiêu đề» (title)');
  });

  it('refuses unknown fields, including slug (which would change the page URL)', () => {
    const text = directive({ extra: 'slug: trang-chu\nlayout: ../../evil.astro\n' });
    const problems = checkFrontmatter(F, text).problems;
    expect(problems.map((p) => p.code)).toEqual(['schema.unknown_field']);
    expect(problems[0]!.messageEn).toContain('slug, layout');
    expect(problems[0]!.line).toBe(lineOf(text, 'slug:'));
  });

  it('refuses a YAML syntax error with its line, TOML frontmatter, and a file without frontmatter', () => {
    const text = directive().replace('signer: Nguyễn Văn A', 'signer: [Nguyễn Văn A');
    const [p] = checkFrontmatter(F, text).problems;
    expect(p!.code).toBe('schema.frontmatter_yaml');
    expect(p!.line).toBeGreaterThanOrEqual(lineOf(text, 'signer:'));
    expect(checkFrontmatter(F, '+++\ntitle = "x"\n+++\nBody').problems[0]!.code).toBe('schema.frontmatter_toml');
    expect(checkFrontmatter(F, 'Chỉ có văn bản.').problems[0]!.code).toBe('schema.frontmatter_missing');
  });

  it('has a Vietnamese name for every field of the schema', () => {
    for (const key of Object.keys(directiveSchema.shape)) expect(FIELD_NAMES_VI[key], key).toBeTruthy();
  });
});
