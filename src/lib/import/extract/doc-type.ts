/**
 * The document's type, as an ordered list of named rules (see decide.ts). Official layouts: the
 * type title "CHỈ THỊ" (title-block); the enacting formula "QUYẾT ĐỊNH:" before Điều 1
 * (enacting-formula); the metadata table's "Loại văn bản" (metadata-table); the word before the own
 * number (own-number-sentence); the number's symbol (symbol). Reports: "vừa ký <type>"
 * (lead-sentence), a headline that starts with the type (headline), an act of a named body
 * (body-act), a "V/v" line (subject-line), and only "văn bản" (generic-word).
 */
import { foldForMatch } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { docTypeFromCode, type DocTypeName } from '../../doc-types.ts';
import { parseDocNumber } from '../../doc-number.ts';
import { TYPE_ALT, typeOfWord, ACT_TYPE_ALL, BODY_ACT_ALL } from './type-words.ts';
import { CITED_BEFORE, isCentral, sentenceOf, type NumberHit } from './numbers.ts';
import { sentenceStart } from './text.ts';
import { decide, type Rule } from './decide.ts';

interface Input {
  ctx: ExtractContext;
  number: Field<string | null>;
  ownHit: NumberHit | null;
  /** the type word before the own number ("công văn số N") */
  ownWord: ReturnType<typeof typeOfWord>;
  /** the type the own number's symbol stands for ("CT" in 24/CT-UBND) */
  codeType: DocTypeName | undefined;
}

const named = (t: ReturnType<typeof typeOfWord>): DocTypeName | null =>
  t && t !== 'văn bản' && t !== 'other' ? t : null;

/**
 * The type a number's symbol stands for; state symbols without a type code ("288/UBND-VP") are,
 * by Nghị định 30, công văn.
 */
function typeOfSymbol(number: string | null): DocTypeName | undefined {
  if (!number) return undefined;
  const p = parseDocNumber(number);
  const codes = p ? p.codes.filter((c) => !/^\d+$/.test(c)) : []; // "15/2021/QĐ-UBND": skip the year
  if (!codes.length) return undefined;
  const t = docTypeFromCode(codes[0]!);
  if (t) return t;
  if (/\//.test(number) && /^(UBND|CTUBND|VPUBND|HDND|BCD)$/.test(codes[0]!)) return 'Công văn';
  return undefined;
}

// "<issuer>, ... (đã) có công văn khẩn", "Tỉnh đã ban hành hỏa tốc Công văn": the act of a named body
function bodyAct({ ctx }: Input): { t: DocTypeName; m: RegExpMatchArray } | null {
  const { text, folded, issuerHits } = ctx;
  for (const m of folded.matchAll(BODY_ACT_ALL)) {
    const t = named(typeOfWord(m[1]!));
    if (!t) continue;
    const start = sentenceStart(text, m.index!);
    const subject =
      issuerHits.some(
        (h) =>
          h.index >= start && h.end <= m.index! && m.index! - h.end <= 90 && h.weight >= 0 && h.body !== 'district',
      ) || /(?:^|\s)(?:tinh|thanh pho)\s+(?:\S+\s+){0,1}$/.test(folded.slice(Math.max(start, m.index! - 12), m.index!));
    if (subject && !CITED_BEFORE.test(folded.slice(Math.max(0, m.index! - 40), m.index!))) return { t, m };
  }
  return null;
}

/** Official layouts first, then the rules for reports about a document. */
const RULES: ReadonlyArray<Rule<Input, DocTypeName>> = [
  {
    name: 'title-block',
    propose: ({ ctx: { seg } }) => {
      const t = seg.titleLines.length
        ? named(typeOfWord(foldForMatch(seg.titleLines[0]!).replace(/\s+khan$/, '')))
        : null;
      return t ? { value: t, confidence: 0.95, evidence: seg.titleLines[0]! } : null;
    },
  },
  {
    name: 'enacting-formula',
    propose: ({ ctx: { seg } }) => {
      if (!seg.enactingFormula) return null;
      const t = named(
        typeOfWord(
          foldForMatch(seg.enactingFormula).replace(/\s*:$/, '') === 'quyet nghi' ? 'nghi quyet' : 'quyet dinh',
        ),
      );
      return t ? { value: t, confidence: 0.9, evidence: seg.enactingFormula } : null;
    },
  },
  {
    name: 'metadata-table',
    propose: ({ ctx: { seg } }) => {
      const t = seg.meta['Loại văn bản'] ? named(typeOfWord(foldForMatch(seg.meta['Loại văn bản']))) : null;
      return t ? { value: t, confidence: 0.9, evidence: `Loại văn bản: ${seg.meta['Loại văn bản']}` } : null;
    },
  },
  {
    name: 'own-number-sentence',
    propose: ({ ctx: { text }, ownWord, ownHit }) => {
      const t = named(ownWord);
      return t ? { value: t, confidence: 0.9, evidence: sentenceOf(text, ownHit!) } : null;
    },
  },
  {
    name: 'symbol',
    propose: ({ ctx: { seg }, number, ownWord, codeType }) =>
      codeType && !(ownWord === 'văn bản' && codeType === 'Công văn')
        ? {
            value: codeType,
            confidence: seg.subjectLine && codeType === 'Công văn' ? 0.85 : 0.7,
            evidence: number.value,
          }
        : null,
  },
  // a report without a number: "<issuer> vừa (ký|ban hành|có) <type> về/số ..."
  {
    name: 'lead-sentence',
    propose: ({ ctx: { text, folded } }) => {
      for (const m of folded.matchAll(ACT_TYPE_ALL)) {
        const t = named(typeOfWord(m[1]!));
        if (t) return { value: t, confidence: 0.7, evidence: text.slice(m.index!, m.index! + m[0].length) };
      }
      return null;
    },
  },
  // a headline that starts with the type: "Công văn của UBND tỉnh ... về việc ...", "QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH ..."
  {
    name: 'headline',
    propose: ({ ctx: { seg } }) => {
      if (!seg.headline) return null;
      const hf = foldForMatch(seg.headline);
      const m = new RegExp(
        `^(${TYPE_ALT})(?:\\s+(?:khan|hoa toc))?(?=\\s+(?:cua|ve|so|ban hanh|yeu cau|chi dao|khan|hoa toc` +
          `|\\d+\\s*/\\s*[a-z]*-?(?:ubnd|tu|bcd|ctubnd)))`,
      ).exec(hf);
      const t = m ? named(typeOfWord(m[1]!)) : null;
      if (!t || isCentral(parseDocNumber(hf.slice(m![0].length).trim().split(/\s/)[0] ?? '')?.codes ?? [])) return null;
      return { value: t, confidence: 0.75, evidence: seg.headline };
    },
  },
  {
    name: 'body-act',
    propose: (input) => {
      const b = bodyAct(input);
      const { text } = input.ctx;
      return b
        ? {
            value: b.t,
            confidence: 0.7,
            evidence: text.slice(sentenceStart(text, b.m.index!), b.m.index! + b.m[0].length).trim(),
          }
        : null;
    },
  },
  {
    name: 'subject-line',
    propose: ({ ctx: { seg } }) =>
      seg.subjectLine
        ? {
            value: 'Công văn',
            confidence: 0.75,
            evidence: seg.subjectLine,
            reason: 'no type named; a "V/v" subject line marks a công văn',
          }
        : null,
  },
  {
    name: 'generic-word',
    propose: ({ ctx: { folded }, ownWord, ownHit, codeType }) => {
      const saysVanBan =
        ownWord === 'văn bản' || [...folded.matchAll(ACT_TYPE_ALL)].some((m) => typeOfWord(m[1]!) === 'văn bản');
      return saysVanBan
        ? {
            value: 'Văn bản',
            confidence: 0.4,
            evidence: ownHit?.line.trim() ?? null,
            reason: 'the text only says "văn bản"' + (codeType ? `; its symbol suggests ${codeType}` : ''),
          }
        : null;
    },
  },
];

// types the same document is called by ("Thông báo kết luận" is a thông báo; "Công điện" an điện)
const GROUP: Partial<Record<DocTypeName, string>> = {
  'Thông báo kết luận': 'Thông báo',
  Điện: 'Công điện',
  'Quy định': 'Quyết định',
  'Văn bản': '*',
};
const sameType = (a: DocTypeName, b: DocTypeName): boolean =>
  (GROUP[a] ?? a) === (GROUP[b] ?? b) || GROUP[a] === '*' || GROUP[b] === '*';

export function extractDocType(
  ctx: ExtractContext,
  number: Field<string | null>,
  ownHit: NumberHit | null,
): Field<DocTypeName | null> {
  const input: Input = {
    ctx,
    number,
    ownHit,
    ownWord: ownHit?.typeWord ? typeOfWord(ownHit.typeWord) : null,
    codeType: typeOfSymbol(number.value),
  };
  return decide<Input, DocTypeName | null>(
    RULES,
    input,
    none(null, 'the text names no document type'),
    (a, b) => a !== null && b !== null && sameType(a, b),
  );
}
