/**
 * The frontmatter contract between the importer and the site. `src/content.config.ts` declares
 * the collection with it; the importer validates what it emits against it before writing.
 */
import { z } from 'astro/zod';
import { PROVINCE_NAMES } from './provinces.ts';
import { DOC_TYPE_NAMES } from './doc-types.ts';
import { ISSUER_NAMES } from './issuers.ts';
import { MEASURE_ACTIONS, MEASURE_CODES } from './measures.ts';

/** Whether "2021-02-30"-style text names a day the calendar has (month-only dates always do). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return false;
  if (m[3] === undefined) return true;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2021-11-08" (day known) or "2021-11" (month only), a real calendar day; formatted only in the view. */
export const isoDate = z
  .string()
  .regex(/^(2019|202\d)-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'ISO date YYYY-MM-DD or YYYY-MM')
  .refine(isRealDate, 'not a real calendar date (that month has fewer days)');

/** Fields that carry a confidence and may be flagged for review. */
export const REVIEWABLE_FIELDS = [
  'number',
  'docType',
  'date',
  'issuer',
  'province',
  'signer',
  'subject',
  'title',
] as const;

export const referenceSchema = z.object({
  /** the cited document's number as written, normalised ("35/CT-TTg") */
  number: z.string().min(1),
  /** its type when the text names it ("Chỉ thị") */
  docType: z.string().nullable(),
  /** its date when the text gives it, ISO */
  date: isoDate.nullable(),
});

export const measureSchema = z.object({
  /** the measure's code, from the one list in src/lib/measures.ts */
  code: z.enum(MEASURE_CODES),
  /** impose (orders, tightens, extends) or lift (eases, ends, reopens) */
  action: z.enum(MEASURE_ACTIONS),
  /** the sentence that orders it, exactly as in the text */
  evidence: z.string().min(1),
  /** the area it applies to when the text names one ("huyện Việt Yên", "toàn tỉnh") */
  scope: z.string().min(1).nullable().default(null),
  /** when it starts, ISO, when the text says */
  from: isoDate.nullable().default(null),
  /** when it ends, ISO, when the text says */
  to: isoDate.nullable().default(null),
  /** the importer's confidence, 0..1; below 0.7 the measure is listed under review */
  confidence: z.number().min(0).max(1).optional(),
});

export const directiveSchema = z.object({
  /** headline shown in lists and the page title */
  title: z.string().min(1),
  /** the document's own number ("469-CV/TU"); null when the text gives none */
  number: z.string().min(1).nullable(),
  /** document type, from the one list in src/lib/doc-types.ts */
  docType: z.enum(DOC_TYPE_NAMES),
  /** issue date, ISO: day or month precision */
  date: isoDate,
  /**
   * where the date came from: the document itself, the report's publication date, or inferred from dates
   * it mentions
   */
  dateSource: z.enum(['document', 'publication', 'inferred']).default('document'),
  /** issuing body without the place ("Ban Thường vụ Tỉnh ủy"), from src/lib/issuers.ts */
  issuer: z.enum(ISSUER_NAMES),
  /** province-level unit as of 2021, one of the 63 names in src/lib/provinces.ts */
  province: z.enum(PROVINCE_NAMES),
  /** the person who signed, when named */
  signer: z.string().min(1).nullable().default(null),
  /** the signer's role ("Bí thư", "T/M Ban Thường vụ"), when given */
  signerRole: z.string().min(1).nullable().default(null),
  /** "V/v ..." subject line, without the "V/v" */
  subject: z.string().min(1).nullable().default(null),
  /** "Kính gửi" / "Nơi nhận" entries, in order */
  recipients: z.array(z.string().min(1)).default([]),
  /** "Hỏa tốc", "Khẩn", "Thượng khẩn" */
  urgency: z.enum(['Hỏa tốc', 'Thượng khẩn', 'Khẩn']).nullable().default(null),
  /** other documents the text cites */
  references: z.array(referenceSchema).default([]),
  /** measures this directive itself orders or lifts (not those it only recalls or quotes) */
  measures: z.array(measureSchema).default([]),
  /** one line for timelines and result lists */
  summary: z.string().min(1).nullable().default(null),
  /** provenance of the text as received */
  source: z.object({
    /** path of the raw file, relative to the repository root ("content/raw/….txt") */
    raw: z.string().regex(/^content\/raw\/[^\s]+$/),
    /** sha256 of the raw file's bytes, hex */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** the news site or portal that published the text, when it is a report */
    publisher: z.string().min(1).nullable().default(null),
    /** text encoding the raw file was decoded from */
    encoding: z.string().min(1).default('utf-8'),
  }),
  /** importer's confidence per field, 0..1 */
  confidence: z.partialRecord(z.enum(REVIEWABLE_FIELDS), z.number().min(0).max(1)).default({}),
  /** fields an archivist should check, with the reason */
  review: z.array(z.object({ field: z.string(), reason: z.string() })).default([]),
  /** set by an archivist once the metadata has been checked by hand; the importer never overwrites it */
  reviewed: z.boolean().default(false),
  /** sha256 of the file as the importer wrote it (without this line), to detect hand edits */
  importHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type DirectiveData = z.infer<typeof directiveSchema>;
export type DirectiveInput = z.input<typeof directiveSchema>;
export type DirectiveReference = z.infer<typeof referenceSchema>;
export type DirectiveMeasure = z.infer<typeof measureSchema>;
