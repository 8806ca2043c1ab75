/**
 * The importer as one pure function: raw bytes -> MDX text and frontmatter, or a clear error.
 * decode -> clean -> segment -> extract -> structure -> emit. No file system here: write.ts
 * does IO. Read this file top to bottom to follow an import.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { slugify } from '../vietnamese.ts';
import { findProvince } from '../provinces.ts';
import { REVIEWABLE_FIELDS, isoDate, type DirectiveInput } from '../directive-schema.ts';
import { decode, type Encoding } from './decode.ts';
import { clean } from './clean.ts';
import { segment } from './segment.ts';
import { extract, type Extracted } from './extract.ts';
import { structure } from './structure.ts';
import { emit } from './emit.ts';
import { enforceFieldLimits } from './field-limits.ts';
import { blocksOf, extractMeasures } from './measures.ts';
import type { DirectiveMeasure } from '../directive-schema.ts';
import { ImportError } from './errors.ts';
import type { ImportWarning } from './warnings.ts';

export interface ImportOptions {
  /** repository-relative path the raw copy will have ("content/raw/x.txt"); default from the input's name */
  rawPath?: string | undefined;
  /** province supplied by the archivist when the text names none */
  province?: string | undefined;
  /** issue date supplied by the archivist ("2021-11-08" or "2021-11") */
  date?: string | undefined;
}

export interface ImportResult {
  input: string;
  ok: boolean;
  /** repository-relative path of the MDX file ("content/directives/…/….mdx") */
  output: string | null;
  /** what was (or would be) written; partial when the import failed */
  frontmatter: Record<string, unknown> | null;
  /** the MDX file text; null on failure */
  mdx: string | null;
  warnings: ImportWarning[];
  error: string | null;
  encoding: Encoding | null;
  sha256: string;
  /** the extracted fields with confidence and evidence, for the report */
  fields: Extracted | null;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `content/directives/<province>/<date>-<type>[-<number>|-<hash>].mdx` */
export function outputPath(fm: { province: string; date: string; docType: string; number: string | null }, rawSha: string): string {
  const p = findProvince(fm.province)!;
  const tail = fm.number ? slugify(fm.number) : rawSha.slice(0, 8);
  return `content/directives/${p.slug}/${fm.date}-${slugify(fm.docType)}-${tail}.mdx`;
}

function frontmatterOf(x: Extracted, rawPath: string, sha: string, encoding: Encoding, measures: DirectiveMeasure[] = []): Record<string, unknown> {
  const confidence: Record<string, number> = {};
  const review: Array<{ field: string; reason: string }> = [];
  const byField: Record<string, { value: unknown; confidence: number; reason?: string }> = {
    number: x.number, docType: x.docType, date: x.date, issuer: x.issuer, province: x.province,
    signer: x.signer, subject: x.subject, title: x.title,
  };
  for (const f of REVIEWABLE_FIELDS) {
    const v = byField[f]!;
    confidence[f] = Math.round(v.confidence * 100) / 100;
    if (v.value !== null && v.confidence < 0.7) review.push({ field: f, reason: v.reason ?? 'low confidence' });
  }
  for (const m of measures) if ((m.confidence ?? 1) < 0.7) review.push({ field: 'measures', reason: `${m.code} (${m.action}): ${Math.round((m.confidence ?? 0) * 100)}% sure; check that the document itself orders it` });
  return {
    title: x.title.value,
    number: x.number.value,
    docType: x.docType.value,
    date: x.date.value,
    dateSource: x.date.source ?? 'document',
    issuer: x.issuer.value,
    province: x.province.value,
    signer: x.signer.value,
    signerRole: x.signerRole,
    subject: x.subject.value,
    summary: x.summary,
    urgency: x.urgency,
    recipients: x.recipients,
    references: x.references,
    ...(measures.length ? { measures } : {}),
    source: { raw: rawPath, sha256: sha, publisher: x.publisher, encoding },
    confidence,
    review,
    reviewed: false,
  };
}

const REQUIRED: Array<[keyof Extracted, string]> = [
  ['province', 'add it with --province NAME'],
  ['date', 'add it with --date YYYY-MM-DD (or YYYY-MM)'],
  ['docType', 'the text names no document type and no number: it may be a news item, not a directive'],
  ['issuer', 'the text names no issuing body (Tỉnh ủy, Thành ủy, UBND ...)'],
  ['title', 'the text has no headline or subject'],
];

/** Import one file's bytes. Never throws: failures come back as `ok: false` with an `error`. */
export function importText(bytes: Uint8Array, inputPath: string, opts: ImportOptions = {}): ImportResult {
  const name = inputPath;
  const sha = sha256(bytes);
  const result: ImportResult = { input: inputPath, ok: false, output: null, frontmatter: null, mdx: null, warnings: [], error: null, encoding: null, sha256: sha, fields: null };
  try {
    const { text, encoding, warnings: decodeWarnings } = decode(bytes, name);
    result.encoding = encoding;
    if (opts.province && !findProvince(opts.province)) throw new ImportError(`--province "${opts.province}" is not one of the 63 provinces; check the spelling (e.g. "Vĩnh Phúc" or "vinh phuc").`);
    if (opts.date && !isoDate.safeParse(opts.date).success) throw new ImportError(`--date "${opts.date}" is not a real date; write it as YYYY-MM-DD or YYYY-MM (e.g. 2021-02-28).`);
    const cleaned = clean(text);
    const seg = segment(cleaned.text);
    const fields = extract(seg, cleaned.hints, { province: opts.province });
    if (opts.date) Object.assign(fields.date, { value: opts.date, confidence: 1, evidence: `--date ${opts.date}`, source: 'document', reason: undefined });
    const limitWarnings = enforceFieldLimits(fields);
    result.fields = fields;
    result.warnings = [...decodeWarnings, ...cleaned.warnings, ...fields.warnings, ...limitWarnings];
    const rawPath = opts.rawPath ?? `content/raw/${basename(inputPath).replace(/\s+/g, '_')}`;
    const body = structure(seg.body);
    const titles = seg.headline ? [seg.headline] : [...seg.titleLines, ...(seg.subjectLine ? [seg.subjectLine] : [])];
    const measures = extractMeasures({ blocks: blocksOf(body), titles, date: fields.date.value });
    const fm = frontmatterOf(fields, rawPath, sha, encoding, measures);
    result.frontmatter = fm;
    for (const r of fm.review as Array<{ field: string; reason: string }>) result.warnings.push({ code: 'review', message: `${r.field}: ${r.reason}` });
    const missing = REQUIRED.filter(([f]) => (fields[f] as { value: unknown }).value === null);
    if (missing.length) {
      const why = missing.map(([f, todo]) => {
        const reason = (fields[f] as { reason?: string }).reason;
        return `${f} not found (${reason && reason !== todo ? `${reason}; ` : ''}${todo})`;
      }).join('; ');
      throw new ImportError(`${name}: ${why}.`);
    }
    result.mdx = emit(fm as DirectiveInput, body, name);
    result.output = outputPath(fm as { province: string; date: string; docType: string; number: string | null }, sha);
    result.ok = true;
  } catch (e) {
    result.error = e instanceof ImportError ? e.message : `${name}: unexpected importer failure (${(e as Error).message}). Please report this file to the developers.`;
    result.mdx = null;
    result.ok = false;
  }
  return result;
}
