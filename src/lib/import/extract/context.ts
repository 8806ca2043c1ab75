/**
 * What every field rule reads, computed once per document: the reader's text (headline, title,
 * subject line, body; not the recipient lists), its folded twin with the same indices, the
 * segments, and every date, number, body and place the text mentions.
 */
import { foldKeepLength } from '../../vietnamese.ts';
import type { CleanHints } from '../clean.ts';
import type { Segmented } from '../segment.ts';
import type { ImportWarning } from '../warnings.ts';
import { findDates, type DateHit } from './dates.ts';
import { findNumbers, type NumberHit } from './numbers.ts';
import { findIssuers, type IssuerHit } from './issuer-hits.ts';
import type { ExtractOptions } from './types.ts';

export interface ExtractContext {
  seg: Segmented;
  hints: CleanHints;
  opts: ExtractOptions;
  /** the searchable text: what a reader sees, without the lists of recipients */
  text: string;
  /** `text` lower-cased without diacritics, index for index */
  folded: string;
  dates: DateHit[];
  numberHits: NumberHit[];
  /** mentions of issuing bodies; the issuer rule adds to their weights */
  issuerHits: IssuerHit[];
  warnings: ImportWarning[];
}

export function buildContext(seg: Segmented, hints: CleanHints, opts: ExtractOptions): ExtractContext {
  const text = [seg.headline ?? '', seg.titleLines.join('\n'), seg.subjectLine ?? '', ...seg.body].join('\n');
  const folded = foldKeepLength(text);
  return {
    seg,
    hints,
    opts,
    text,
    folded,
    dates: findDates(text),
    numberHits: findNumbers(text, folded),
    issuerHits: findIssuers(text, folded),
    warnings: [],
  };
}
