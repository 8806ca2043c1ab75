/**
 * npm run import -- <file or folder>... [--dry-run] [--json] [--force] [--province NAME] [--date YYYY-MM-DD]
 *                    [--type TYPE] [--issuer BODY] [--number NUMBER] [--title TITLE]
 *
 * Turns raw directive texts into content/directives/**.mdx and copies the raw files into
 * content/raw/. Exit 0: every input imported (or unchanged/skipped on purpose); 1: any failed or
 * was a duplicate; 2: usage error. With --json, stdout holds exactly one JSON array.
 */
import { resolve } from 'node:path';
import { runImport, type FileReport } from '../src/lib/import/write.ts';
import { ImportError } from '../src/lib/import/errors.ts';
import { escapeTerminal } from '../src/lib/text-safety.ts';
import { DOC_TYPE_NAMES } from '../src/lib/doc-types.ts';
import { ISSUERS } from '../src/lib/issuers.ts';

const USAGE = `usage: npm run import -- <file or folder>... [options]
  --dry-run        show what would be imported; write nothing
  --json           print one JSON array (one object per input) on stdout, nothing else
  --force          overwrite files an archivist edited or marked reviewed: true
  The values below win over what the text says (checked against the archive's lists):
  --province NAME  the province (e.g. "Vĩnh Phúc" or "vinh phuc")
  --date DATE      the issue date (YYYY-MM-DD or YYYY-MM)
  --type TYPE      the document type: ${DOC_TYPE_NAMES.map((t) => `"${t}"`).join(', ')}
  --issuer BODY    the issuing body without the place: ${ISSUERS.map((t) => `"${t}"`).join(', ')}
  --number NUMBER  the document's own number as printed (e.g. 24/CT-UBND, 469-CV/TU, 03)
  --title TITLE    the title (e.g. "Chỉ thị về tăng cường phòng, chống dịch COVID-19")`;

const VALUE_OPTIONS = {
  '--province': 'province',
  '--date': 'date',
  '--type': 'docType',
  '--issuer': 'issuer',
  '--number': 'number',
  '--title': 'title',
} as const;
type ValueKey = (typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS];
interface Args extends Partial<Record<ValueKey, string>> {
  inputs: string[];
  dryRun: boolean;
  json: boolean;
  force: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { inputs: [], dryRun: false, json: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--dry-run') a.dryRun = true;
    else if (x === '--json') a.json = true;
    else if (x === '--force') a.force = true;
    else if (x in VALUE_OPTIONS) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return `${x} needs a value`;
      a[VALUE_OPTIONS[x as keyof typeof VALUE_OPTIONS]] = v;
    } else if (x.includes('=') && x.slice(0, x.indexOf('=')) in VALUE_OPTIONS) {
      a[VALUE_OPTIONS[x.slice(0, x.indexOf('=')) as keyof typeof VALUE_OPTIONS]] = x.slice(x.indexOf('=') + 1);
    } else if (x === '-h' || x === '--help') return '';
    else if (x.startsWith('-')) return `unknown option ${x}`;
    else a.inputs.push(x);
  }
  if (!a.inputs.length) return 'no input files or folders given';
  // a value given for several files would be wrong for all but one
  const perFile = (['number', 'title'] as const).filter((k) => a[k] !== undefined);
  if (perFile.length && (a.inputs.length > 1 || !/\.[a-z0-9]+$/i.test(a.inputs[0]!)))
    return (
      `${perFile.map((k) => (k === 'number' ? '--number' : '--title')).join(' and ')} belong to one ` +
      `document: give one file, not several or a folder`
    );
  return a;
}

function human(reports: FileReport[], dryRun: boolean): string {
  const out: string[] = [];
  for (const r of reports) {
    const label = {
      imported: dryRun ? 'would import' : 'imported',
      updated: dryRun ? 'would update' : 'updated',
      unchanged: 'unchanged',
      skipped: 'SKIPPED',
      duplicate: 'DUPLICATE',
      failed: 'FAILED',
    }[r.status];
    out.push(`\n${label}${r.note ? ` (${r.note})` : ''}: ${r.input}${r.output ? `\n  -> ${r.output}` : ''}`);
    if (r.error) out.push(`  error: ${r.error}`);
    if (r.missing?.length) out.push(`  to import it, add: ${r.missing.map((m) => m.example).join(' ')}`);
    const f = r.fields;
    if (f) {
      const rows: Array<[string, unknown, number | undefined]> = [
        ['number', f.number.value, f.number.confidence],
        ['type', f.docType.value, f.docType.confidence],
        [
          'date',
          f.date.value
            ? `${f.date.value}${f.date.source && f.date.source !== 'document' ? ` [${f.date.source}]` : ''}`
            : null,
          f.date.confidence,
        ],
        ['issuer', f.issuer.value, f.issuer.confidence],
        ['province', f.province.value, f.province.confidence],
        [
          'signer',
          f.signer.value ? `${f.signer.value}${f.signerRole ? ` (${f.signerRole})` : ''}` : null,
          f.signer.confidence,
        ],
        ['subject', f.subject.value, f.subject.confidence],
        ['title', f.title.value, f.title.confidence],
      ];
      const evidence: Record<string, string | null> = {
        number: f.number.evidence,
        type: f.docType.evidence,
        date: f.date.evidence,
        issuer: f.issuer.evidence,
        province: f.province.evidence,
        signer: f.signer.evidence,
        subject: f.subject.evidence,
        title: f.title.evidence,
      };
      for (const [k, v, c] of rows) {
        // the confidence and the rule that decided the value ("95%, so-line")
        const named = (f as unknown as Record<string, { rule?: string; reason?: string }>)[
          k === 'type' ? 'docType' : k
        ];
        const shown =
          v === null
            ? `—${named?.reason ? `  (${named.reason})` : ''}`
            : `${String(v)} (${Math.round((c ?? 0) * 100)}%${named?.rule ? `, ${named.rule}` : ''})`;
        out.push(`  ${k.padEnd(9)}${shown}`);
        // where an uncertain value came from, so the check starts there
        const ev = evidence[k];
        if (v !== null && c !== undefined && c < 0.7 && ev)
          out.push(
            `           from: "${ev.length > 120 ? `${ev.slice(0, 117)}...` : ev}"` +
              (named?.reason ? `\n           why:  ${named.reason}` : ''),
          );
      }
      if (f.urgency) out.push(`  urgency  ${f.urgency}`);
      if (f.references.length) out.push(`  cites    ${f.references.map((x) => x.number).join(', ')}`);
      if (r.encoding && r.encoding !== 'utf-8') out.push(`  encoding ${r.encoding} (converted to Unicode)`);
    }
    for (const w of r.warnings) out.push(`  warning: ${w.line ? `line ${w.line}: ` : ''}${w.message}`);
  }
  const count = (s: FileReport['status']): number => reports.filter((r) => r.status === s).length;
  out.push(
    `\n${reports.length} file(s): ${count('imported')} ${dryRun ? 'to import' : 'imported'}, ` +
      `${count('updated')} ${dryRun ? 'to update' : 'updated'}, ${count('unchanged')} unchanged, ` +
      `${count('skipped')} skipped, ${count('duplicate')} duplicate(s), ${count('failed')} failed.`,
  );
  if (!dryRun && (count('imported') || count('updated'))) {
    out.push(
      'Next steps: open the MDX files listed above and check the fields marked with a low percentage or a warning;',
      'then run `npm run check`, commit content/raw and content/directives, and open a pull request.',
    );
  } else if (dryRun) out.push('Dry run: nothing was written. Run again without --dry-run to import.');
  return out.join('\n');
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args) process.stderr.write(`import: ${args}\n`);
    process.stderr.write(`${USAGE}\n`);
    return args ? 2 : 0;
  }
  let reports: FileReport[];
  try {
    reports = runImport(args.inputs, {
      root: resolve('.'),
      contentDir: process.env.CONTENT_DIR,
      dryRun: args.dryRun,
      force: args.force,
      province: args.province,
      date: args.date,
      fields: { docType: args.docType, issuer: args.issuer, number: args.number, title: args.title },
      log: (line) =>
        process.stderr.write(`${escapeTerminal(line)}
`),
    });
  } catch (e) {
    process.stderr.write(
      escapeTerminal(
        e instanceof ImportError
          ? `import: ${e.message}\n`
          : `import: could not write the archive (${(e as Error).message}). Check that content/ is writable ` +
              `and try again.\n`,
      ),
    );
    return 1;
  }
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        reports.map((r) => ({
          input: r.input,
          ok: r.ok,
          output: r.output,
          frontmatter: r.frontmatter,
          warnings: r.warnings,
          error: r.error,
          status: r.status,
          missing: r.missing ?? [],
          notProvincial: r.notProvincial ?? null,
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(`${escapeTerminal(human(reports, args.dryRun))}\n`);
  }
  return reports.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = main();
