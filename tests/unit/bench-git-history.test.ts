/**
 * Directive pages show each file's git history. It is read with one `git log` for the whole
 * folder (a process per page cost ~14 ms each, minutes at 10,000 directives); this guards that
 * the batched reading gives what `git log --follow` gives per file, renames included.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitHistory, parseGitLog } from '../../src/lib/site/provenance.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' },
  });
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

    const prev = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = join(repo, 'content');
    try {
      for (const f of ['content/directives/ha-noi/a.mdx', 'content/directives/ha-noi/b2.mdx']) {
        const expected = parseGitLog(git(repo, 'log', '--follow', '--format=%H%x09%aI%x09%s', '--', f));
        expect(gitHistory(f, repo), f).toEqual(expected);
      }
      expect(gitHistory('content/directives/ha-noi/a.mdx', repo).map((h) => h.message)).toEqual(['Sửa số hiệu\tcó tab', 'Nhập hai văn bản']);
      expect(gitHistory('content/directives/ha-noi/b2.mdx', repo)).toHaveLength(2);
      expect(gitHistory('content/directives/ha-noi/never-committed.mdx', repo)).toEqual([]);
    } finally {
      if (prev === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = prev;
    }
  });

  it('gives an empty history outside a git repository instead of failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nogit-'));
    expect(gitHistory('content/directives/x/a.mdx', dir)).toEqual([]);
  });
});
