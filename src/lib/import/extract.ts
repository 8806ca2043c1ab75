/**
 * Step 4: labelled parts -> metadata, each field with its value, a confidence (0..1), the
 * evidence it came from and the named rule that decided it. Rules follow how Vietnamese
 * administrative documents and news reports about them are written; none of them knows any
 * particular document. One module per field under ./extract/, over one shared context:
 *
 *   context (text, folded text, segments, every date/number/body mention)
 *     -> number -> references -> docType -> issuer -> province (names the issuer as the
 *        province has it) -> date -> signer -> subject, title, summary
 */
import { findProvince } from '../provinces.ts';
import type { CleanHints } from './clean.ts';
import type { Segmented } from './segment.ts';
import { docNumberKey } from '../doc-number.ts';
import { buildContext } from './extract/context.ts';
import { extractNumber } from './extract/number.ts';
import { extractReferences } from './extract/references.ts';
import { extractDocType } from './extract/doc-type.ts';
import { extractIssuer } from './extract/issuer.ts';
import { extractProvince } from './extract/province.ts';
import { extractDate } from './extract/date.ts';
import { extractSigner } from './extract/signer.ts';
import { extractTitle } from './extract/title.ts';
import type { Extracted, ExtractOptions } from './extract/types.ts';

export type { DateSource, Extracted, ExtractOptions, Field } from './extract/types.ts';

export function extract(seg: Segmented, hints: CleanHints, opts: ExtractOptions = {}): Extracted {
  const ctx = buildContext(seg, hints, opts);
  const { number, ownHit } = extractNumber(ctx);
  const references = extractReferences(ctx, number.value ? docNumberKey(number.value) : null);
  const docType = extractDocType(ctx, number, ownHit);
  const found = extractIssuer(ctx, number, ownHit);
  const province = extractProvince(ctx, ownHit, found);
  const issuer = found.issuer;
  const prov = province.value ? (findProvince(province.value) ?? null) : null;
  const date = extractDate(ctx, ownHit);
  // what was read beside a doubtful own number, in its sentence, is no surer than that number
  if ((number.rule === 'own-number-sentence' || number.rule === 'headline') && number.confidence < 0.7) {
    for (const f of [docType, date, issuer] as Array<{ confidence: number; rule?: string; reason?: string }>) {
      if (f.rule !== 'own-number-sentence' || f.confidence <= number.confidence) continue;
      f.confidence = number.confidence;
      f.reason ??= `read beside the number ${number.value}, which may not be this document's own`;
    }
  }
  const { signer, signerRole } = extractSigner(ctx);
  const rest = extractTitle(ctx, { ownHit, number, docType, issuer, prov });
  return { number, docType, date, issuer, province, signer, signerRole, ...rest, references, warnings: ctx.warnings };
}
