/**
 * The import command as an archivist uses it: real files in a temporary content folder
 * (CONTENT_DIR), the real CLI in a child process. Guards "nothing lost": raw bytes kept,
 * re-import changes nothing, hand-edited or reviewed files are never overwritten without
 * --force, duplicates are not imported twice, bad input gets a message and no output.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NODE = resolve('node_modules/.bin/node');
let tmp: string;
let content: string;

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(NODE, ['scripts/import.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const json = (args: string[]) => {
  const r = cli('--json', ...args);
  return { ...r, results: JSON.parse(r.stdout) as Array<Record<string, any>> };
};
const listAll = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

const OFFICIAL = `TỈNH ỦY BẮC NINH
Số 210-CV/TU
Bắc Ninh, ngày 5 tháng 5 năm 2021
V/v khoanh vùng, dập dịch tại các khu công nghiệp

Thường trực Tỉnh ủy yêu cầu các cấp ủy khẩn trương khoanh vùng, dập dịch.

T/M THƯỜNG TRỰC TỈNH ỦY
BÍ THƯ
Đào Hồng Lan
`;
const REPORT =
  'Ngày 5/5/2021, Thường trực Tỉnh ủy Bắc Ninh ban hành Công văn số 210-CV/TU về việc khoanh vùng, ' +
  'dập dịch tại các khu công nghiệp.\n';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'import-cli-'));
  content = join(tmp, 'content');
  mkdirSync(content);
  writeFileSync(join(tmp, 'bac-ninh.txt'), OFFICIAL);
  writeFileSync(join(tmp, 'bao-bac-ninh.txt'), REPORT);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

// each case spawns the CLI (a Node start-up and module load): allow for a busy machine
describe('npm run import', { timeout: 60_000 }, () => {
  it('--json prints exactly one JSON array on stdout; --dry-run writes nothing', () => {
    const r = json(['--dry-run', join(tmp, 'bac-ninh.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().startsWith('[')).toBe(true);
    expect(r.results).toHaveLength(1);
    expect(Object.keys(r.results[0]!)).toEqual(
      expect.arrayContaining(['input', 'ok', 'output', 'frontmatter', 'warnings', 'error']),
    );
    expect(r.results[0]!.frontmatter.number).toBe('210-CV/TU');
    expect(listAll(content)).toEqual([]);
  });

  it('copies the raw file byte for byte and records its path and sha256', () => {
    const r = json([join(tmp, 'bac-ninh.txt')]);
    expect(r.code).toBe(0);
    const out = r.results[0]!.output as string;
    expect(out).toBe('content/directives/bac-ninh/2021-05-05-cong-van-210-cv-tu.mdx');
    expect(readFileSync(join(content, 'raw', 'bac-ninh.txt'), 'utf8')).toBe(OFFICIAL);
    const mdx = readFileSync(join(content, 'directives/bac-ninh/2021-05-05-cong-van-210-cv-tu.mdx'), 'utf8');
    expect(mdx).toContain('raw: content/raw/bac-ninh.txt');
    expect(mdx).toMatch(/sha256: "?[0-9a-f]{64}/);
    // atomic writes leave no temporary files behind
    expect(listAll(content).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('re-importing the same file changes nothing', () => {
    json([join(tmp, 'bac-ninh.txt')]);
    const path = join(content, 'directives/bac-ninh/2021-05-05-cong-van-210-cv-tu.mdx');
    const before = readFileSync(path, 'utf8');
    const mtime = statSync(path).mtimeMs;
    const r = json([join(tmp, 'bac-ninh.txt')]);
    expect(r.code).toBe(0);
    expect(r.results[0]!.status).toBe('unchanged');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(readdirSync(join(content, 'raw'))).toEqual(['bac-ninh.txt']);
  });

  it('never overwrites a file an archivist edited, unless --force', () => {
    json([join(tmp, 'bac-ninh.txt')]);
    const path = join(content, 'directives/bac-ninh/2021-05-05-cong-van-210-cv-tu.mdx');
    const edited = readFileSync(path, 'utf8').replace('signer: Đào Hồng Lan', 'signer: Đào Hồng Lan (đã sửa)');
    writeFileSync(path, edited);
    const r = json([join(tmp, 'bac-ninh.txt')]);
    expect(r.results[0]!.status).toBe('skipped');
    expect(JSON.stringify(r.results[0]!.warnings)).toMatch(/edited by hand.*--force/);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    const forced = json(['--force', join(tmp, 'bac-ninh.txt')]);
    expect(forced.results[0]!.status).toBe('updated');
    expect(readFileSync(path, 'utf8')).not.toContain('(đã sửa)');
  });

  it('never overwrites a file marked reviewed: true, even if the importer would change it', () => {
    json([join(tmp, 'bac-ninh.txt')]);
    const path = join(content, 'directives/bac-ninh/2021-05-05-cong-van-210-cv-tu.mdx');
    const reviewed = readFileSync(path, 'utf8').replace('reviewed: false', 'reviewed: true');
    writeFileSync(path, reviewed);
    const r = cli(join(tmp, 'bac-ninh.txt'));
    expect(r.stdout).toMatch(/SKIPPED[\s\S]*reviewed: true/);
    expect(readFileSync(path, 'utf8')).toBe(reviewed);
  });

  it('reports the official text and a news report of it as one directive (duplicate), not two', () => {
    const r = json([join(tmp, 'bac-ninh.txt'), join(tmp, 'bao-bac-ninh.txt')]);
    expect(r.code).toBe(1);
    expect(r.results[1]!.status).toBe('duplicate');
    expect(r.results[1]!.error).toMatch(/bao-bac-ninh\.txt: same directive as content\/directives\/bac-ninh\//);
    expect(listAll(join(content, 'directives')).filter((f) => f.endsWith('.mdx'))).toHaveLength(1);
  });

  it('keeps both raw files when two different files share a name', () => {
    json([join(tmp, 'bac-ninh.txt')]);
    mkdirSync(join(tmp, 'other'));
    writeFileSync(join(tmp, 'other', 'bac-ninh.txt'), OFFICIAL.replace('210-CV/TU', '211-CV/TU'));
    const r = json([join(tmp, 'other', 'bac-ninh.txt')]);
    expect(r.code).toBe(0);
    const raws = readdirSync(join(content, 'raw')).sort();
    expect(raws).toHaveLength(2);
    expect(raws[0]).toMatch(/^bac-ninh-[0-9a-f]{8}\.txt$/);
    expect(r.results[0]!.frontmatter.source.raw).toBe(`content/raw/${raws[0]}`);
  });

  it('a file name with spaces keeps its bytes under a name without spaces', () => {
    writeFileSync(join(tmp, 'Công văn Bắc Ninh.txt'), OFFICIAL);
    const r = json([join(tmp, 'Công văn Bắc Ninh.txt')]);
    expect(r.code).toBe(0);
    expect(r.results[0]!.frontmatter.source.raw).toBe('content/raw/Công_văn_Bắc_Ninh.txt');
    expect(readFileSync(join(content, 'raw', 'Công_văn_Bắc_Ninh.txt'), 'utf8')).toBe(OFFICIAL);
  });

  it('refuses binary and missing files with a message naming them, writes nothing, no stack trace', () => {
    writeFileSync(join(tmp, 'scan.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2, 3, 0, 0xff]));
    const r = cli(join(tmp, 'scan.pdf'), join(tmp, 'nope.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/scan\.pdf: this is not a text file/);
    expect(r.stdout).toMatch(/nope\.txt: no such file or folder/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(listAll(content)).toEqual([]);
  });

  it('usage errors exit 2 with the usage text', () => {
    for (const args of [[], ['--bogus', 'x.txt'], ['--province']]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run import/);
      expect(r.stdout).toBe('');
    }
  });

  it('--province supplies the province a text does not name; a wrong one is refused', () => {
    writeFileSync(
      join(tmp, 'no-place.txt'),
      'UBND tỉnh ban hành Công văn số 901/UBND-VX ngày 2/9/2021 về việc tiêm vắc xin.\n',
    );
    expect(json([join(tmp, 'no-place.txt')]).results[0]!.error).toMatch(/--province/);
    const ok = json(['--province', 'Vĩnh Long', join(tmp, 'no-place.txt')]);
    expect(ok.code).toBe(0);
    expect(ok.results[0]!.output).toBe('content/directives/vinh-long/2021-09-02-cong-van-901-ubnd-vx.mdx');
    const bad = json(['--province', 'Atlantis', join(tmp, 'no-place.txt')]);
    expect(bad.code).toBe(1);
    expect(bad.results[0]!.error).toMatch(/not one of the 63 provinces/);
  });

  it('--date supplies the issue date a text does not give', () => {
    writeFileSync(
      join(tmp, 'no-date.txt'),
      'UBND tỉnh Cao Bằng đã ban hành Công văn số 902/UBND-VX về việc tiêm vắc xin.\n',
    );
    expect(json([join(tmp, 'no-date.txt')]).results[0]!.error).toMatch(/date not found.*--date/);
    const ok = json(['--date', '2021-09', join(tmp, 'no-date.txt')]);
    expect(ok.code).toBe(0);
    expect(ok.results[0]!.frontmatter.date).toBe('2021-09');
    expect(ok.results[0]!.output).toBe('content/directives/cao-bang/2021-09-cong-van-902-ubnd-vx.mdx');
  });

  it('a human report ends with totals and next steps', () => {
    const r = cli(join(tmp, 'bac-ninh.txt'));
    expect(r.stdout).toMatch(/1 file\(s\): 1 imported/);
    expect(r.stdout).toMatch(/npm run check/);
    expect(r.stdout).toMatch(/pull request/);
  });
});
