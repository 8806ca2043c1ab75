/**
 * `npm run check` as CI and archivists run it: exit 0 on a sound folder, exit 1 with the file,
 * line, both languages and the fix on a bad one; CONTENT_DIR honoured; a folder it cannot read
 * fails closed.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directive, validFolder } from './check-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const node = resolve(root, 'node_modules/.bin/node');

function check(contentDir: string, ...args: string[]) {
  const r = spawnSync(node, ['scripts/check.ts', ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run check', () => {
  it('exits 0 with a summary line on a sound folder', () => {
    const r = check(validFolder());
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe(
      '✔ Kiểm tra 1 văn bản, 1 tệp gốc: 0 lỗi, 0 cảnh báo. / Checked 1 directives, 1 raw files: 0 errors, 0 warnings.',
    );
  });

  it('exits 1 and explains the problem with file, line, both languages and the fix', () => {
    const dir = validFolder({
      'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx': directive({ body: 'Văn bản.\n\n{process.exit(0)}\n' }),
    });
    const r = check(dir);
    expect(r.code).toBe(1);
    const line = directive().split('\n').indexOf('---', 1) + 5;
    expect(r.out).toContain(
      `directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx:${line}  LỖI / ERROR  [content.expression]`,
    );
    expect(r.out).toContain('Văn bản có biểu thức trong dấu { }');
    expect(r.out).toContain('The body has a {…} expression');
    expect(r.out).toContain('→ Cách sửa:');
    expect(r.out).toContain('1 lỗi');
  });

  it('prints JSON for tools', () => {
    const r = check(validFolder({ 'raw/bac-ninh/extra.txt': 'x' }), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { errors: number; problems: { code: string }[] };
    expect(report.errors).toBe(1);
    expect(report.problems[0]!.code).toBe('integrity.raw_orphan');
  });

  it('fails closed on a folder that is not there', () => {
    const r = check('/nonexistent/content');
    expect(r.code).toBe(1);
    expect(r.out).toContain('load.missing_dir');
  });
});
