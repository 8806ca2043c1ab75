/**
 * `npm run new -- <tệp gốc>...`: the archivist's one command for adding documents. Imports the
 * files (through `npm run import`), runs every content check, and prints in Vietnamese what to
 * look at, where the page will be, and the git steps to publish. Without a file it prints the
 * step-by-step guide. Options are passed to the importer: --province, --date, --dry-run.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { contentDir } from '../src/lib/content-dir.ts';
import { formatProblem, summaryLine } from '../src/lib/checks/format.ts';
import { astroEntryId } from '../src/lib/entry-id.ts';
import { runChecks } from '../src/lib/checks/run.ts';
import { FIELD_NAMES_VI } from '../src/lib/checks/field-names.ts';

const GUIDE = `Thêm văn bản vào kho lưu trữ — các bước (chi tiết: CONTRIBUTING.md)

  1. Tạo nhánh mới:        git checkout -b them-van-ban-<tinh>
  2. Nhập tệp gốc:         npm run new -- duong/dan/van-ban.txt
                           (thêm --province "Tên tỉnh" hoặc --date 2021-11-08 nếu văn bản không ghi)
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
  const imported = spawnSync(process.execPath, [resolve(import.meta.dirname, 'import.ts'), '--json', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let reports: ImportJson[];
  try {
    reports = JSON.parse(imported.stdout) as ImportJson[];
  } catch {
    process.stderr.write(`✘ Lệnh nhập không chạy được (mã ${imported.status}). / The import did not run.\n${imported.stdout}\n`);
    return 1;
  }
  const directivesDir = resolve(contentDir(), 'directives');
  const outputs = new Set<string>();
  let failed = false;
  for (const r of reports) {
    process.stdout.write(`\n• ${r.input}\n`);
    if (!r.ok || !r.output) {
      failed = true;
      process.stdout.write(`  ✘ Không nhập được: ${r.error ?? r.status ?? 'lỗi không rõ'}\n`);
      continue;
    }
    const abs = resolve(r.output.replace(/^content\//, `${contentDir()}/`));
    outputs.add(abs);
    const id = astroEntryId(relative(directivesDir, abs).split('\\').join('/'));
    process.stdout.write(`  ✔ ${r.status === 'unchanged' ? 'Đã có, không đổi' : 'Đã tạo'}: ${r.output}\n`);
    process.stdout.write(`    Trang sẽ ở: /van-ban/${id}/   (xem trước: npm run dev → http://localhost:4321/van-ban/${id}/)\n`);
    const fm = r.frontmatter;
    const toCheck = new Map<string, string>();
    for (const x of fm?.review ?? []) toCheck.set(x.field, x.reason);
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

  const report = await runChecks(contentDir());
  // Problems of the files just imported, and every problem that is not about one directive
  // (an orphaned raw file, a duplicate elsewhere): those block the pull request too.
  const mine = report.problems.filter((p) => !p.file.includes('/directives/') || outputs.has(resolve(p.file)));
  process.stdout.write('\nKiểm tra nội dung (npm run check):\n');
  for (const p of mine) process.stdout.write(`${formatProblem(p)}\n\n`);
  process.stdout.write(`${summaryLine(report.problems, report.directives, report.rawFiles)}\n`);
  const errors = report.problems.some((p) => p.severity === 'error');
  process.stdout.write(
    errors
      ? '\nSửa các lỗi trên rồi chạy lại npm run check trước khi gửi pull request.\n'
      : '\nTiếp theo: mở tệp .mdx, kiểm tra các trường ở trên, đặt reviewed: true, rồi\n' +
          '  git add content/raw content/directives && git commit -m "Thêm …" && git push\n' +
          'và mở pull request. Hướng dẫn đầy đủ: CONTRIBUTING.md\n',
  );
  return failed || errors ? 1 : 0;
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
