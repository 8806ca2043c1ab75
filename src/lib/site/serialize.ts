/**
 * Data exports: one plain object per directive (the JSON API) and the CSV table (UTF-8 with a
 * BOM so Excel opens Vietnamese correctly; RFC 4180 quoting; CRLF line ends).
 */
import type { DirectiveRecord } from './archive.ts';
import { province2025 } from './provinces-2025.ts';

export interface DirectiveJson {
  id: string;
  url: string;
  [field: string]: unknown;
}

/** The frontmatter as stored plus `id` and `url`; the importer's bookkeeping hash is left out. */
export function directiveJson(d: DirectiveRecord, url: string): DirectiveJson {
  const { importHash: _hash, ...data } = d.data;
  return { id: d.id, url, ...data };
}

export const CSV_COLUMNS = [
  'url',
  'id',
  'number',
  'docType',
  'date',
  'dateSource',
  'issuer',
  'province',
  'province2025',
  'signer',
  'signerRole',
  'subject',
  'title',
  'summary',
  'urgency',
  'recipients',
  'references',
  'sourceRaw',
  'sha256',
  'publisher',
  'reviewed',
] as const;

function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(d: DirectiveRecord, url: string): string[] {
  const x = d.data;
  const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    url,
    id: d.id,
    number: x.number,
    docType: x.docType,
    date: x.date,
    dateSource: x.dateSource,
    issuer: x.issuer,
    province: x.province,
    province2025: province2025(x.province),
    signer: x.signer,
    signerRole: x.signerRole,
    subject: x.subject,
    title: x.title,
    summary: x.summary,
    urgency: x.urgency,
    recipients: x.recipients.join('; '),
    references: x.references.map((r) => r.number).join('; '),
    sourceRaw: x.source.raw,
    sha256: x.source.sha256,
    publisher: x.source.publisher,
    reviewed: x.reviewed,
  };
  return CSV_COLUMNS.map((c) => csvCell(row[c]));
}

export const BOM = '\uFEFF';

export function toCsv(items: readonly DirectiveRecord[], urlOf: (d: DirectiveRecord) => string): string {
  const lines = [CSV_COLUMNS.join(','), ...items.map((d) => csvRow(d, urlOf(d)).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
