/**
 * `npm run new -- <tệp gốc>...`: the archivist's one command for adding documents. Imports the
 * files (through `npm run import`), runs every content check, and prints in Vietnamese what to
 * look at, where the page will be, and the git steps to publish. Without a file it prints the
 * step-by-step guide. Options are passed to the importer: --province, --date, --type, --issuer,
 * --number, --title, --dry-run. A refusal says, in Vietnamese, which option to add; after a failure
 * it never tells the archivist to commit and push.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { contentDir } from '../src/lib/content-dir.ts';
import { formatProblem, summaryLine } from '../src/lib/checks/format.ts';
import { astroEntryId } from '../src/lib/entry-id.ts';
import { runChecks } from '../src/lib/checks/run.ts';
import { FIELD_NAMES_VI } from '../src/lib/checks/field-names.ts';
import { checkOptions } from '../src/lib/import/options.ts';
import { reasonVi } from '../src/lib/import/reasons-vi.ts';
import { notProvincialKind } from '../src/lib/import/not-provincial.ts';
import { DOC_TYPE_NAMES } from '../src/lib/doc-types.ts';
import { ISSUERS } from '../src/lib/issuers.ts';

const GUIDE = `Thêm văn bản vào kho lưu trữ — các bước (chi tiết: CONTRIBUTING.md)

  1. Tạo nhánh mới:        git checkout -b them-van-ban-<tinh>
  2. Nhập tệp gốc:         npm run new -- duong/dan/van-ban.txt
                           Nếu văn bản không ghi rõ, thêm (giá trị lấy từ danh sách của kho):
                             --province "Tên tỉnh"   --date 2021-11-08   --type "Công văn"
                             --issuer "UBND tỉnh"    --number 24/CT-UBND --title "Tiêu đề"
  3. Mở tệp .mdx được tạo, kiểm tra các trường được đánh dấu cần kiểm tra, sửa nếu sai,
     rồi đặt reviewed: true.
  4. Kiểm tra:             npm run check
  5. Xem trước:            npm run dev  → mở địa chỉ trang được in ra
  6. Lưu và gửi:           git add content/raw content/directives
                           git commit -m "Thêm <loại> <số hiệu> của <tỉnh>"
                           git push, rồi mở pull request trên GitHub.
`;

interface ImportJson {
  input: string;
  ok: boolean;
  output: string | null;
  status?: string;
  error: string | null;
  warnings: { code: string; message: string }[];
  missing?: { field: string; option: string; example: string; reason: string | null }[];
  notProvincial?: string | null;
  frontmatter?: {
    title?: string;
    confidence?: Record<string, number>;
    review?: { field: string; reason: string }[];
  } | null;
}

const LOW_CONFIDENCE = 0.8;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (!args.some((a) => !a.startsWith('-')) || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(GUIDE);
    return 0;
  }
  // a wrong option value: say so in Vietnamese, with the accepted values, before importing anything
  const optionError = checkOptionArgs(args);
  if (optionError) {
    process.stderr.write(`✘ ${optionError}\n`);
    return 2;
  }
  const imported = spawnSync(process.execPath, [resolve(import.meta.dirname, 'import.ts'), '--json', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let reports: ImportJson[];
  try {
    reports = JSON.parse(imported.stdout) as ImportJson[];
  } catch {
    process.stderr.write(
      `✘ Lệnh nhập không chạy được (mã ${imported.status}). / The import did not run.\n${imported.stdout}\n`,
    );
    return 1;
  }
  const directivesDir = resolve(contentDir(), 'directives');
  const outputs = new Set<string>();
  let failed = false;
  for (const r of reports) {
    process.stdout.write(`\n• ${r.input}\n`);
    if (!r.ok || !r.output) {
      failed = true;
      process.stdout.write(`  ✘ Không nhập được${r.status === 'duplicate' ? ' (đã có văn bản này trong kho)' : ''}.\n`);
      if (r.notProvincial) process.stdout.write(`    ${notProvincialVi(r.notProvincial)}\n`);
      if (r.missing?.length) {
        process.stdout.write('    Không đọc được từ văn bản; hãy thêm tùy chọn:\n');
        for (const m of r.missing)
          process.stdout.write(`      - ${FIELD_NAMES_VI[m.field] ?? m.field}: thêm ${m.example}\n`);
        process.stdout.write(`    Ví dụ: npm run new -- ${r.input} ${r.missing.map((m) => m.example).join(' ')}\n`);
      } else if (r.error) {
        process.stdout.write(`    Chi tiết (tiếng Anh, để báo cho nhóm phát triển nếu cần): ${r.error}\n`);
      }
      continue;
    }
    const abs = resolve(r.output.replace(/^content\//, `${contentDir()}/`));
    outputs.add(abs);
    const id = astroEntryId(relative(directivesDir, abs).split('\\').join('/'));
    process.stdout.write(`  ✔ ${r.status === 'unchanged' ? 'Đã có, không đổi' : 'Đã tạo'}: ${r.output}\n`);
    process.stdout.write(
      `    Trang sẽ ở: /van-ban/${id}/   (xem trước: npm run dev → http://localhost:4321/van-ban/${id}/)\n`,
    );
    const fm = r.frontmatter;
    const toCheck = new Map<string, string>();
    for (const x of fm?.review ?? []) toCheck.set(x.field, reasonVi(x.reason));
    for (const [field, c] of Object.entries(fm?.confidence ?? {})) {
      if (c < LOW_CONFIDENCE && !toCheck.has(field)) toCheck.set(field, `độ tin cậy ${Math.round(c * 100)}%`);
    }
    if (toCheck.size) {
      process.stdout.write('    Cần kiểm tra:\n');
      for (const [field, reason] of toCheck) {
        process.stdout.write(`      - ${FIELD_NAMES_VI[field] ?? field} (${field}): ${reason}\n`);
      }
    } else {
      process.stdout.write('    Không có trường nào bị đánh dấu; vẫn nên đọc lại tiêu đề, số hiệu, ngày và tỉnh.\n');
    }
  }
  if (args.includes('--dry-run')) return failed ? 1 : 0;
  if (failed && !outputs.size) {
    process.stdout.write(
      '\nChưa có tệp nào được nhập. Thêm các tùy chọn ở trên rồi chạy lại npm run new; chưa commit.\n',
    );
    return 1;
  }

  const report = await runChecks(contentDir());
  // Problems of the files just imported, and every problem that is not about one directive
  // (an orphaned raw file, a duplicate elsewhere): those block the pull request too.
  const mine = report.problems.filter((p) => !p.file.includes('/directives/') || outputs.has(resolve(p.file)));
  process.stdout.write('\nKiểm tra nội dung (npm run check):\n');
  for (const p of mine) process.stdout.write(`${formatProblem(p)}\n\n`);
  process.stdout.write(`${summaryLine(report.problems, report.directives, report.rawFiles)}\n`);
  const errors = report.problems.some((p) => p.severity === 'error');
  process.stdout.write(
    failed
      ? '\nCó tệp chưa nhập được (xem ở trên): thêm các tùy chọn được gợi ý rồi chạy lại npm run new ' +
          'trước khi commit.\n'
      : errors
        ? '\nSửa các lỗi trên rồi chạy lại npm run check trước khi gửi pull request.\n'
        : '\nTiếp theo: mở tệp .mdx, kiểm tra các trường ở trên, đặt reviewed: true, rồi\n' +
          '  git add content/raw content/directives && git commit -m "Thêm …" && git push\n' +
          'và mở pull request. Hướng dẫn đầy đủ: CONTRIBUTING.md\n',
  );
  return failed || errors ? 1 : 0;
}

/** The Vietnamese for the importer's "not a provincial directive" notes. */
function notProvincialVi(note: string): string {
  switch (notProvincialKind(note)) {
    case 'national':
      return 'Tệp này có vẻ là văn bản của trung ương, không phải của tỉnh; kho chỉ lưu văn bản do tỉnh ban hành.';
    case 'district':
      return (
        'Tệp này có vẻ là văn bản của huyện hoặc xã, không phải của tỉnh; nếu đúng là tỉnh ban hành, thêm ' +
        '--issuer và --province.'
      );
    case 'department':
      return (
        'Tệp này có vẻ là văn bản của một sở, ngành của tỉnh, không phải của Tỉnh ủy hay UBND tỉnh; nếu đúng ' +
        'là cơ quan đó ban hành, thêm --issuer.'
      );
    case 'digest':
      return (
        'Tệp này có vẻ là bản tin tổng hợp nhiều tin, không phải một văn bản; hãy nhập trang hoặc nội dung ' +
        'của chính văn bản.'
      );
    default:
      return note;
  }
}

const VI_OPTION: Record<string, string> = {
  '--province': 'province',
  '--date': 'date',
  '--type': 'docType',
  '--issuer': 'issuer',
  '--number': 'number',
  '--title': 'title',
};
/** Check --type/--issuer/… values against the archive's lists; a Vietnamese error or null. */
function checkOptionArgs(args: string[]): string | null {
  const given: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const eq = args[i]!.indexOf('=');
    const flag = eq > 0 ? args[i]!.slice(0, eq) : args[i]!;
    const key = VI_OPTION[flag];
    if (!key) continue;
    const v = eq > 0 ? args[i]!.slice(eq + 1) : args[++i];
    if (v === undefined || v.startsWith('--')) return `Tùy chọn ${flag} cần một giá trị.`;
    given[key] = v;
  }
  const r = checkOptions(given);
  if (r.ok) return null;
  const flag = /^(--\w+)/.exec(r.error)?.[1] ?? '';
  const shown = given[VI_OPTION[flag] ?? ''] ?? '';
  if (flag === '--type')
    return `--type "${shown}" không phải loại văn bản của kho. Chọn một trong: ${DOC_TYPE_NAMES.join(', ')}.`;
  if (flag === '--issuer')
    return (
      `--issuer "${shown}" không phải cơ quan ban hành của kho (ghi không kèm tên tỉnh; tỉnh ghi ở ` +
      `--province). Chọn một trong: ${ISSUERS.join(', ')}.`
    );
  if (flag === '--province')
    return (
      `--province "${shown}" không phải một trong 63 tỉnh, thành phố; kiểm tra chính tả (ví dụ "Vĩnh Phúc" ` +
      `hoặc "vinh phuc").`
    );
  if (flag === '--date')
    return `--date "${shown}" không đúng dạng ngày; ghi YYYY-MM-DD hoặc YYYY-MM (ví dụ 2021-07-24).`;
  if (flag === '--number')
    return `--number "${shown}" không phải số hiệu văn bản; ghi như trên văn bản, ví dụ 24/CT-UBND, 469-CV/TU hoặc 03.`;
  return '--title trống; ghi tiêu đề văn bản trong dấu ngoặc kép.';
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`✘ npm run new bị lỗi. / npm run new crashed.\n${String((e as Error)?.stack ?? e)}\n`);
    process.exitCode = 1;
  },
);
