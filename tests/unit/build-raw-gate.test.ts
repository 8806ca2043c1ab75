/**
 * A build that skips `npm run check` must not publish what content/raw links to. The real
 * `node scripts/build.ts` runs on a temporary content folder with a symbolic link to
 * /etc/passwd, a missing raw file or changed bytes: it stops before Astro starts, exit 1, with
 * the file, the line and the fix, and nothing is written. The copy step itself refuses links too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawGate } from '../../src/lib/checks/raw-gate.ts';
import { copyRawFiles, listRegularRawFiles } from '../../src/integrations/raw-copies.ts';
import { RAW_TEXT, validFolder } from './check-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const NODE = resolve(root, 'node_modules/.bin/node');
const outDir = mkdtempSync(join(tmpdir(), 'raw-gate-out-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function build(content: string) {
  return spawnSync(NODE, ['scripts/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTENT_DIR: content,
      OUT_DIR: join(outDir, 'dist'),
      CACHE_DIR: join(outDir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    timeout: 60_000,
  });
}

const RAW = 'raw/bac-ninh/123-cv-tu.txt';

describe('the build refuses raw files it must not publish, without npm run check', { timeout: 60_000 }, () => {
  it('regression: a symbolic link to /etc/passwd in content/raw stops the build; nothing is copied', () => {
    const content = validFolder();
    symlinkSync('/etc/passwd', join(content, 'raw/bac-ninh/passwd.txt'));
    const r = build(content);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/passwd\.txt\s+LỖI \/ ERROR\s+\[load\.not_a_file\]/);
    expect(r.stderr).toMatch(/The build stopped/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(join(outDir, 'dist'))).toBe(false);
  });

  it('regression: a raw file replaced by a link (the directive still names it) stops the build', () => {
    const content = validFolder();
    unlinkSync(join(content, RAW));
    symlinkSync(resolve(root, '.git'), join(content, RAW));
    const r = build(content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[load.not_a_file]');
    expect(r.stderr).toContain('[integrity.raw_missing]');
  });

  it('regression: a missing raw file stops the build, naming the directive and its line', () => {
    const content = validFolder();
    unlinkSync(join(content, RAW));
    const r = build(content);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2021-05-12-cong-van-123-cv-tu\.mdx:\d+\s+LỖI \/ ERROR\s+\[integrity\.raw_missing\]/);
  });

  it('regression: a raw file whose bytes no longer match its sha256 stops the build', () => {
    const content = validFolder({ [RAW]: `${RAW_TEXT}sửa thêm\n` });
    const r = build(content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[integrity.raw_changed]');
    expect(r.stderr).toContain('git checkout --');
  });

  it("passes a whole archive (orphans are the check's business, not a reason to stop the build)", async () => {
    expect(await rawGate(validFolder())).toEqual([]);
    expect(await rawGate(validFolder({ 'raw/extra.txt': 'x' }))).toEqual([]);
  });

  it('the copy step never follows a link, even to a folder', async () => {
    const content = validFolder();
    symlinkSync('/etc', join(content, 'raw/etc'));
    await expect(listRegularRawFiles(content)).rejects.toThrow(/content\/raw\/etc is not a regular file/);
    unlinkSync(join(content, 'raw/etc'));
    const files = await listRegularRawFiles(content);
    expect(files).toEqual(['bac-ninh/123-cv-tu.txt']);
    const out = mkdtempSync(join(tmpdir(), 'raw-copy-'));
    process.env.CONTENT_DIR = content;
    try {
      expect(await copyRawFiles(out, files)).toBe(1);
    } finally {
      delete process.env.CONTENT_DIR;
    }
    expect(readdirSync(join(out, 'raw/bac-ninh'))).toEqual(['123-cv-tu.txt']);
  });
});
