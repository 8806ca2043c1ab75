/**
 * fileHistory() on a real repository made for the test: newest first, follows a rename, and is
 * empty (not an error) outside git or for an untracked file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHistory, lastChanged } from '../../src/lib/git-history.ts';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'git-history-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  const commit = (msg: string, date: string) =>
    execFileSync('git', ['commit', '-q', '-m', msg], {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: 'ignore',
    });
  git('init', '-q');
  git('config', 'user.email', 'a@example.org');
  git('config', 'user.name', 'Lưu trữ viên');
  writeFileSync(join(dir, 'a.mdx'), 'một\n');
  git('add', 'a.mdx');
  commit('Nhập công văn 907-CV/TU', '2024-01-02T10:00:00+07:00');
  writeFileSync(join(dir, 'a.mdx'), 'hai\n');
  git('add', 'a.mdx');
  commit('Sửa ngày ban hành | "quotes" & <tags>', '2024-03-04T09:30:00+07:00');
  git('mv', 'a.mdx', 'b.mdx');
  commit('Đổi tên tệp', '2024-05-06T08:00:00+07:00');
  return dir;
}

describe('fileHistory', () => {
  it('lists commits newest first with date, message and hash, across a rename', () => {
    const dir = repo();
    const h = fileHistory(join(dir, 'b.mdx'));
    expect(h.map((e) => e.message)).toEqual(['Đổi tên tệp', 'Sửa ngày ban hành | "quotes" & <tags>', 'Nhập công văn 907-CV/TU']);
    expect(h[1]!.date).toBe('2024-03-04T09:30:00+07:00');
    expect(h[0]!.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(lastChanged(join(dir, 'b.mdx'))).toBe('2024-05-06');
  });

  it('is empty for an untracked file and outside any repository', () => {
    const dir = repo();
    writeFileSync(join(dir, 'new.mdx'), 'x');
    expect(fileHistory(join(dir, 'new.mdx'))).toEqual([]);
    const bare = mkdtempSync(join(tmpdir(), 'no-git-'));
    writeFileSync(join(bare, 'x.mdx'), 'x');
    expect(fileHistory(join(bare, 'x.mdx'))).toEqual([]);
    expect(lastChanged(join(bare, 'x.mdx'))).toBeNull();
  });
});
