/**
 * npm run import -- <file or folder>... [--dry-run] [--json] [--force] [--province NAME] [--date YYYY-MM-DD]
 *
 * Turns raw directive texts into content/directives/**.mdx and copies the raw files into
 * content/raw/. Exit 0: every input imported (or unchanged/skipped on purpose); 1: any failed or
 * was a duplicate; 2: usage error. With --json, stdout holds exactly one JSON array.
 */
import { resolve } from 'node:path';
import { runImport, type FileReport } from '../src/lib/import/write.ts';
import { ImportError } from '../src/lib/import/errors.ts';
import { escapeTerminal } from '../src/lib/text-safety.ts';

const USAGE = `usage: npm run import -- <file or folder>... [--dry-run] [--json] [--force] [--province NAME] [--date YYYY-MM-DD]
  --dry-run        show what would be imported; write nothing
  --json           print one JSON array (one object per input) on stdout, nothing else
  --force          overwrite files an archivist edited or marked reviewed: true
  --province NAME  the province, when the text does not name one (e.g. "Vĩnh Phúc")
  --date DATE      the issue date, when the text gives none (YYYY-MM-DD or YYYY-MM)`;

interface Args { inputs: string[]; dryRun: boolean; json: boolean; force: boolean; province?: string; date?: string }

function parseArgs(argv: string[]): Args | string {
  const a: Args = { inputs: [], dryRun: false, json: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--dry-run') a.dryRun = true;
    else if (x === '--json') a.json = true;
    else if (x === '--force') a.force = true;
    else if (x === '--province' || x === '--date') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) return `${x} needs a value`;
      if (x === '--province') a.province = v; else a.date = v;
    } else if (x.startsWith('--province=')) a.province = x.slice(11);
    else if (x.startsWith('--date=')) a.date = x.slice(7);
    else if (x === '-h' || x === '--help') return '';
    else if (x.startsWith('-')) return `unknown option ${x}`;
    else a.inputs.push(x);
  }
  if (!a.inputs.length) return 'no input files or folders given';
  return a;
}

const pct = (c: number | undefined): string => (c === undefined ? '' : ` (${Math.round(c * 100)}%)`);

function human(reports: FileReport[], dryRun: boolean): string {
  const out: string[] = [];
  for (const r of reports) {
    const label = { imported: dryRun ? 'would import' : 'imported', updated: dryRun ? 'would update' : 'updated', unchanged: 'unchanged', skipped: 'SKIPPED', duplicate: 'DUPLICATE', failed: 'FAILED' }[r.status];
    out.push(`\n${label}${r.note ? ` (${r.note})` : ''}: ${r.input}${r.output ? `\n  -> ${r.output}` : ''}`);
    if (r.error) out.push(`  error: ${r.error}`);
    const f = r.fields;
    if (f) {
      const rows: Array<[string, unknown, number | undefined]> = [
        ['number', f.number.value, f.number.confidence], ['type', f.docType.value, f.docType.confidence],
        ['date', f.date.value ? `${f.date.value}${f.date.source && f.date.source !== 'document' ? ` [${f.date.source}]` : ''}` : null, f.date.confidence],
        ['issuer', f.issuer.value, f.issuer.confidence], ['province', f.province.value, f.province.confidence],
        ['signer', f.signer.value ? `${f.signer.value}${f.signerRole ? ` (${f.signerRole})` : ''}` : null, f.signer.confidence],
        ['subject', f.subject.value, f.subject.confidence], ['title', f.title.value, f.title.confidence],
      ];
      const evidence: Record<string, string | null> = {
        number: f.number.evidence, type: f.docType.evidence, date: f.date.evidence, issuer: f.issuer.evidence,
        province: f.province.evidence, signer: f.signer.evidence, subject: f.subject.evidence, title: f.title.evidence,
      };
      for (const [k, v, c] of rows) {
        out.push(`  ${k.padEnd(9)}${v === null ? '—' : String(v)}${v === null ? '' : pct(c)}`);
        // where an uncertain value came from, so the check starts there
        const ev = evidence[k];
        if (v !== null && c !== undefined && c < 0.7 && ev) out.push(`           from: "${ev.length > 120 ? `${ev.slice(0, 117)}...` : ev}"`);
      }
      if (f.urgency) out.push(`  urgency  ${f.urgency}`);
      if (f.references.length) out.push(`  cites    ${f.references.map((x) => x.number).join(', ')}`);
      if (r.encoding && r.encoding !== 'utf-8') out.push(`  encoding ${r.encoding} (converted to Unicode)`);
    }
    for (const w of r.warnings) out.push(`  warning: ${w.line ? `line ${w.line}: ` : ''}${w.message}`);
  }
  const count = (s: FileReport['status']): number => reports.filter((r) => r.status === s).length;
  out.push(`\n${reports.length} file(s): ${count('imported')} ${dryRun ? 'to import' : 'imported'}, ${count('updated')} ${dryRun ? 'to update' : 'updated'}, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${count('duplicate')} duplicate(s), ${count('failed')} failed.`);
  if (!dryRun && (count('imported') || count('updated'))) {
    out.push('Next steps: open the MDX files listed above and check the fields marked with a low percentage or a warning;',
      'then run `npm run check`, commit content/raw and content/directives, and open a pull request.');
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
    reports = runImport(args.inputs, { root: resolve('.'), contentDir: process.env.CONTENT_DIR, dryRun: args.dryRun, force: args.force, province: args.province, date: args.date, log: (line) => process.stderr.write(`${escapeTerminal(line)}\n`) });
  } catch (e) {
    process.stderr.write(escapeTerminal(e instanceof ImportError ? `import: ${e.message}\n` : `import: could not write the archive (${(e as Error).message}). Check that content/ is writable and try again.\n`));
    return 1;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(reports.map((r) => ({ input: r.input, ok: r.ok, output: r.output, frontmatter: r.frontmatter, warnings: r.warnings, error: r.error, status: r.status })), null, 2)}\n`);
  } else {
    process.stdout.write(`${escapeTerminal(human(reports, args.dryRun))}\n`);
  }
  return reports.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = main();
