/**
 * Regression, built for real with `npm run build`: "A BOM at the start of an MDX file passes the
 * check and fails the build" and "NFD frontmatter gets '"Công văn" is not in the document types …
 * Probably "Công văn"'". One directive saved with a BOM (Windows Notepad), one with decomposed
 * (NFD) text (macOS): the check warns about each and names the cause, the build succeeds, and
 * both pages show their text in NFC, as from a clean file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/bench/build.ts';
import { directive, RAW_TEXT, sha256 } from '../unit/check-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bom-nfd-'));
const content = join(work, 'content');
const outDir = resolve(root, '.tmp/bom-nfd-dist');
const page = (id: string) => readFileSync(join(outDir, 'van-ban', id, 'index.html'), 'utf8');

mkdirSync(join(content, 'directives/bac-ninh'), { recursive: true });
mkdirSync(join(content, 'raw/bac-ninh'), { recursive: true });
writeFileSync(join(content, 'raw/bac-ninh/123-cv-tu.txt'), RAW_TEXT);
writeFileSync(join(content, 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx'), `\uFEFF${directive()}`);
const raw124 = RAW_TEXT.replace('123-CV/TU', '124-CV/TU');
const nfd = directive({
  number: '124-CV/TU',
  date: '2021-05-13',
  raw: 'content/raw/bac-ninh/124-cv-tu.txt',
  rawHash: sha256(raw124),
});
writeFileSync(join(content, 'raw/bac-ninh/124-cv-tu.txt'), raw124);
writeFileSync(join(content, 'directives/bac-ninh/2021-05-13-cong-van-124-cv-tu.mdx'), nfd.normalize('NFD'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}-cache`, { recursive: true, force: true });
});

describe('a BOM or NFD text in a directive file', () => {
  it('is named by the check as a warning, and builds pages in NFC like a clean file', { timeout: 300_000 }, () => {
    const r = runBuild({ contentDir: content, outDir });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('[load.bom]');
    expect(r.stdout).toContain('[load.not_nfc]');
    expect(r.stdout).not.toContain('is not in the document types');
    const bom = page('bac-ninh/2021-05-12-cong-van-123-cv-tu');
    const decomposed = page('bac-ninh/2021-05-13-cong-van-124-cv-tu');
    for (const html of [bom, decomposed]) {
      expect(html).toContain('Tăng cường phòng, chống dịch COVID-19');
      expect(html).toContain('Bắc Ninh');
      expect(html).not.toContain('\uFEFF');
      expect(html.normalize('NFC')).toBe(html);
    }
    expect(r.stdout).toContain('2 content entries = 2 directive pages = 2 pages in the search index');
  });
});
