/**
 * "An archivist is never stuck": every required field can be given on the command line
 * (--type, --issuer, --number, --title besides --province and --date), values are checked against
 * the archive's lists with the accepted values in the error, and a refusal names the exact option
 * to add: in English in `npm run import`, in Vietnamese in `npm run new`, which never says to
 * commit and push after a failure. Real CLIs in child processes, files in a temporary folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOC_TYPE_NAMES } from '../../src/lib/doc-types.ts';
import { ISSUERS } from '../../src/lib/issuers.ts';
import { checkOptions } from '../../src/lib/import/options.ts';
import { reasonVi } from '../../src/lib/import/reasons-vi.ts';

const NODE = resolve('node_modules/.bin/node');
let tmp: string;
let content: string;

function run(script: 'import' | 'new', args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [`scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const importJson = (args: string[]) => {
  const r = run('import', ['--json', ...args]);
  return { ...r, results: JSON.parse(r.stdout) as Array<Record<string, any>> };
};

// A news item that names no type, no number, no issuer and no date: only options can import it.
const BARE =
  'Toàn văn được đăng trên cổng thông tin của tỉnh. Người dân thực hiện nghiêm việc đeo khẩu trang nơi công cộng.\n';
// A report whose province and date are known, but not its type or issuing body.
const NO_TYPE =
  'Lai Châu, ngày 4 tháng 8 năm 2021\nTạm dừng hoạt động vận tải hành khách từ tỉnh đi các tỉnh, thành phố đang ' +
  'có dịch COVID-19 kể từ 0 giờ ngày 5/8/2021.\n';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'import-options-'));
  content = join(tmp, 'content');
  mkdirSync(join(content, 'directives'), { recursive: true });
  mkdirSync(join(content, 'raw'));
  writeFileSync(join(tmp, 'bare.txt'), BARE);
  writeFileSync(join(tmp, 'no-type.txt'), NO_TYPE);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('import options', { timeout: 60_000 }, () => {
  it('a refusal lists each missing field with the option that supplies it', () => {
    const r = importJson(['--dry-run', join(tmp, 'bare.txt')]);
    expect(r.code).toBe(1);
    const res = r.results[0]!;
    expect(res.ok).toBe(false);
    expect(res.missing.map((m: { option: string }) => m.option).sort()).toEqual([
      '--date',
      '--issuer',
      '--province',
      '--title',
      '--type',
    ]);
    for (const flag of ['--province', '--date', '--type', '--issuer', '--title']) expect(res.error).toContain(flag);
    // the human report says what to add, on one line
    const human = run('import', ['--dry-run', join(tmp, 'bare.txt')]);
    expect(human.stdout).toMatch(/to import it, add: .*--type .*--issuer/);
  });

  it(
    'the refused file imports once the missing fields are given, and the values win with their ' +
      'rule named "option"',
    () => {
      const r = importJson([
        join(tmp, 'bare.txt'),
        '--province',
        'dien bien',
        '--date',
        '2021-08-01',
        '--type',
        'chi thi',
        '--issuer',
        'Chủ tịch UBND tỉnh',
        '--number',
        '12 / CT-UBND',
        '--title',
        'Chỉ thị về đeo khẩu trang nơi công cộng',
      ]);
      expect(r.code).toBe(0);
      const fm = r.results[0]!.frontmatter;
      expect(fm).toMatchObject({
        province: 'Điện Biên',
        date: '2021-08-01',
        docType: 'Chỉ thị',
        issuer: 'Chủ tịch UBND tỉnh',
        number: '12/CT-UBND',
        title: 'Chỉ thị về đeo khẩu trang nơi công cộng',
      });
      expect(fm.confidence).toMatchObject({ province: 1, date: 1, docType: 1, issuer: 1, number: 1, title: 1 });
      expect(r.results[0]!.output).toBe('content/directives/dien-bien/2021-08-01-chi-thi-12-ct-ubnd.mdx');
      expect(readdirSync(join(content, 'directives', 'dien-bien'))).toEqual(['2021-08-01-chi-thi-12-ct-ubnd.mdx']);
      expect(
        readFileSync(join(content, 'directives', 'dien-bien', '2021-08-01-chi-thi-12-ct-ubnd.mdx'), 'utf8'),
      ).toContain('docType: Chỉ thị');
    },
  );

  it('--type, --issuer and --title alone complete a file whose province and date the text gives', () => {
    const before = importJson(['--dry-run', join(tmp, 'no-type.txt')]).results[0]!;
    expect(before.missing.map((m: { option: string }) => m.option).sort()).toEqual(['--issuer', '--title', '--type']);
    const r = importJson([
      '--dry-run',
      join(tmp, 'no-type.txt'),
      '--type=Công văn',
      '--issuer=UBND tỉnh',
      '--title=Tạm dừng xe khách đi các tỉnh có dịch',
    ]);
    expect(r.results[0]!.ok).toBe(true);
    expect(r.results[0]!.frontmatter).toMatchObject({
      province: 'Lai Châu',
      date: '2021-08-04',
      docType: 'Công văn',
      issuer: 'UBND tỉnh',
    });
  });

  it('a wrong --type or --issuer is refused with the accepted values listed', () => {
    const t = importJson(['--dry-run', join(tmp, 'no-type.txt'), '--type', 'Công văn khẩn']);
    expect(t.code).toBe(1);
    expect(t.results[0]!.error).toContain('--type "Công văn khẩn" is not a document type');
    for (const name of DOC_TYPE_NAMES) expect(t.results[0]!.error).toContain(`"${name}"`);
    const i = importJson(['--dry-run', join(tmp, 'no-type.txt'), '--issuer', 'UBND tỉnh Lai Châu']);
    expect(i.results[0]!.error).toContain('give it without the place');
    for (const name of ISSUERS) expect(i.results[0]!.error).toContain(`"${name}"`);
    const n = importJson(['--dry-run', join(tmp, 'no-type.txt'), '--number', 'không số']);
    expect(n.results[0]!.error).toContain('--number "không số" is not a document number');
  });

  it('--number and --title belong to one document: refused for several files (usage error, exit 2)', () => {
    const r = run('import', ['--dry-run', '--number', '12/CT-UBND', join(tmp, 'bare.txt'), join(tmp, 'no-type.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--number belong to one document');
    expect(r.stdout).toBe('');
  });

  it('option values are read the way archivists type them, and checked against the one lists', () => {
    expect(
      checkOptions({
        docType: 'thong bao ket luan',
        issuer: 'ban thuong vu tinh uy',
        province: 'thanh pho ho chi minh',
      }),
    ).toEqual({
      ok: true,
      value: { docType: 'Thông báo kết luận', issuer: 'Ban Thường vụ Tỉnh ủy', province: 'Thành phố Hồ Chí Minh' },
    });
    expect(checkOptions({ issuer: 'Ủy ban nhân dân tỉnh' })).toEqual({ ok: true, value: { issuer: 'UBND tỉnh' } });
    expect(checkOptions({ date: '2021-13-01' }).ok).toBe(false);
    expect(checkOptions({ title: ' ' }).ok).toBe(false);
  });
});

describe('npm run new refusals', { timeout: 60_000 }, () => {
  it('says in Vietnamese which option to add, and never to commit and push after a failure', () => {
    const r = run('new', [join(tmp, 'bare.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✘ Không nhập được.');
    expect(r.stdout).toContain('Loại văn bản: thêm --type');
    expect(r.stdout).toContain('Cơ quan ban hành: thêm --issuer');
    expect(r.stdout).toContain('Tỉnh, thành phố: thêm --province');
    expect(r.stdout).toContain(`Ví dụ: npm run new -- ${join(tmp, 'bare.txt')} --province`);
    // no English importer message and no publishing steps
    expect(r.stdout).not.toMatch(/not found|add it with/);
    expect(r.stdout).not.toMatch(/git push|git commit/);
    expect(r.stdout).toContain('chưa commit');
  });

  it('a wrong option value is refused in Vietnamese with the accepted values, before anything is imported', () => {
    const r = run('new', [join(tmp, 'no-type.txt'), '--type', 'Công văn khẩn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--type "Công văn khẩn" không phải loại văn bản của kho');
    expect(r.stderr).toContain('Thông báo kết luận');
    expect(readdirSync(join(content, 'directives'))).toEqual([]);
  });

  it('what to check is said in Vietnamese too: where an inferred year came from', () => {
    writeFileSync(
      join(tmp, 'yearless.txt'),
      'Tiền Giang giãn cách xã hội toàn tỉnh\n\nHôm nay (18/7), Chủ tịch UBND tỉnh Tiền Giang ký Chỉ thị về việc ' +
        'thực hiện giãn cách xã hội trên toàn tỉnh. Thời gian thực hiện từ 0h ngày 19/7/2021.\n',
    );
    const r = run('new', ['--dry-run', join(tmp, 'yearless.txt')]);
    expect(r.stdout).toContain(
      'Ngày ban hành (date): văn bản ghi "18/7" mà không có năm; năm 2021 lấy từ thời điểm áp dụng 1 ngày ' +
        'sau ("19/7/2021")',
    );
    expect(r.stdout).not.toContain('without a year');
  });

  it('review reasons have Vietnamese forms; one without is marked as English', () => {
    expect(reasonVi('the header gives Bình Dương but the metadata-table gives Bình Phước')).toBe(
      'hai nguồn ghi khác nhau: (header) ghi Bình Dương, (metadata-table) ghi Bình Phước',
    );
    expect(reasonVi('from the portal address ninhthuan.gov.vn')).toBe('lấy từ địa chỉ cổng thông tin ninhthuan.gov.vn');
    expect(reasonVi('something new')).toBe('something new (tiếng Anh)');
  });

  it('a national document says so, in Vietnamese', () => {
    writeFileSync(
      join(tmp, 'national.txt'),
      'THỦ TƯỚNG CHÍNH PHỦ\nSố: 19/CT-TTg\nHà Nội, ngày 24 tháng 4 năm 2020\nCHỈ THỊ\n' +
        'Về việc tiếp tục thực hiện các biện pháp phòng, chống dịch COVID-19\n' +
        'Các bộ, ngành, địa phương tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch.\n',
    );
    const r = run('new', [join(tmp, 'national.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('văn bản của trung ương, không phải của tỉnh');
  });
});
