/**
 * The document's own number. Rules, in order: the `Số:` line or the metadata table's "Số hiệu"
 * (so-line, metadata-table); else the best-scored number in the text (an act, a bracket after the
 * lead, "Đó là nội dung tại …"; never a cited or central one) (own-number-sentence).
 */
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { normalizeDocNumber, docNumberKey } from '../../doc-number.ts';
import { sentenceOf, type NumberHit } from './numbers.ts';

export function extractNumber(ctx: ExtractContext): { number: Field<string | null>; ownHit: NumberHit | null } {
  const { seg, numberHits } = ctx;
  const scores = new Map<string, { best: NumberHit; score: number }>();
  const own = (key: string, hit: NumberHit, score: number): void => {
    const cur = scores.get(key);
    if (!cur) scores.set(key, { best: hit, score });
    else {
      cur.score = Math.max(cur.score, score) + (score > 0 ? 1 : 0);
      if (score > cur.best.score) cur.best = hit;
    }
  };
  for (const h of numberHits) own(h.key, h, h.score);
  let headerNumber: string | null = null;
  const fromLine = seg.numberLine ?? seg.meta['Số hiệu'] ?? null;
  if (fromLine) {
    const m = /(\d{1,5}\s?[-/]?\s?[\p{L}\d/\s-]*)$/u.exec(fromLine.replace(/^Số(\s*hiệu)?\s*:?\s*/iu, ''));
    if (m) headerNumber = normalizeDocNumber(m[1]!.trim());
  }
  let number: Field<string | null> = none(null, 'no number of its own found in the text');
  let ownHit: NumberHit | null = null;
  // a scan read "2l05" or "1O8" for 2105 and 108: the letters that look like digits, read as digits, for review
  const ocr = headerNumber ? /^(\d[\dlIOo]*)(?=\s*[-/])/.exec(headerNumber) : null;
  let ocrReason: string | null = null;
  if (ocr && /[lIOo]/.test(ocr[1]!)) {
    const digits = ocr[1]!.replace(/[lI]/g, '1').replace(/[Oo]/g, '0');
    ocrReason =
      `the number line reads "${ocr[1]}", letters a scan mistakes for digits; read as ${digits}: check ` +
      `it against the scan`;
    headerNumber = digits + headerNumber!.slice(ocr[1]!.length);
  }
  if (headerNumber && docNumberKey(headerNumber)) {
    number = {
      value: headerNumber,
      confidence: ocrReason ? 0.6 : 0.95,
      evidence: seg.numberLine ?? `Số hiệu: ${fromLine}`,
      rule: seg.numberLine ? 'so-line' : 'metadata-table',
    };
    if (ocrReason) number.reason = ocrReason;
    const key = docNumberKey(headerNumber)!;
    ownHit = scores.get(key)?.best ?? null;
  } else {
    const ranked = [...scores.values()]
      .filter((s) => s.score >= 3)
      .sort((a, b) => b.score - a.score || a.best.index - b.best.index);
    if (ranked.length) {
      const top = ranked[0]!;
      ownHit = top.best;
      // the fullest spelling of the same number in the text ("3376/UBND-VXNV" over "3376")
      const spellings = numberHits.filter((h) => h.key === top.best.key);
      const value = spellings.map((h) => h.number).sort((a, b) => b.length - a.length)[0]!;
      number = {
        value,
        confidence: top.score >= 6 ? 0.85 : 0.6,
        evidence: sentenceOf(ctx.text, top.best),
        rule: top.best.index < (seg.headline?.length ?? 0) ? 'headline' : 'own-number-sentence',
      };
      if (top.score < 6)
        number.reason = 'the text does not say plainly that it issues this number (it may be a cited one)';
      if (ranked.length > 1 && ranked[1]!.score === top.score) {
        number.confidence = 0.5;
        number.reason = `two numbers could be this document's own: ${top.best.number}, ${ranked[1]!.best.number}`;
      }
    }
  }

  return { number, ownHit };
}
