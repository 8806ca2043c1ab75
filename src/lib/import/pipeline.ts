/**
 * The importer as one pure function: raw bytes -> MDX text and frontmatter, or a clear error.
 * decode -> clean -> segment -> extract -> structure -> emit. No file system here: write.ts
 * does IO. Read this file top to bottom to follow an import.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { slugify } from '../vietnamese.ts';
import { findProvince } from '../provinces.ts';
import { REVIEWABLE_FIELDS, type DirectiveInput } from '../directive-schema.ts';
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
import { checkOptions, OPTION_EXAMPLE, OPTION_FOR, type FieldOptions } from './options.ts';
import { notProvincial, notProvincialKind } from './not-provincial.ts';

/** Values the archivist supplies (--province, --date, --type, --issuer, --number, --title) win over the text. */
export interface ImportOptions extends FieldOptions {
  /** repository-relative path the raw copy will have ("content/raw/x.txt"); default from the input's name */
  rawPath?: string | undefined;
}

/** A required field the importer could not read, and the option that supplies it. */
export interface MissingField {
  field: string;
  /** the option to add, e.g. "--type" */
  option: string;
  /** an example of it ("--type \"Chỉ thị\"") */
  example: string;
  /** why the text did not give it */
  reason: string | null;
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
  /** required fields not found, each with the option that supplies it (empty on success) */
  missing?: MissingField[];
  /** why the file looks like no provincial directive (a national document, a district's, a news digest) */
  notProvincial?: string | null;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `content/directives/<province>/<date>-<type>[-<number>|-<hash>].mdx` */
export function outputPath(
  fm: { province: string; date: string; docType: string; number: string | null },
  rawSha: string,
): string {
  const p = findProvince(fm.province)!;
  const tail = fm.number ? slugify(fm.number) : rawSha.slice(0, 8);
  return `content/directives/${p.slug}/${fm.date}-${slugify(fm.docType)}-${tail}.mdx`;
}

/** The confidence from which a value is stated without a review flag. */
const SURE = 0.9;

/** Why a value below SURE is flagged when its rule gave no reason of its own. */
function notCertain(v: { evidence: string | null }): string {
  return v.evidence ? `not certain: read from "${v.evidence.slice(0, 120)}"` : 'low confidence';
}

function frontmatterOf(
  x: Extracted,
  rawPath: string,
  sha: string,
  encoding: Encoding,
  measures: DirectiveMeasure[] = [],
): Record<string, unknown> {
  const confidence: Record<string, number> = {};
  const review: Array<{ field: string; reason: string }> = [];
  const byField: Record<string, { value: unknown; confidence: number; evidence: string | null; reason?: string }> = {
    number: x.number,
    docType: x.docType,
    date: x.date,
    issuer: x.issuer,
    province: x.province,
    signer: x.signer,
    subject: x.subject,
    title: x.title,
  };
  for (const f of REVIEWABLE_FIELDS) {
    const v = byField[f]!;
    confidence[f] = Math.round(v.confidence * 100) / 100;
    // "sure" (0.9 and up) must be right on real text; anything less is for an archivist to check
    if (v.value !== null && v.confidence < SURE) review.push({ field: f, reason: v.reason ?? notCertain(v) });
  }
  for (const m of measures)
    if ((m.confidence ?? 1) < 0.7)
      review.push({
        field: 'measures',
        reason:
          `${m.code} (${m.action}): ${Math.round((m.confidence ?? 0) * 100)}% sure; check that the ` +
          `document itself orders it`,
      });
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

const REQUIRED: Array<keyof Extracted> = ['province', 'date', 'docType', 'issuer', 'title'];

/** Import one file's bytes. Never throws: failures come back as `ok: false` with an `error`. */
export function importText(bytes: Uint8Array, inputPath: string, opts: ImportOptions = {}): ImportResult {
  const name = inputPath;
  const sha = sha256(bytes);
  const result: ImportResult = {
    input: inputPath,
    ok: false,
    output: null,
    frontmatter: null,
    mdx: null,
    warnings: [],
    error: null,
    encoding: null,
    sha256: sha,
    fields: null,
    missing: [],
    notProvincial: null,
  };
  try {
    const { text, encoding, warnings: decodeWarnings } = decode(bytes, name);
    result.encoding = encoding;
    const given = checkOptions(opts);
    if (!given.ok) throw new ImportError(given.error);
    const o = given.value;
    const cleaned = clean(text);
    const seg = segment(cleaned.text);
    const fields = extract(seg, cleaned.hints, { province: o.province });
    // what the archivist gives wins, at full confidence, named as the option
    const supply = (f: Extracted[keyof Extracted], value: string, flag: string): void => {
      Object.assign(f as object, {
        value,
        confidence: 1,
        evidence: `${flag} ${value}`,
        reason: undefined,
        rule: 'option',
      });
    };
    if (o.date) {
      supply(fields.date, o.date, '--date');
      fields.date.source = 'document';
    }
    if (o.docType) supply(fields.docType, o.docType, '--type');
    if (o.issuer) supply(fields.issuer, o.issuer, '--issuer');
    if (o.number) supply(fields.number, o.number, '--number');
    if (o.title) supply(fields.title, o.title, '--title');
    const limitWarnings = enforceFieldLimits(fields);
    result.fields = fields;
    result.warnings = [...decodeWarnings, ...cleaned.warnings, ...fields.warnings, ...limitWarnings];
    result.notProvincial = notProvincial(fields, seg);
    if (result.notProvincial && !result.warnings.some((w) => w.code === 'not-provincial'))
      result.warnings.push({ code: 'not-provincial', message: result.notProvincial });
    const rawPath = opts.rawPath ?? `content/raw/${basename(inputPath).replace(/\s+/g, '_')}`;
    const body = structure(seg.body);
    const titles = seg.headline ? [seg.headline] : [...seg.titleLines, ...(seg.subjectLine ? [seg.subjectLine] : [])];
    const measures = extractMeasures({ blocks: blocksOf(body), titles, date: fields.date.value });
    const fm = frontmatterOf(fields, rawPath, sha, encoding, measures);
    result.frontmatter = fm;
    for (const r of fm.review as Array<{ field: string; reason: string }>)
      result.warnings.push({ code: 'review', message: `${r.field}: ${r.reason}` });
    result.missing = REQUIRED.filter((f) => (fields[f] as { value: unknown }).value === null).map((f) => ({
      field: f,
      option: OPTION_FOR[f]!,
      example: OPTION_EXAMPLE[f]!,
      reason: (fields[f] as { reason?: string }).reason ?? null,
    }));
    // a national document is refused even when every field was read, unless the archivist says whose it is
    if (result.notProvincial && notProvincialKind(result.notProvincial) === 'national' && !(o.issuer && o.province)) {
      throw new ImportError(
        `${name}: ${result.notProvincial} If a province issued it, give ${OPTION_EXAMPLE.issuer} ` +
          `and ${OPTION_EXAMPLE.province}.`,
      );
    }
    if (result.missing.length) {
      const why = result.missing
        .map((m) => `${m.field} not found (${m.reason ? `${m.reason}; ` : ''}add ${m.example})`)
        .join('; ');
      throw new ImportError(`${name}: ${result.notProvincial ? `${result.notProvincial} ` : ''}${why}.`);
    }
    result.mdx = emit(fm as DirectiveInput, body, name);
    result.output = outputPath(fm as { province: string; date: string; docType: string; number: string | null }, sha);
    result.ok = true;
  } catch (e) {
    result.error =
      e instanceof ImportError
        ? e.message
        : `${name}: unexpected importer failure (${(e as Error).message}). Please report this file to the developers.`;
    result.mdx = null;
    result.ok = false;
  }
  return result;
}
