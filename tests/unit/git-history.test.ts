/**
 * A directive page's "Lịch sử chỉnh sửa" comes from gitHistory(), which reads the whole folder
 * with one `git log` (a process per page cost ~14 ms each, minutes at 10,000 directives). These
 * tests run it on real repositories made for the test: it must give what `git log --follow`
 * gives per file (newest first, renames followed, odd subjects intact), and be empty, never an
 * error, for an untracked file or outside any repository.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitHistory, parseGitLog } from '../../src/lib/site/provenance.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Lưu trữ viên',
      GIT_AUTHOR_EMAIL: 't@x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@x',
    },
  });
}

async function withContentDir<T>(dir: string, fn: () => T): Promise<T> {
  const prev = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = dir;
  try {
    return fn();
  } finally {
    if (prev === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = prev;
  }
}

describe('git history of directive files, read in one batch', () => {
  it('matches git log --follow for every file, across edits, renames and untouched files', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'history-'));
    git(repo, 'init', '-q');
    const dir = join(repo, 'content', 'directives', 'ha-noi');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.mdx'), 'một\n');
    await writeFile(join(dir, 'b.mdx'), 'hai\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'Nhập hai văn bản', '--date', '2024-01-02T10:00:00Z');
    await writeFile(join(dir, 'a.mdx'), 'một, đã sửa\n');
    git(repo, 'commit', '-qam', 'Sửa số hiệu\tcó tab', '--date', '2024-02-03T10:00:00Z');
    await rename(join(dir, 'b.mdx'), join(dir, 'b2.mdx'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Đổi tên', '--date', '2024-03-04T10:00:00Z');
    await writeFile(join(repo, 'README'), 'x\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Ngoài thư mục', '--date', '2024-04-05T10:00:00Z');

    await withContentDir(join(repo, 'content'), () => {
      for (const f of ['content/directives/ha-noi/a.mdx', 'content/directives/ha-noi/b2.mdx']) {
        const expected = parseGitLog(git(repo, 'log', '--follow', '--format=%H%x09%aI%x09%s', '--', f));
        expect(gitHistory(f, repo), f).toEqual(expected);
      }
      expect(gitHistory('content/directives/ha-noi/a.mdx', repo).map((h) => h.message)).toEqual([
        'Sửa số hiệu\tcó tab',
        'Nhập hai văn bản',
      ]);
      expect(gitHistory('content/directives/ha-noi/b2.mdx', repo).map((h) => h.date)).toEqual([
        '2024-03-04',
        '2024-01-02',
      ]);
      // an absolute path (entry.filePath may be one) names the same file
      expect(gitHistory(join(dir, 'b2.mdx'), repo)).toEqual(gitHistory('content/directives/ha-noi/b2.mdx', repo));
      expect(gitHistory('content/directives/ha-noi/never-committed.mdx', repo)).toEqual([]);
    });
  });

  it(
    'follows a file outside the directives folder, at the repository root, with an odd subject and ' +
      'a local-time date',
    async () => {
      const repo = mkdtempSync(join(tmpdir(), 'history-root-'));
      git(repo, 'init', '-q');
      await writeFile(join(repo, 'a.mdx'), 'một\n');
      git(repo, 'add', 'a.mdx');
      git(repo, 'commit', '-qm', 'Nhập công văn 907-CV/TU', '--date', '2024-01-02T10:00:00+07:00');
      await writeFile(join(repo, 'a.mdx'), 'hai\n');
      git(repo, 'commit', '-qam', 'Sửa ngày ban hành | "quotes" & <tags>', '--date', '2024-03-04T01:30:00+07:00');
      git(repo, 'mv', 'a.mdx', 'b.mdx');
      git(repo, 'commit', '-qm', 'Đổi tên tệp', '--date', '2024-05-06T08:00:00+07:00');

      const h = gitHistory('b.mdx', repo);
      expect(h.map((e) => e.message)).toEqual([
        'Đổi tên tệp',
        'Sửa ngày ban hành | "quotes" & <tags>',
        'Nhập công văn 907-CV/TU',
      ]);
      // the author's own calendar date, not the UTC one (01:30 +07:00 is still 3 March in UTC)
      expect(h[1]!.date).toBe('2024-03-04');
      expect(h[0]!.hash).toMatch(/^[0-9a-f]{40}$/);
      expect(h[0]!.hash).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    },
  );

  it('gives an empty history outside a git repository instead of failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nogit-'));
    await writeFile(join(dir, 'x.mdx'), 'x');
    expect(gitHistory('content/directives/x/a.mdx', dir)).toEqual([]);
    expect(gitHistory('x.mdx', dir)).toEqual([]);
  });
});
