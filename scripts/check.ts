/**
 * `npm run check`: every content check, in seconds, before any build. Fails closed: any problem
 * of level "error", and any crash of the checker itself, exits 1.
 *
 *   npm run check              human-readable report, Vietnamese then English
 *   npm run check -- --json    the problems as JSON on stdout
 *   CONTENT_DIR=/dir npm run check
 */
import { contentDir } from '../src/lib/content-dir.ts';
import { runChecks } from '../src/lib/checks/run.ts';
import { countBySeverity, type Problem } from '../src/lib/checks/types.ts';

function format(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const level = p.severity === 'error' ? 'LỖI / ERROR' : 'CẢNH BÁO / WARNING';
  return [
    `${where}  ${level}  [${p.code}]`,
    `  ${p.messageVi}`,
    `  ${p.messageEn}`,
    `  → Cách sửa: ${p.fix.vi}`,
    `  → Fix: ${p.fix.en}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const root = contentDir();
  const report = await runChecks(root);
  const { errors, warnings } = countBySeverity(report.problems);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...report, errors, warnings }, null, 2)}\n`);
  } else {
    for (const p of report.problems) process.stdout.write(`${format(p)}\n\n`);
    const ok = errors === 0;
    process.stdout.write(
      `${ok ? '✔' : '✘'} Kiểm tra ${report.directives} văn bản, ${report.rawFiles} tệp gốc: ${errors} lỗi, ${warnings} cảnh báo.` +
        ` / Checked ${report.directives} directives, ${report.rawFiles} raw files: ${errors} errors, ${warnings} warnings.\n`,
    );
  }
  return errors === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Fail closed: a checker that cannot finish has not checked anything.
    process.stderr.write(`✘ npm run check bị lỗi, coi như nội dung chưa được kiểm tra. / The check crashed; the content counts as unchecked.\n${String((e as Error)?.stack ?? e)}\n`);
    process.exitCode = 1;
  },
);
