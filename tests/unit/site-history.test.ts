/**
 * A directive's "Lịch sử chỉnh sửa" is built from the file's own diffs, in Vietnamese: a real
 * git repository made for the test, where a directive is imported, then changed twice (a field,
 * then the text), then moved. Commit messages are English developer notes and must never show.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareVersions, describeChange, directiveHistory } from '../../src/lib/site/history.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'a',
      GIT_AUTHOR_EMAIL: 'a@x',
      GIT_COMMITTER_NAME: 'a',
      GIT_COMMITTER_EMAIL: 'a@x',
    },
  });
}

const version = (number: string, signer: string, body: string, reviewed = false) => `---
title: Tăng cường phòng, chống dịch
number: ${number}
docType: Công văn
date: "2021-06-01"
issuer: Ban Thường vụ Tỉnh ủy
province: Điện Biên
signer: ${signer}
reviewed: ${reviewed}
importHash: "${reviewed ? 'b' : 'a'}${'0'.repeat(63)}"
---

${body}
`;

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

describe('history of a directive, from its diffs', () => {
  it('says in Vietnamese what each change did, newest first, for a directive changed twice', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'reader-history-'));
    git(repo, 'init', '-q');
    const dir = join(repo, 'content', 'directives', 'dien-bien');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'a.mdx');
    await writeFile(file, version('240-CV/TU', 'Nguyễn Văn A', '1\\. Các cấp ủy tăng cường kiểm tra.'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'Importer: CLI tests (re-import unchanged)', '--date', '2024-01-02T10:00:00Z');
    await writeFile(file, version('204-CV/TU', 'Nguyễn Văn B', '1\\. Các cấp ủy tăng cường kiểm tra.'));
    git(repo, 'commit', '-qam', 'fix typo', '--date', '2024-02-03T10:00:00Z');
    await writeFile(file, version('204-CV/TU', 'Nguyễn Văn B', '1\\. Các cấp ủy tăng cường kiểm tra, giám sát.', true));
    git(repo, 'commit', '-qam', 'wip', '--date', '2024-03-04T10:00:00Z');
    await rename(file, join(dir, 'b.mdx'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'move', '--date', '2024-04-05T10:00:00Z');

    const history = await withContentDir(join(repo, 'content'), () =>
      directiveHistory('content/directives/dien-bien/b.mdx', repo),
    );
    expect(history.map((h) => h.date)).toEqual(['2024-04-05', '2024-03-04', '2024-02-03', '2024-01-02']);
    const hashes = git(repo, 'log', '--format=%H').trim().split('\n');
    expect(history.map((h) => h.hash)).toEqual(hashes);
    const said = history.map(describeChange);
    expect(said).toEqual([
      'Đổi tên tệp.',
      'Đánh dấu đã kiểm tra; sửa nội dung văn bản.',
      'Sửa Số hiệu (240-CV/TU → 204-CV/TU) và Người ký (Nguyễn Văn A → Nguyễn Văn B).',
      'Nhập vào lưu trữ (bản đầu tiên).',
    ]);
    for (const s of said) expect(s).not.toMatch(/Importer|typo|wip|move/);
    // the file on disk is what the newest version says
    expect(await readFile(join(dir, 'b.mdx'), 'utf8')).toContain('giám sát');
  });

  it('is empty, not an error, outside a repository', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reader-nogit-'));
    expect(directiveHistory(join(dir, 'x.mdx'), dir)).toEqual([]);
  });

  it('ignores the importer bookkeeping hash and reports a pure formatting change as such', () => {
    const a = version('1-CV/TU', 'A', 'Nội dung.');
    const b = a.replace(/importHash: ".*"/, `importHash: "${'c'.repeat(64)}"`).replace('Nội dung.', 'Nội dung.\n\n');
    const c = compareVersions(a, b);
    expect(c.fields).toEqual([]);
    expect(c.textChanged).toBe(false);
    expect(describeChange({ hash: 'h', date: '2024-01-01', renamedFrom: null, ...c })).toMatch(/không đổi/);
  });
});
