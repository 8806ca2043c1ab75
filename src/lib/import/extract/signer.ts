/**
 * Who signed: the signature block (signature), the metadata table's "Người ký" (metadata-table),
 * or "<role> <Name> (vừa) ký" in a report (lead-sentence).
 */
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { findProvince } from '../../provinces.ts';
import { isPersonName } from '../segment.ts';
import { fromCaps, capFirst } from './text.ts';

// "Chủ tịch UBND tỉnh Nguyễn Văn A đã ký": a role, a name, then "ký" (compiled once)
const ROLE_NAME_SIGNED = new RegExp(
  String.raw`((?:Phó\s+)?(?:Bí thư|Chủ tịch|Trưởng ban)[^.;\n]{0,50}?)\s+` +
    String.raw`((?:[\p{Lu}][\p{Ll}’']*\s+){1,6}[\p{Lu}][\p{Ll}’']*)\s+(?:(?:vừa|đã|mới)\s+)?` +
    String.raw`(?:thay mặt\s+[^.;\n]{3,60}?\s+)?(?:ký|ban hành)(?![\p{L}])`,
  'gu',
);

export function extractSigner(ctx: ExtractContext): { signer: Field<string | null>; signerRole: string | null } {
  const { seg, text } = ctx;
  let signer: Field<string | null> = none(null);
  let signerRole: string | null = null;
  if (seg.signature?.name) {
    signer = {
      value: seg.signature.name
        .split(/\s+/)
        .map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w))
        .join(' '),
      rule: 'signature',
      confidence: 0.9,
      evidence: [...seg.signature.roles, seg.signature.name].join(' / '),
    };
    if (seg.signature.roles.length)
      signerRole =
        seg.signature.roles
          .filter((r) => !/đã ký/iu.test(r))
          .map(fromCaps)
          .map(capFirst)
          .join(', ') || null;
  } else if (seg.meta['Người ký'] && isPersonName(seg.meta['Người ký'])) {
    signer = {
      value: seg.meta['Người ký'],
      confidence: 0.85,
      evidence: `Người ký: ${seg.meta['Người ký']}`,
      rule: 'metadata-table',
    };
  } else {
    for (const m of text.matchAll(ROLE_NAME_SIGNED)) {
      let words = m[2]!.split(/\s+/);
      let role = m[1]!;
      // drop a leading place name ("Hà Nội Đinh Tiến Dũng")
      for (let k = words.length - 2; k >= 1; k--) {
        if (findProvince(words.slice(0, k).join(' '))) {
          role += ' ' + words.slice(0, k).join(' ');
          words = words.slice(k);
          break;
        }
      }
      const name = words.join(' ');
      if (isPersonName(name)) {
        signer = { value: name, confidence: 0.75, evidence: m[0], rule: 'lead-sentence' };
        signerRole = role.trim();
        break;
      }
    }
  }

  return { signer, signerRole };
}
