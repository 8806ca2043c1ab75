/**
 * `npm run check`: every content check, in seconds, before any build. Fails closed: any problem
 * of level "error", and any crash of the checker itself, exits 1.
 *
 *   npm run check              human-readable report, Vietnamese then English
 *   npm run check -- --json    the problems as JSON on stdout
 *   CONTENT_DIR=/dir npm run check
 */
import { contentDir } from '../src/lib/content-dir.ts';
import { formatProblem, summaryLine } from '../src/lib/checks/format.ts';
import { runChecks } from '../src/lib/checks/run.ts';
import { countBySeverity } from '../src/lib/checks/types.ts';

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const report = await runChecks(contentDir());
  const { errors, warnings } = countBySeverity(report.problems);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...report, errors, warnings }, null, 2)}\n`);
  } else {
    for (const p of report.problems) process.stdout.write(`${formatProblem(p)}\n\n`);
    process.stdout.write(`${summaryLine(report.problems, report.directives, report.rawFiles)}\n`);
  }
  return errors === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Fail closed: a checker that cannot finish has not checked anything.
    process.stderr.write(
      `✘ npm run check bị lỗi, coi như nội dung chưa được kiểm tra. / The check crashed; the content counts as ` +
        `unchecked.\n${String((e as Error)?.stack ?? e)}\n`,
    );
    process.exitCode = 1;
  },
);
