/**
 * The issue date, as an ordered list of named rules (see decide.ts): the dateline (dateline; month
 * only: dateline-month; printed after the text: dateline-late); the metadata table's "Ngày ban hành"
 * (metadata-table); the date beside the own number (own-number-sentence); the next sentence
 * "<type> do … ký ngày D" (signed-sentence); a lead "Ngày D, <body> vừa ký …" (lead-sentence); an
 * opening "Ngày D, <body> …" (opening-date); the posting or page date's month (publication); the
 * latest date a "vừa …" report gives (latest-reported). A day and month without a year take it
 * from the text around them (inferYear), saved as inferred; when nothing gives it the rules stop
 * with an honest null, so the archivist is asked for --date.
 */
import type { ExtractContext } from './context.ts';
import { none, type DateSource, type Extracted } from './types.ts';
import { DATELINE, DATELINE_MONTH } from '../segment.ts';
import { inferYear, pad, type DateHit } from './dates.ts';
import { LEAD_ACT_ALL, BODY_ACT_ALL } from './type-words.ts';
import { signedNext, type NumberHit } from './numbers.ts';
import { sentenceStart, sentenceEnd } from './text.ts';
import { decide, type Candidate, type Rule } from './decide.ts';

// "… cho biết, …": the sentence dates a report about the document, not the document
const REPORTED = /\b(cho biet|cho hay|thong tin them|xac nhan)\b/;

interface IssueDate {
  iso: string;
  source: DateSource;
}
interface Input {
  ctx: ExtractContext;
  ownHit: NumberHit | null;
  effective: (h: DateHit) => boolean;
}

/** A date the text writes, with its year inferred when it gives none; null (with the reason) when nothing gives one. */
function fromHit(
  { ctx, effective }: Input,
  h: DateHit,
  confidence: number,
  evidence: string,
): Candidate<IssueDate | null> {
  const { dates, hints, numberHits, text } = ctx;
  const cited = (x: DateHit): boolean =>
    numberHits.some(
      (n) => n.end <= x.index && x.index - n.end <= 14 && /^\s*,?\s*(?:ngày\s*)?$/iu.test(text.slice(n.end, x.index)),
    );
  // for the year, a plain "từ ngày 25/9/2021" a day or two later is a start too (not for anything else:
  // "trong kỳ báo cáo từ ngày 4/1/2022" is a period reported, not a time the document sets)
  const starts = (x: DateHit): boolean =>
    effective(x) || /(?:^|\s)từ\s+ngày\s+$/iu.test(text.slice(Math.max(0, x.index - 12), x.index));
  const deadline = (x: DateHit): boolean =>
    /(?:trước|đến hết|đến|chậm nhất|hạn chót)\s+(?:ngày\s+)?$/iu.test(text.slice(Math.max(0, x.index - 16), x.index));
  const y = h.year ? { year: h.year, from: '' } : inferYear(h, dates, hints, starts, cited, deadline);
  if (y === null)
    return {
      value: null,
      confidence: 0,
      evidence,
      reason: `the issue date "${h.text}" has no year, and nothing near it gives one`,
    };
  const value = {
    iso: `${y.year}-${pad(h.month)}-${pad(h.day)}`,
    source: (h.year ? 'document' : 'inferred') as DateSource,
  };
  // "cùng ngày" is read from the day named before it: likely, but a reading, not a date written here
  if (/cùng ngày/iu.test(h.text))
    return {
      value,
      confidence: Math.min(confidence, 0.85),
      evidence,
      reason: `the text says "${h.text}"; the day is the one named before it`,
    };
  return h.year
    ? { value, confidence, evidence }
    : {
        value,
        confidence: Math.min(confidence, 0.6),
        evidence,
        reason: `the text gives "${h.text}" without a year; the year ${y.year} is from ${y.from}`,
      };
}

/** Whether a date is written just after a document number ("05/CT-UBND ngày 20/4/2020"): that number's date. */
function numbersDate({ text, numberHits }: ExtractContext, x: DateHit): boolean {
  return numberHits.some(
    (n) => n.end <= x.index && x.index - n.end <= 12 && /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(n.end, x.index)),
  );
}

/** Sentences where a named body (not the centre) issues a document: "Chiều 3/9, … vừa ký chỉ thị". */
function leadActs({ ctx: { text, folded, issuerHits } }: Input): number[] {
  const subjectBefore = (at: number): boolean => {
    const start = sentenceStart(text, at);
    return issuerHits.some(
      (h) => h.index >= start && h.end <= at && at - h.end <= 90 && h.weight >= 0 && h.body !== 'district',
    );
  };
  // "Ngày 31/8, Thủ tướng Chính phủ đã ra Công điện": the centre's act dates the centre's document
  const centralSubject = (at: number): boolean =>
    !subjectBefore(at) &&
    /(thu tuong|chinh phu|bo y te|bo truong|ban chi dao quoc gia|trung uong|ban bi thu|bo chinh tri)/.test(
      folded.slice(sentenceStart(text, at), at),
    );
  return [...folded.matchAll(LEAD_ACT_ALL)]
    .map((m) => m.index!)
    .concat([...folded.matchAll(BODY_ACT_ALL)].map((m) => m.index!).filter(subjectBefore))
    .filter((at) => !centralSubject(at))
    .sort((a, b) => a - b);
}

// What may stand between the own number and its date: "của <body>", "do <who> ký (ban hành) (vào)", "ngày".
const BETWEEN_NUMBER_AND_DATE = new RegExp(
  String.raw`^\s*,?\s*(?:của\s+[^,.;\d]{3,50}?\s*,?\s*)?` +
    String.raw`(?:do\s+[^,.;\d]{3,80}?\s+ký(?:\s+ban hành)?\s+(?:vào\s+)?)?` +
    String.raw`(?:ban hành\s+)?(?:ngày\s*)?$`,
  'iu',
);
// Just before a date, a time or "kể từ", "hiệu lực từ", "áp dụng từ": when measures take effect.
const EFFECTIVE_BEFORE = new RegExp(
  String.raw`(giờ|\dh|\dh\d\d)\s*(?:\d+\s*)?(?:ngày\s*)?$` +
    String.raw`|(kể từ|hiệu lực(?: từ)?|áp dụng từ|bắt đầu từ)\s+(?:ngày\s+)?$`,
  'iu',
);

const RULES: ReadonlyArray<Rule<Input, IssueDate | null>> = [
  {
    name: 'dateline-month',
    propose: ({ ctx: { seg } }) => {
      const m = seg.dateline && !DATELINE.test(seg.dateline) ? DATELINE_MONTH.exec(seg.dateline) : null;
      return m
        ? {
            value: { iso: `${m[3]}-${pad(+m[2]!)}`, source: 'document' },
            confidence: 0.85,
            evidence: seg.dateline,
            reason: 'the dateline gives the month only',
          }
        : null;
    },
  },
  {
    name: 'dateline',
    propose: ({ ctx: { seg } }) => {
      const m = seg.dateline ? DATELINE.exec(seg.dateline) : null;
      if (!m) return null;
      const value = { iso: `${m[4]}-${pad(+m[3]!)}-${pad(+m[2]!)}`, source: 'document' as DateSource };
      return seg.datelineAsPrinted
        ? {
            value,
            confidence: 0.6,
            evidence: seg.datelineAsPrinted,
            reason:
              `the dateline reads "${seg.datelineAsPrinted}", letters a scan mistakes for digits; check ` +
              `the date against the scan`,
          }
        : { value, confidence: 0.95, evidence: seg.dateline };
    },
  },
  // a copy that prints the dateline's column after the text ("Bắc Kạn, ngày 06 tháng 8 năm 2021" last):
  // still the document's own dateline, but read from an odd place, so for review
  {
    name: 'dateline-late',
    propose: ({ ctx: { seg } }) => {
      if (seg.dateline) return null;
      const line = seg.body.map((l) => l.trim()).find((l) => DATELINE.exec(l)?.[1] && l.split(/\s+/).length <= 14);
      const m = line ? DATELINE.exec(line) : null;
      return m
        ? {
            value: { iso: `${m[4]}-${pad(+m[3]!)}-${pad(+m[2]!)}`, source: 'document' },
            confidence: 0.85,
            evidence: line!,
            reason: 'a dateline printed after the text, not in the header',
          }
        : null;
    },
  },
  {
    name: 'metadata-table',
    propose: ({ ctx: { seg } }) => {
      const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(seg.meta['Ngày ban hành'] ?? '');
      return m
        ? {
            value: { iso: `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`, source: 'document' },
            confidence: 0.9,
            evidence: `Ngày ban hành: ${seg.meta['Ngày ban hành']}`,
          }
        : null;
    },
  },
  // "N ngày D", "N, ban hành ngày D", "N của UBND tỉnh ngày D"; or a date earlier in its sentence
  {
    name: 'own-number-sentence',
    propose: (input) => {
      const {
        ctx: { text, dates },
        ownHit,
        effective,
      } = input;
      if (!ownHit) return null;
      const after = dates.find(
        (x) => x.index >= ownHit.end && BETWEEN_NUMBER_AND_DATE.test(text.slice(ownHit.end, x.index)),
      );
      const start = sentenceStart(text, ownHit.index);
      const before = dates
        .filter((x) => x.index >= start && x.end <= ownHit.index && !effective(x) && !numbersDate(input.ctx, x))
        .at(0);
      const pick = after ?? before;
      return pick ? fromHit(input, pick, 0.9, text.slice(start, sentenceEnd(text, ownHit.end)).trim()) : null;
    },
  },
  // "Theo Kế hoạch N, … . Kế hoạch do Phó Chủ tịch UBND tỉnh ký ban hành ngày D": the next sentence signs it
  {
    name: 'signed-sentence',
    propose: (input) => {
      const {
        ctx: { text, folded, dates },
        ownHit,
      } = input;
      if (!ownHit?.typeWord || !signedNext(folded, ownHit.end, ownHit.typeWord)) return null;
      const stop = /[.!?]\s+/.exec(folded.slice(ownHit.end));
      const start = ownHit.end + stop!.index + stop![0].length;
      const end = sentenceEnd(text, start);
      const d = dates.find(
        (x) =>
          x.index >= start &&
          x.end <= end &&
          /(?:ky|ban hanh)\s+(?:vao\s+)?(?:ngay\s+)?$/.test(folded.slice(Math.max(start, x.index - 24), x.index)),
      );
      return d ? fromHit(input, d, 0.85, text.slice(start, end).trim()) : null;
    },
  },
  {
    name: 'lead-sentence',
    propose: (input) => {
      const { text, dates } = input.ctx;
      for (const at of leadActs(input)) {
        const start = sentenceStart(text, at);
        // (not the date of a document the sentence cites: "Thực hiện Chỉ thị số 05/CT-UBND ngày 20/4/2020, …")
        const d = dates.find(
          (x) => x.index >= start && x.end <= at && !input.effective(x) && !numbersDate(input.ctx, x),
        );
        // "Ngày 13/7, Văn phòng UBND tỉnh cho biết, Tỉnh đã ban hành …": the day it was reported, not issued
        if (d && REPORTED.test(input.ctx.folded.slice(d.end, at))) continue;
        if (d) return fromHit(input, d, 0.75, text.slice(start, sentenceEnd(text, at)).trim());
      }
      return null;
    },
  },
  // "Ngày D, <issuer> …" opening the text: the day of a meeting or event, a little before the document
  {
    name: 'opening-date',
    propose: (input) => {
      const { seg, text, dates, issuerHits } = input.ctx;
      for (const para of seg.body.slice(0, 4)) {
        const m = /^(ngày\s+\S+)\s*,\s*/iu.exec(para);
        if (!m) continue;
        const off = text.indexOf(para);
        const d = dates.find((x) => x.index >= off && x.index < off + m[0].length);
        if (!d || !issuerHits.some((h) => h.index === off + m[0].length)) continue;
        // the day it was reported
        if (REPORTED.test(input.ctx.folded.slice(off, off + Math.min(para.length, 160)))) continue;
        const c = fromHit(input, d, 0.6, para.slice(0, 120));
        return c.value
          ? {
              ...c,
              reason: 'the date of the meeting or event the text opens with; the document may be dated a little later',
            }
          : c;
      }
      return null;
    },
  },
  {
    name: 'publication',
    propose: ({ ctx: { hints } }) => {
      const pub = hints.publicationDate ?? hints.pageDate;
      return pub
        ? {
            value: { iso: pub.slice(0, 7), source: 'publication' },
            confidence: 0.5,
            evidence: hints.publicationDate ? `published ${hints.publicationDate}` : `page date ${hints.pageDate}`,
            reason: 'no issue date in the text; month of the publication date',
          }
        : null;
    },
  },
  // a "just issued" report with no dated schedule: issued after the latest date it reports
  {
    name: 'latest-reported',
    propose: ({ ctx, effective }) => {
      const { text, dates } = ctx;
      if (!/\bvừa\b/iu.test(text) || dates.some((d) => effective(d) && d.year)) return null;
      // (a document it cites may be months older: its date says little about this one's)
      const latest = dates
        .filter((d) => d.year && d.year >= 2019 && d.year <= 2023 && !numbersDate(ctx, d))
        .sort((a, b) => (a.iso! < b.iso! ? 1 : -1))[0];
      return latest
        ? {
            value: { iso: latest.iso!.slice(0, 7), source: 'inferred' },
            confidence: 0.35,
            evidence: latest.text,
            reason: `no issue date; month of the latest date the text reports (${latest.text})`,
          }
        : null;
    },
  },
];

// two readings agree when one is the other's month ("2021-11" and "2021-11-08")
const sameDay = (a: IssueDate | null, b: IssueDate | null): boolean =>
  !a || !b || a.iso.startsWith(b.iso) || b.iso.startsWith(a.iso);

export function extractDate(ctx: ExtractContext, ownHit: NumberHit | null): Extracted['date'] {
  const { text } = ctx;
  // a time the measures start ("từ 00 giờ ngày ...", "kể từ ngày ..."): the document precedes it
  const effective = (h: DateHit): boolean => EFFECTIVE_BEFORE.test(text.slice(Math.max(0, h.index - 20), h.index));
  const f = decide<Input, IssueDate | null>(
    RULES,
    { ctx, ownHit, effective },
    none(null, 'no issue date with a year found'),
    sameDay,
    (v) => v?.iso ?? 'none',
  );
  return { ...f, value: f.value?.iso ?? null, source: f.value?.source ?? null };
}
