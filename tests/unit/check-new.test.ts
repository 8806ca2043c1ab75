/**
 * `npm run new` as an archivist uses it: a raw text in, a directive out, the page address and
 * the check's verdict printed in Vietnamese; without a file it prints the guide.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const node = resolve(root, 'node_modules/.bin/node');

// An invented directive in the official layout (not a real document).
const TEXT = `TỈNH ỦY BẮC NINH
Số 321-CV/TU
V/v tăng cường phòng, chống dịch COVID-19
Bắc Ninh, ngày 12 tháng 5 năm 2021

Kính gửi: Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy

Thường trực Tỉnh ủy yêu cầu các cấp ủy đảng thực hiện nghiêm các biện pháp phòng, chống dịch {COVID-19} <khẩn>:

1. Tăng cường kiểm tra, giám sát việc thực hiện các biện pháp phòng, chống dịch.

2. Xử lý nghiêm các trường hợp vi phạm.

T/M THƯỜNG TRỰC TỈNH ỦY
PHÓ BÍ THƯ
Nguyễn Văn B
`;

function run(args: string[], contentDir: string) {
  return spawnSync(node, ['scripts/new.ts', ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
}

describe('npm run new', () => {
  it('imports a file, says where its page will be and what the check found', () => {
    const content = mkdtempSync(join(tmpdir(), 'new-'));
    mkdirSync(join(content, 'directives'));
    mkdirSync(join(content, 'raw'));
    const input = join(mkdtempSync(join(tmpdir(), 'src-')), 'bac-ninh-321.txt');
    writeFileSync(input, TEXT);
    const r = run([input], content);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const page = /Trang sẽ ở: \/van-ban\/(bac-ninh\/[a-z0-9-]+)\//.exec(r.stdout);
    expect(page, r.stdout).not.toBeNull();
    expect(existsSync(join(content, 'directives', `${page![1]}.mdx`))).toBe(true);
    expect(r.stdout).toContain('✔ Kiểm tra 1 văn bản, 1 tệp gốc: 0 lỗi');
    expect(r.stdout).toContain('git add content/raw content/directives');
  });

  it('prints the step-by-step guide without a file', () => {
    const r = run([], '/nonexistent');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run new -- duong/dan/van-ban.txt');
    expect(r.stdout).toContain('npm run check');
  });
});
