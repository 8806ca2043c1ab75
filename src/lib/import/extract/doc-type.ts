/**
 * The document's type. Rules, in order: the type title ("CHỈ THỊ") (title-block); the enacting
 * formula "QUYẾT ĐỊNH:" before Điều 1 (enacting-formula); the metadata table's "Loại văn bản"
 * (metadata-table); the word before the own number (own-number-sentence); the number's symbol
 * (symbol); then, for reports: "vừa ký <type>" (lead-sentence), a headline that starts with the
 * type (headline), an act of a named body (body-act), a "V/v" line (subject-line).
 */
import { foldForMatch } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { docTypeFromCode, type DocTypeName } from '../../doc-types.ts';
import { parseDocNumber } from '../../doc-number.ts';
import { TYPE_ALT, typeOfWord, ACT_TYPE_ALL, BODY_ACT_ALL } from './type-words.ts';
import { CITED_BEFORE, isCentral, type NumberHit } from './numbers.ts';
import { sentenceStart } from './text.ts';

export function extractDocType(ctx: ExtractContext, number: Field<string | null>, ownHit: NumberHit | null): Field<DocTypeName | null> {
  const { seg, text, folded, issuerHits } = ctx;
  // ---- docType
  let docType: Field<DocTypeName | null> = none(null, 'the text names no document type');
  const ownWord = ownHit?.typeWord ? typeOfWord(ownHit.typeWord) : null;
  const codeType = (() => {
    if (!number.value) return undefined;
    const p = parseDocNumber(number.value);
    const codes = p ? p.codes.filter((c) => !/^\d+$/.test(c)) : []; // "15/2021/QĐ-UBND": skip the year
    if (!codes.length) return undefined;
    const t = docTypeFromCode(codes[0]!);
    if (t) return t;
    // state symbols without a type code ("288/UBND-VP") are, by Nghị định 30, công văn
    if (/\//.test(number.value) && /^(UBND|CTUBND|VPUBND|HDND|BCD)$/.test(codes[0]!)) return 'Công văn' as DocTypeName;
    return undefined;
  })();
  const titleType = seg.titleLines.length ? typeOfWord(foldForMatch(seg.titleLines[0]!).replace(/\s+khan$/, '')) : null;
  const metaType = seg.meta['Loại văn bản'] ? typeOfWord(foldForMatch(seg.meta['Loại văn bản'])) : null;
  const enactingType = seg.enactingFormula ? typeOfWord(foldForMatch(seg.enactingFormula).replace(/\s*:$/, '') === 'quyet nghi' ? 'nghi quyet' : 'quyet dinh') : null;
  // a headline that starts with the type: "Công văn của UBND tỉnh ... về việc ...", "QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH ..."
  const headlineType = (() => {
    if (!seg.headline) return null;
    const hf = foldForMatch(seg.headline);
    const m = new RegExp(`^(${TYPE_ALT})(?:\\s+(?:khan|hoa toc))?(?=\\s+(?:cua|ve|so|ban hanh|yeu cau|chi dao|khan|hoa toc|\\d+\\s*/\\s*[a-z]*-?(?:ubnd|tu|bcd|ctubnd)))`).exec(hf);
    const t = m ? typeOfWord(m[1]!) : null;
    return t && t !== 'văn bản' && t !== 'other' && !isCentral(parseDocNumber(hf.slice(m![0].length).trim().split(/\s/)[0] ?? '')?.codes ?? []) ? t : null;
  })();
  if (titleType && titleType !== 'văn bản' && titleType !== 'other') {
    docType = { value: titleType, confidence: 0.95, evidence: seg.titleLines[0]!, rule: 'title-block' };
  } else if (enactingType && enactingType !== 'văn bản' && enactingType !== 'other') {
    docType = { value: enactingType, confidence: 0.9, evidence: seg.enactingFormula!, rule: 'enacting-formula' };
  } else if (metaType && metaType !== 'văn bản' && metaType !== 'other') {
    docType = { value: metaType, confidence: 0.9, evidence: `Loại văn bản: ${seg.meta['Loại văn bản']}`, rule: 'metadata-table' };
  } else if (ownWord && ownWord !== 'văn bản' && ownWord !== 'other') {
    docType = { value: ownWord, confidence: 0.9, evidence: ownHit!.line.trim(), rule: 'own-number-sentence' };
  } else if (codeType && !(ownWord === 'văn bản' && codeType === 'Công văn')) {
    docType = { value: codeType, confidence: seg.subjectLine && codeType === 'Công văn' ? 0.85 : 0.7, evidence: number.value, rule: 'symbol' };
  } else {
    // a report without a number: "<issuer> vừa (ký|ban hành|có) <type> ..."
    const acts = [...folded.matchAll(ACT_TYPE_ALL)];
    const named = acts.map((m) => ({ t: typeOfWord(m[1]!), m })).filter((x) => x.t && x.t !== 'other');
    const specific = named.find((x) => x.t !== 'văn bản');
    // "<issuer>, ... (đã) có công văn khẩn", "Tỉnh đã ban hành hỏa tốc Công văn": the act of a named body
    const bodyAct = [...folded.matchAll(BODY_ACT_ALL)].map((m) => ({ t: typeOfWord(m[1]!), m })).find(({ t, m }) => {
      if (!t || t === 'other' || t === 'văn bản') return false;
      const start = sentenceStart(text, m.index!);
      const subject = issuerHits.some((h) => h.index >= start && h.end <= m.index! && m.index! - h.end <= 90 && h.weight >= 0 && h.body !== 'district')
        || /(?:^|\s)(?:tinh|thanh pho)\s+(?:\S+\s+){0,1}$/.test(folded.slice(Math.max(start, m.index! - 12), m.index!));
      return subject && !CITED_BEFORE.test(folded.slice(Math.max(0, m.index! - 40), m.index!));
    });
    if (specific) docType = { value: specific.t as DocTypeName, confidence: 0.7, evidence: text.slice(specific.m.index!, specific.m.index! + specific.m[0].length), rule: 'lead-sentence' };
    else if (headlineType) docType = { value: headlineType, confidence: 0.75, evidence: seg.headline, rule: 'headline' };
    else if (bodyAct) docType = { value: bodyAct.t as DocTypeName, confidence: 0.7, evidence: text.slice(sentenceStart(text, bodyAct.m.index!), bodyAct.m.index! + bodyAct.m[0].length).trim(), rule: 'body-act' };
    else if (seg.subjectLine) docType = { value: 'Công văn', confidence: 0.75, evidence: seg.subjectLine, reason: 'no type named; a "V/v" subject line marks a công văn', rule: 'subject-line' };
    else if (ownWord === 'văn bản' || named.length) {
      docType = { value: 'Văn bản', confidence: 0.4, evidence: ownHit?.line.trim() ?? null, reason: 'the text only says "văn bản"' + (codeType ? `; its symbol suggests ${codeType}` : ''), rule: 'generic-word' };
    }
  }

  return docType;
}
