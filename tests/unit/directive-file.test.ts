/**
 * THE reader of directive files (src/lib/directive-file.ts): the check, the content loader, the
 * body renderer, the search corpus and the importer's lookup all read a file through it, so a
 * file one of them accepts is a file all of them read the same way. Regression tests for the
 * two cases where they used to disagree (a BOM; NFD frontmatter) are named after them.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDirectiveFile } from '../../src/lib/checks/file-check.ts';
import { runChecks } from '../../src/lib/checks/run.ts';
import {
  DirectiveFileError,
  readDirective,
  readDirectiveFile,
  splitFrontmatter,
} from '../../src/lib/directive-file.ts';
import { loadDirectiveContent } from '../../src/lib/directive-content.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { directive, RAW_TEXT } from './check-fixture.ts';

const F = 'x.mdx';
beforeAll(async () => {
  // the renderer's HTML cache, away from the project's
  process.env.CACHE_DIR = await mkdtemp(join(tmpdir(), 'directive-file-cache-'));
});
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function folderWith(name: string, text: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'directive-file-'));
  await mkdir(join(root, 'directives', 'bac-ninh'), { recursive: true });
  await mkdir(join(root, 'raw', 'bac-ninh'), { recursive: true });
  await writeFile(join(root, 'directives', 'bac-ninh', name), text);
  await writeFile(join(root, 'raw', 'bac-ninh', '123-cv-tu.txt'), RAW_TEXT);
  return root;
}

describe('a BOM at the start of an MDX file passes the check and fails the build (regression)', () => {
  const withBom = `\uFEFF${directive()}`;

  it('the check accepts it with a warning that names the BOM, not an error', () => {
    const r = checkDirectiveFile(F, withBom);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['load.bom', 'warning']]);
    expect(r.data?.docType).toBe('Công văn');
  });

  it('the build reads the same data, renders the same body, and indexes it for search', async () => {
    const root = await folderWith('2021-05-12-cong-van-123-cv-tu.mdx', withBom);
    const dir = join(root, 'directives');
    const read = await readDirectiveFile(dir, 'bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx');
    const plain = readDirective(F, directive());
    expect(read.data).toEqual(plain.data);
    expect(read.id).toBe('bac-ninh/2021-05-12-cong-van-123-cv-tu');
    const content = await loadDirectiveContent(read.filePath);
    expect(content.html).toContain('Các cấp ủy đảng tăng cường kiểm tra');
    expect(content.html).not.toContain('\uFEFF');
    const [record] = await readSearchRecords(dir, (id) => `/van-ban/${id}/`);
    expect(record?.url).toBe('/van-ban/bac-ninh/2021-05-12-cong-van-123-cv-tu/');
    const report = await runChecks(root);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('NFD frontmatter gets "Công văn" is not in the document types … Probably "Công văn" (regression)', () => {
  const nfd = directive().normalize('NFD');

  it('is read as NFC: the values match the lists, and the check names NFD as the cause in a warning', () => {
    expect(nfd).not.toBe(directive());
    const r = checkDirectiveFile(F, nfd);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['load.not_nfc', 'warning']]);
    expect(r.problems[0]!.messageEn).toContain('NFD');
    expect(r.data?.docType).toBe('Công văn');
    expect(r.data?.province).toBe('Bắc Ninh');
  });

  it('the build reads the same NFC values and body as from an NFC file', async () => {
    const read = readDirective(F, nfd);
    const plain = readDirective(F, directive());
    expect(read.data).toEqual(plain.data);
    expect(read.body).toBe(plain.body);
    const root = await folderWith('2021-05-12-cong-van-123-cv-tu.mdx', nfd);
    const [record] = await readSearchRecords(join(root, 'directives'), (id) => `/van-ban/${id}/`);
    expect(record?.content).toContain('Các cấp ủy đảng');
  });
});

describe('splitting and parsing the frontmatter', () => {
  it('keeps the file line numbers in the body (frontmatter blanked with spaces or reduced to line breaks)', () => {
    const text = directive();
    const split = splitFrontmatter(text);
    if (!split.ok) throw new Error('not split');
    expect(split.body.length).toBe(text.length);
    expect(split.body.split('\n').length).toBe(text.split('\n').length);
    expect(split.bodyWithLines.split('\n').length).toBe(text.split('\n').length);
    expect(split.body.split('\n')[lineOf(text, 'Các cấp ủy') - 1]).toContain('Các cấp ủy');
    expect(split.after.startsWith('\n1\\. Các cấp ủy')).toBe(true);
  });

  it('reads CRLF files and leading blank lines like LF files', () => {
    const crlf = splitFrontmatter(`\n\n${directive().replace(/\n/g, '\r\n')}`);
    const lf = splitFrontmatter(directive());
    expect(crlf.ok && lf.ok && crlf.data).toEqual(lf.ok && lf.data);
  });

  it('names the line of a YAML error, and tells TOML and missing frontmatter apart', () => {
    const text = directive().replace('signer: Nguyễn Văn A', 'signer: [Nguyễn Văn A');
    const bad = splitFrontmatter(text);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.reason).toBe('yaml');
    expect(bad.line).toBeGreaterThanOrEqual(lineOf(text, 'signer:'));
    expect(splitFrontmatter('+++\ntitle = "x"\n+++\n').ok).toBe(false);
    expect((splitFrontmatter('+++\ntitle = "x"\n+++\n') as { reason: string }).reason).toBe('toml');
    expect((splitFrontmatter('Chỉ có nội dung.\n') as { reason: string }).reason).toBe('missing');
    expect((splitFrontmatter('---\ntitle: x\nkhông đóng\n') as { reason: string }).reason).toBe('missing');
    expect((splitFrontmatter('---\n- a\n---\n') as { reason: string }).reason).toBe('not-object');
  });

  it('refuses duplicate keys (two "date:" lines) with the line of the second', () => {
    const text = directive().replace('signer: Nguyễn Văn A', 'signer: Nguyễn Văn A\ndate: "2021-06-01"');
    const r = splitFrontmatter(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(lineOf(text, 'date: "2021-06-01"'));
  });

  it('reads an unquoted date as a date, so the check can ask for quotes; a quoted one stays a string', () => {
    const r = splitFrontmatter(directive().replace('date: "2021-05-12"', 'date: 2021-05-12'));
    expect(r.ok && r.data.date instanceof Date).toBe(true);
    const q = splitFrontmatter(directive());
    expect(q.ok && q.data.date).toBe('2021-05-12');
  });

  it("points a key path at the key's line (nested and in lists)", () => {
    const text = directive({ references: '\n  - number: "35/CT-TTg"\n    docType: Chỉ thị\n    date: "31-12-2021"' });
    const split = splitFrontmatter(text);
    if (!split.ok) throw new Error('not split');
    expect(split.lineOf(['source', 'sha256'])).toBe(lineOf(text, 'sha256:'));
    expect(split.lineOf(['references', 0, 'date'])).toBe(lineOf(text, 'date: "31-12-2021"'));
    expect(split.lineOf(['references', 0])).toBe(lineOf(text, '- number: "35/CT-TTg"'));
    expect(split.lineOf(['nope'])).toBe(1);
  });

  it('readDirective throws a DirectiveFileError naming the file, the line and the field', () => {
    const text = directive({ province: 'Atlantis' });
    try {
      readDirective('content/directives/a.mdx', text);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DirectiveFileError);
      expect((e as Error).message).toContain(
        `content/directives/a.mdx:${lineOf(text, 'province:')}: frontmatter field "province"`,
      );
    }
  });
});

describe('the body to render', () => {
  it("is the split's body with line breaks, found without parsing the YAML; no frontmatter is refused", async () => {
    const { bodyToRender } = await import('../../src/lib/directive-file.ts');
    for (const text of [
      directive(),
      `\uFEFF${directive()}`,
      directive().replace(/\n/g, '\r\n'),
      `\n\n${directive()}`,
    ]) {
      const split = splitFrontmatter(text);
      expect(split.ok && bodyToRender(F, text)).toBe(split.ok && split.bodyWithLines);
    }
    expect(() => bodyToRender(F, 'Chỉ có nội dung.\n')).toThrow(DirectiveFileError);
  });
});
