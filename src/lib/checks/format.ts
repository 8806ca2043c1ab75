/** How `npm run check` and `npm run new` print a problem: where, level, both languages, the fix. */
import { countBySeverity, type Problem } from './types.ts';

export function formatProblem(p: Problem): string {
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

export function summaryLine(problems: readonly Problem[], directives: number, rawFiles: number): string {
  const { errors, warnings } = countBySeverity(problems);
  return (
    `${errors === 0 ? '✔' : '✘'} Kiểm tra ${directives} văn bản, ${rawFiles} tệp gốc: ${errors} ` +
    `lỗi, ${warnings} cảnh báo.` +
    ` / Checked ${directives} directives, ${rawFiles} raw files: ${errors} errors, ${warnings} warnings.`
  );
}
