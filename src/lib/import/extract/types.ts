/**
 * The extractor's result: each field with its value, a confidence (0..1), the evidence it was
 * read from and the named rule that decided it.
 */
import type { DocTypeName } from '../../doc-types.ts';
import type { Issuer } from '../../issuers.ts';
import type { DirectiveReference } from '../../directive-schema.ts';
import type { ImportWarning } from '../warnings.ts';

export interface Field<T> {
  value: T;
  confidence: number;
  /** the text the value was read from */
  evidence: string | null;
  /** why the confidence is low, for the archivist */
  reason?: string;
  /** the named rule whose evidence won ("so-line", "metadata-table", "lead-sentence", …) */
  rule?: string;
}

export type DateSource = 'document' | 'publication' | 'inferred';

export interface Extracted {
  number: Field<string | null>;
  docType: Field<DocTypeName | null>;
  date: Field<string | null> & { source: DateSource | null };
  issuer: Field<Issuer | null>;
  province: Field<string | null>;
  signer: Field<string | null>;
  signerRole: string | null;
  subject: Field<string | null>;
  title: Field<string | null>;
  summary: string | null;
  recipients: string[];
  urgency: 'Hỏa tốc' | 'Thượng khẩn' | 'Khẩn' | null;
  publisher: string | null;
  references: DirectiveReference[];
  warnings: ImportWarning[];
}

export interface ExtractOptions {
  /** province supplied by the archivist (--province) */
  province?: string | undefined;
}

export const none = <T>(value: T, reason?: string): Field<T> => ({
  value,
  confidence: 0,
  evidence: null,
  ...(reason ? { reason } : {}),
});
