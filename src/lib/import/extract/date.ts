/**
 * The issue date. Rules, in order: the dateline (dateline, month only: dateline-month); the
 * metadata table's "Ngày ban hành" (metadata-table); the date beside the own number
 * (own-number-sentence); a lead "Ngày D, <body> vừa ký …" (lead-sentence); an opening "Ngày D,
 * <body> …" (opening-date); the posting or page date's month (publication); the latest date a
 * "vừa …" report gives (latest-reported). A day and month without a year take it from inferYear.
 */
import type { ExtractContext } from './context.ts';
import { none, type Extracted } from './types.ts';
import { DATELINE, DATELINE_MONTH } from '../segment.ts';
import { inferYear, pad, type DateHit } from './dates.ts';
import { LEAD_ACT_ALL, BODY_ACT_ALL } from './type-words.ts';
import type { NumberHit } from './numbers.ts';
import { sentenceStart, sentenceEnd } from './text.ts';

export function extractDate(ctx: ExtractContext, ownHit: NumberHit | null): Extracted['date'] {
  const { seg, hints, text, folded, dates, numberHits, issuerHits } = ctx;
  // ---- date
  const dl = seg.dateline ? DATELINE.exec(seg.dateline) : null;
  const dlMonth = seg.dateline && !dl ? DATELINE_MONTH.exec(seg.dateline) : null;
  let date: Extracted['date'] = { ...none<string | null>(null, 'no issue date with a year found'), source: null };
  // a time the measures start ("từ 00 giờ ngày ...", "kể từ ngày ..."): the document precedes it
  const effective = (h: DateHit): boolean => /(giờ|\dh|\dh\d\d)\s*(?:\d+\s*)?(?:ngày\s*)?$|(kể từ|hiệu lực(?: từ)?|áp dụng từ|bắt đầu từ)\s+(?:ngày\s+)?$/iu.test(text.slice(Math.max(0, h.index - 20), h.index));
  const setDate = (h: DateHit, conf: number, evidence: string, rule: string): void => {
    const y = h.year ? { year: h.year, from: '' } : inferYear(h, dates, hints, effective, (x) => numberHits.some((n) => n.end <= x.index && x.index - n.end <= 14 && /^\s*,?\s*(?:ngày\s*)?$/iu.test(text.slice(n.end, x.index))));
    if (y === null) { date = { ...none<string | null>(null, `the issue date "${h.text}" has no year, and nothing near it gives one`), evidence, source: null }; return; }
    date = { value: `${y.year}-${pad(h.month)}-${pad(h.day)}`, confidence: h.year ? conf : Math.min(conf, 0.6), evidence, source: h.year ? 'document' : 'inferred', rule };
    if (!h.year) date.reason = `the text gives "${h.text}" without a year; the year ${y.year} is from ${y.from}`;
  };
  let found = false;
  if (dlMonth) {
    date = { value: `${dlMonth[3]}-${pad(+dlMonth[2]!)}`, confidence: 0.85, evidence: seg.dateline!, source: 'document', reason: 'the dateline gives the month only', rule: 'dateline-month' };
    found = true;
  } else if (dl) {
    date = { value: `${dl[4]}-${pad(+dl[3]!)}-${pad(+dl[2]!)}`, confidence: 0.95, evidence: seg.dateline!, source: 'document', rule: 'dateline' };
    found = true;
  } else if (seg.meta['Ngày ban hành'] && /(\d{1,2})\/(\d{1,2})\/(\d{4})/.test(seg.meta['Ngày ban hành'])) {
    const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(seg.meta['Ngày ban hành'])!;
    date = { value: `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`, confidence: 0.9, evidence: `Ngày ban hành: ${seg.meta['Ngày ban hành']}`, source: 'document', rule: 'metadata-table' };
    found = true;
  } else if (ownHit) {
    // "N ngày D", "N, ban hành ngày D", "N của UBND tỉnh ngày D"
    const after = dates.find((x) => x.index >= ownHit!.end && /^\s*,?\s*(?:của\s+[^,.;\d]{3,50}?\s*,?\s*)?(?:ban hành\s+)?(?:ngày\s*)?$/iu.test(text.slice(ownHit!.end, x.index)));
    const start = sentenceStart(text, ownHit.index);
    const before = dates.filter((x) => x.index >= start && x.end <= ownHit!.index && !effective(x)
      && !numberHits.some((n) => n.end <= x.index && x.index - n.end <= 12 && /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(n.end, x.index)))).at(0);
    const pick = after ?? before;
    if (pick) { setDate(pick, 0.9, text.slice(start, sentenceEnd(text, ownHit.end)).trim(), 'own-number-sentence'); found = true; }
  }
  if (!found) {
    // an act sentence without a number ("Chiều 3.9, ... vừa ký chỉ thị") or a lead "Ngày D, <issuer> ..."
    const subjectBefore = (at: number): boolean => {
      const start = sentenceStart(text, at);
      return issuerHits.some((h) => h.index >= start && h.end <= at && at - h.end <= 90 && h.weight >= 0 && h.body !== 'district');
    };
    // "Ngày 31/8, Thủ tướng Chính phủ đã ra Công điện": the centre's act dates the centre's document
    const centralSubject = (at: number): boolean => !subjectBefore(at) && /(thu tuong|chinh phu|bo y te|bo truong|ban chi dao quoc gia|trung uong|ban bi thu|bo chinh tri)/.test(folded.slice(sentenceStart(text, at), at));
    const leads = [...folded.matchAll(LEAD_ACT_ALL)].map((m) => m.index!)
      .concat([...folded.matchAll(BODY_ACT_ALL)].map((m) => m.index!).filter(subjectBefore))
      .filter((at) => !centralSubject(at))
      .sort((a, b) => a - b);
    for (const at of leads) {
      const start = sentenceStart(text, at);
      const d = dates.find((x) => x.index >= start && x.end <= at && !effective(x));
      if (d) { setDate(d, 0.75, text.slice(start, sentenceEnd(text, at)).trim(), 'lead-sentence'); found = true; break; }
    }
    if (!found) {
      for (const para of seg.body.slice(0, 4)) {
        const m = /^(ngày\s+\S+)\s*,\s*/iu.exec(para);
        if (!m) continue;
        const off = text.indexOf(para);
        const d = dates.find((x) => x.index >= off && x.index < off + m[0].length);
        const who = issuerHits.find((h) => h.index === off + m[0].length);
        if (d && who) {
          setDate(d, 0.6, para.slice(0, 120), 'opening-date');
          if (date.value) date.reason = 'the date of the meeting or event the text opens with; the document may be dated a little later';
          found = true;
          break;
        }
      }
    }
  }
  if (!found) {
    const pub = hints.publicationDate ?? hints.pageDate;
    if (pub) {
      date = { value: pub.slice(0, 7), confidence: 0.5, evidence: hints.publicationDate ? `published ${hints.publicationDate}` : `page date ${hints.pageDate}`, source: 'publication', rule: 'publication', reason: 'no issue date in the text; month of the publication date' };
    } else if (/\bvừa\b/iu.test(text) && !dates.some((d) => effective(d) && d.year)) {
      // a "just issued" report: issued after the latest date it reports
      const latest = dates.filter((d) => d.year && d.year >= 2019 && d.year <= 2023).sort((a, b) => (a.iso! < b.iso! ? 1 : -1))[0];
      if (latest) date = { value: latest.iso!.slice(0, 7), confidence: 0.35, evidence: latest.text, source: 'inferred', rule: 'latest-reported', reason: `no issue date; month of the latest date the text reports (${latest.text})` };
    }
  }

  return date;
}
