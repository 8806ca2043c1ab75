/**
 * The build refuses unchecked content. A directive that would write a file if its MDX ran is put
 * in a content folder: `npm run build` stops at the content check, exit 1, before Astro starts;
 * and `astro build` alone (the directives loader, the second line of defence) refuses it too.
 * Either way nothing of it runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directive, RAW_TEXT } from '../unit/check-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'build-gate-'));
const marker = join(work, 'pwned');
const content = join(work, 'content');
const outDir = resolve(root, '.tmp/build-gate-dist');

mkdirSync(join(content, 'directives/bac-ninh'), { recursive: true });
mkdirSync(join(content, 'raw/bac-ninh'), { recursive: true });
writeFileSync(join(content, 'raw/bac-ninh/123-cv-tu.txt'), RAW_TEXT);
writeFileSync(
  join(content, 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx'),
  directive({
    body:
      `import fs from "node:fs"\n\nexport const x = fs.writeFileSync(${JSON.stringify(marker)}, ` +
      `"ran")\n\nVăn bản.\n`,
  }),
);

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: content,
      OUT_DIR: outDir,
      CACHE_DIR: `${outDir}-cache`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}-cache`, { recursive: true, force: true });
});

describe('build gate', () => {
  it('npm run build stops at the check and runs none of the directive', { timeout: 120_000 }, () => {
    const r = run('npm', ['run', 'build']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[content.esm]');
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });

  it('astro build alone, without the check, also refuses it and runs none of it', { timeout: 300_000 }, () => {
    const r = run(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('mdxjsEsm');
    expect(existsSync(marker)).toBe(false);
  });
});
