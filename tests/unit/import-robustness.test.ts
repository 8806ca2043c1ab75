/**
 * The importer under accident and attack, as an archivist meets it: real files in a temporary
 * content folder, through the real CLI where its output or exit code is the point. Nothing is lost (no
 * raw file overwritten, no directive published twice), nothing is left half-done, and every bad input
 * gets a message naming it while the rest of the batch goes on. Each case is one that went wrong before
 * (issue 16).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { runChecks } from '../../src/lib/checks/run.ts';
import { runImport } from '../../src/lib/import/write.ts';
import { lockArchive, LOCK_FILE } from '../../src/lib/import/lock.ts';
import { MAX_INPUT_BYTES } from '../../src/lib/import/limits.ts';
import { importHashOf } from '../../src/lib/import/emit.ts';

const NODE = resolve('node_modules/.bin/node');
let tmp: string;
let content: string;

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(NODE, ['scripts/import.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
/** The importer in this process (what the CLI runs), for the cases that need no terminal output. */
const json = (...args: string[]) => {
  const force = args.includes('--force');
  const d = args.indexOf('--date');
  const date = d >= 0 ? args[d + 1] : undefined;
  const inputs = args.filter((a, i) => a !== '--force' && a !== '--date' && (d < 0 || i !== d + 1));
  const results = runImport(inputs, { root: tmp, contentDir: content, force, date }) as unknown as Array<
    Record<string, any>
  >;
  return { code: results.every((r) => r.ok) ? 0 : 1, results };
};
const mdxFiles = (): string[] =>
  readdirSync(join(content, 'directives'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();
const rawFiles = (): string[] => readdirSync(join(content, 'raw')).sort();
const checkErrors = async () =>
  (await runChecks(content)).problems.filter((p) => p.severity === 'error').map((p) => p.code);

const OFFICIAL = `TỈNH ỦY LẠNG SƠN
Số 318-CV/TU
Lạng Sơn, ngày 6 tháng 8 năm 2021
V/v siết chặt kiểm soát tại các cửa khẩu

Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền siết chặt kiểm soát người, phương tiện qua các cửa khẩu.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Quốc Đoan
`;
const OUT = 'content/directives/lang-son/2021-08-06-cong-van-318-cv-tu.mdx';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'import-robust-'));
  content = join(tmp, 'content');
  mkdirSync(content);
  writeFileSync(join(tmp, 'van-ban.txt'), OFFICIAL);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('importing again never publishes a directive twice', { timeout: 60_000 }, () => {
  it(
    'regression: re-import after the archivist fixed the date, marked reviewed and renamed the file ' +
      'writes nothing new',
    async () => {
      expect(json(join(tmp, 'van-ban.txt')).code).toBe(0);
      const old = join(content, 'directives/lang-son/2021-08-06-cong-van-318-cv-tu.mdx');
      const fixed = join(content, 'directives/lang-son/2021-08-07-cong-van-318-cv-tu.mdx');
      writeFileSync(
        fixed,
        readFileSync(old, 'utf8')
          .replace('date: "2021-08-06"', 'date: "2021-08-07"')
          .replace('reviewed: false', 'reviewed: true'),
      );
      rmSync(old);
      const r = json(join(tmp, 'van-ban.txt'));
      expect(r.code).toBe(0);
      expect(r.results[0]!.status).toBe('skipped');
      expect(JSON.stringify(r.results[0]!.warnings)).toMatch(
        /2021-08-07-cong-van-318-cv-tu\.mdx was made from the same raw file.*reviewed: true/,
      );
      expect(mdxFiles()).toEqual(['lang-son/2021-08-07-cong-van-318-cv-tu.mdx']);
      expect(await checkErrors()).toEqual([]);
    },
  );

  it('regression: the same, when the archivist corrected the number or the province', () => {
    json(join(tmp, 'van-ban.txt'));
    const old = join(content, 'directives/lang-son/2021-08-06-cong-van-318-cv-tu.mdx');
    mkdirSync(join(content, 'directives/cao-bang'));
    writeFileSync(
      join(content, 'directives/cao-bang/2021-08-06-cong-van-319-cv-tu.mdx'),
      readFileSync(old, 'utf8')
        .replace('number: 318-CV/TU', 'number: 319-CV/TU')
        .replace('province: Lạng Sơn', 'province: Cao Bằng'),
    );
    rmSync(old);
    const r = json(join(tmp, 'van-ban.txt'));
    expect(r.results[0]!.status).toBe('skipped');
    expect(mdxFiles()).toEqual(['cao-bang/2021-08-06-cong-van-319-cv-tu.mdx']);
  });

  it(
    'regression: the same bytes under another name ("văn bản (1).txt") are "unchanged (same as ' +
      'content/raw/…)", no orphan',
    async () => {
      json(join(tmp, 'van-ban.txt'));
      writeFileSync(join(tmp, 'van-ban (1).txt'), OFFICIAL);
      const r = cli(join(tmp, 'van-ban (1).txt'));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('unchanged (same as content/raw/van-ban.txt)');
      expect(rawFiles()).toEqual(['van-ban.txt']);
      expect(mdxFiles()).toHaveLength(1);
      expect(await checkErrors()).toEqual([]);
    },
  );

  it("--force replaces a reviewed directive found by its raw file: one file remains, at the importer's path", () => {
    json(join(tmp, 'van-ban.txt'));
    const old = join(content, 'directives/lang-son/2021-08-06-cong-van-318-cv-tu.mdx');
    writeFileSync(
      join(content, 'directives/lang-son/2021-08-07-cong-van-318-cv-tu.mdx'),
      readFileSync(old, 'utf8')
        .replace('date: "2021-08-06"', 'date: "2021-08-07"')
        .replace('reviewed: false', 'reviewed: true'),
    );
    rmSync(old);
    const r = json('--force', join(tmp, 'van-ban.txt'));
    expect(r.results[0]!.status).toBe('updated');
    expect(mdxFiles()).toEqual(['lang-son/2021-08-06-cong-van-318-cv-tu.mdx']);
  });

  it(
    'a directive the archivist only renamed keeps its name; one the importer now reads differently is ' +
      'moved, not copied',
    () => {
      json(join(tmp, 'van-ban.txt'));
      const renamed = join(content, 'directives/lang-son/2021-08-06-cv-318.mdx');
      renameSync(join(content, OUT.replace('content/', '')), renamed);
      const same = json(join(tmp, 'van-ban.txt'));
      expect(same.results[0]!.status).toBe('unchanged');
      expect(mdxFiles()).toEqual(['lang-son/2021-08-06-cv-318.mdx']);
      // as if an older importer had written it, with other text, under another name
      const text = readFileSync(renamed, 'utf8').replace('siết chặt kiểm soát người', 'siết chặt kiểm soát  người');
      writeFileSync(renamed, text.replace(/importHash: "[0-9a-f]+"/, `importHash: "${importHashOf(text)}"`));
      const r = json(join(tmp, 'van-ban.txt'));
      expect(r.results[0]!.status).toBe('updated');
      expect(mdxFiles()).toEqual(['lang-son/2021-08-06-cong-van-318-cv-tu.mdx']);
    },
  );
});

describe('two imports at once', { timeout: 60_000 }, () => {
  it('regression: two raw files with the same base name never overwrite each other (one batch)', () => {
    mkdirSync(join(tmp, 'a'));
    mkdirSync(join(tmp, 'b'));
    writeFileSync(join(tmp, 'a', 'cong-van.txt'), OFFICIAL);
    writeFileSync(join(tmp, 'b', 'cong-van.txt'), OFFICIAL.replace(/318/g, '320'));
    const r = json(join(tmp, 'a', 'cong-van.txt'), join(tmp, 'b', 'cong-van.txt'));
    expect(r.code).toBe(0);
    const raws = rawFiles();
    expect(raws).toHaveLength(2);
    const bytes = raws.map((f) => readFileSync(join(content, 'raw', f), 'utf8')).sort();
    expect(bytes).toEqual([OFFICIAL, OFFICIAL.replace(/318/g, '320')].sort());
  });

  it("regression: a second import waits for the first one's lock and says so; both succeed, nothing lost", async () => {
    const release = lockArchive(content);
    writeFileSync(join(tmp, 'khac.txt'), OFFICIAL.replace(/318/g, '321'));
    const child = spawn(NODE, ['scripts/import.ts', join(tmp, 'khac.txt')], {
      env: { ...process.env, CONTENT_DIR: content },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const done = new Promise<number>((ok) => child.on('close', (c) => ok(c ?? -1)));
    // while it waits, nothing of it is written
    for (let i = 0; i < 100 && !stderr.includes('waiting for another import'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toContain('waiting for another import');
    expect(existsSync(join(content, 'raw'))).toBe(false);
    const mine = runImport([join(tmp, 'van-ban.txt')], { root: tmp, contentDir: content, lockWaitMs: 0, dryRun: true });
    expect(mine[0]!.ok).toBe(true);
    release();
    expect(await done).toBe(0);
    expect(rawFiles()).toEqual(['khac.txt']);
    expect(existsSync(join(content, LOCK_FILE))).toBe(false);
  });

  it('an import that cannot get the lock in time says who holds it and writes nothing', () => {
    const release = lockArchive(content);
    try {
      expect(() => runImport([join(tmp, 'van-ban.txt')], { root: tmp, contentDir: content, lockWaitMs: 300 })).toThrow(
        /another import \(pid \d+ on .+\) is still running; nothing was imported/,
      );
    } finally {
      release();
    }
    expect(existsSync(join(content, 'directives'))).toBe(false);
  });

  it('regression: the lock of a killed import is taken over, and its temporary files are cleaned up', () => {
    writeFileSync(
      join(content, LOCK_FILE),
      JSON.stringify({ pid: 999_999_999, host: hostname(), started: '2021-01-01T00:00:00Z' }),
    );
    mkdirSync(join(content, 'raw'));
    writeFileSync(join(content, 'raw', '.import-4242-0a1b2c3d4e5f.tmp'), 'half a file');
    writeFileSync(join(content, 'raw', '.van-ban.txt.4242.0a1b2c3d.tmp'), 'half a file');
    const r = cli(join(tmp, 'van-ban.txt'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stopped without finishing/);
    expect(r.stderr).toMatch(/removed .*\.import-4242-0a1b2c3d4e5f\.tmp/);
    expect(readdirSync(join(content, 'raw'))).toEqual(['van-ban.txt']);
    expect(existsSync(join(content, LOCK_FILE))).toBe(false);
  });

  it('regression: temporary files and the lock are ignored by git', () => {
    const ignored = (p: string) => spawnSync('git', ['check-ignore', '-q', p], { cwd: resolve('.') }).status === 0;
    expect(ignored('content/raw/.import-4242-0a1b2c3d4e5f.tmp')).toBe(true);
    expect(ignored('content/directives/ha-noi/.import-1-ab.tmp')).toBe(true);
    expect(ignored('content/.import.lock')).toBe(true);
    expect(ignored('content/raw/van-ban.txt')).toBe(false);
  });
});

describe('bad inputs are reported one by one; the batch goes on', { timeout: 60_000 }, () => {
  it('regression: a dangling link, a link loop or a 237-byte Vietnamese name in a folder never stops the batch', () => {
    const dir = join(tmp, 'dot');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-tot.txt'), OFFICIAL);
    symlinkSync(join(tmp, 'khong-co.txt'), join(dir, 'b-link-hong.txt'));
    symlinkSync(join(dir, 'c-vong.txt'), join(dir, 'c-vong.txt'));
    symlinkSync(dir, join(dir, 'd-thu-muc-vong'));
    let long = 'văn bản chỉ đạo '.repeat(9);
    while (Buffer.byteLength(`${long}.txt`) < 237) long += 'x';
    long += '.txt';
    expect(Buffer.byteLength(long)).toBe(237);
    writeFileSync(join(dir, long), OFFICIAL.replace(/318/g, '322'));
    const r = cli(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/b-link-hong\.txt: a link to a file that does not exist/);
    expect(r.stdout).toMatch(/c-vong\.txt: a link that leads back to itself/);
    expect(r.stdout).toMatch(/d-thu-muc-vong: a link to a folder already read/);
    expect(r.stdout).toMatch(/imported: .*a-tot\.txt/);
    expect(r.stdout).toMatch(/imported: .*văn bản chỉ đạo/);
    expect(r.stdout).not.toMatch(/content\/ is writable/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(mdxFiles()).toHaveLength(2);
    // the long name is kept (shortened to fit the file system with room to spare)
    expect(rawFiles().some((f) => f.startsWith('văn_bản_chỉ_đạo') && Buffer.byteLength(f) <= 200)).toBe(true);
  });

  it('regression: an empty input folder exits non-zero with a clear message', () => {
    mkdirSync(join(tmp, 'trong'));
    const r = cli(join(tmp, 'trong'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/trong: the folder has no files to import/);
  });

  it('regression: a FIFO exits non-zero with a clear message instead of hanging', () => {
    execFileSync('mkfifo', [join(tmp, 'ong.txt')]);
    const r = cli(join(tmp, 'ong.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ong\.txt: not a regular file \(a pipe, socket or device\)/);
  });

  it('a file over 5 MB is refused with the reason, before it is read', () => {
    writeFileSync(join(tmp, 'lon.txt'), Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61));
    const r = cli(join(tmp, 'lon.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`lon\.txt: the file is 5\.0 MB; the importer takes at most 5\.0 MB per file .*Split ` +
          'it into one file per directive',
      ),
    );
  });

  it('regression: raw names with a backslash or a leading dot become names the check and build read back', async () => {
    writeFileSync(join(tmp, '.an.txt'), OFFICIAL);
    writeFileSync(join(tmp, 'a\\b.txt'), OFFICIAL.replace(/318/g, '323'));
    const r = json(join(tmp, '.an.txt'), join(tmp, 'a\\b.txt'));
    expect(r.code).toBe(0);
    expect(rawFiles()).toEqual(['a_b.txt', 'an.txt']);
    expect(await checkErrors()).toEqual([]);
  });

  it('regression: --date 2021-02-30 and "30 tháng 02" are refused as not real days', () => {
    const r = json('--date', '2021-02-30', join(tmp, 'van-ban.txt'));
    expect(r.code).toBe(1);
    expect(r.results[0]!.error).toMatch(/--date "2021-02-30" is not a real date/);
    writeFileSync(join(tmp, 'ngay-sai.txt'), OFFICIAL.replace('ngày 6 tháng 8', 'ngày 30 tháng 02'));
    const bad = json(join(tmp, 'ngay-sai.txt'));
    expect(bad.code).toBe(1);
    expect(bad.results[0]!.error).toMatch(
      /date not found \(the text's date "[^"]*30 tháng 02[^"]*" is not a real day \(2021-02-30\).*--date/,
    );
  });

  it('regression: a 12,000-character V/v line never becomes the title; it is cut and flagged for review', () => {
    const long = `V/v ${'tăng cường các biện pháp phòng, chống dịch '.repeat(280)}`.slice(0, 12_000);
    writeFileSync(join(tmp, 'dai.txt'), OFFICIAL.replace('V/v siết chặt kiểm soát tại các cửa khẩu', long));
    const r = json(join(tmp, 'dai.txt'));
    expect(r.code).toBe(0);
    const fm = r.results[0]!.frontmatter;
    expect(fm.title.length).toBeLessThanOrEqual(300);
    expect(fm.subject.length).toBeLessThanOrEqual(500);
    expect(fm.title.endsWith('…')).toBe(true);
    expect(fm.review.map((x: { field: string }) => x.field)).toEqual(expect.arrayContaining(['title', 'subject']));
  });

  it('regression: the report never prints a control character from a file to the terminal', () => {
    writeFileSync(
      join(tmp, 'esc\u001b]0;owned\u0007.txt'),
      OFFICIAL.replace('Nguyễn Quốc Đoan', 'Nguyễn Quốc Đoan\u001b[2J'),
    );
    const r = cli(join(tmp, 'esc\u001b]0;owned\u0007.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('esc\\x1b]0;owned\\x07.txt');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toMatch(/warning: line \d+: 1 invisible control/);
  });

  it('a long batch reports its progress (on stderr in the CLI)', () => {
    const dir = join(tmp, 'lo');
    mkdirSync(dir);
    for (let i = 0; i < 25; i++)
      writeFileSync(join(dir, `v${String(i).padStart(2, '0')}.txt`), OFFICIAL.replace(/318/g, String(400 + i)));
    const seen: string[] = [];
    const reports = runImport([dir], {
      root: tmp,
      contentDir: content,
      dryRun: true,
      log: (l) => seen.push(l),
      progressEveryMs: 0,
    });
    expect(reports).toHaveLength(25);
    expect(seen.some((l) => /^import: \d+\/25 files read \(\d+%\)/.test(l))).toBe(true);
  });
});
