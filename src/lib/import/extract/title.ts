/**
 * Subject, title, summary, urgency and recipients. Title rules: the type title block (title-block),
 * the headline (headline, never chrome), the subject (subject), or one made from type, number and
 * issuer (composed).
 */
import { foldForMatch } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field, type Extracted } from './types.ts';
import type { Province } from '../../provinces.ts';
import type { DocTypeName } from '../../doc-types.ts';
import type { Issuer } from '../../issuers.ts';
import { LEAD_ACT, TYPE_ALT } from './type-words.ts';
import type { NumberHit } from './numbers.ts';
import { sentenceStart, sentenceEnd, fromCaps, capFirst, shorten } from './text.ts';

export function extractTitle(
  ctx: ExtractContext,
  f: {
    ownHit: NumberHit | null;
    number: Field<string | null>;
    docType: Field<DocTypeName | null>;
    issuer: Field<Issuer | null>;
    prov: Province | null;
  },
): Pick<Extracted, 'subject' | 'title' | 'summary' | 'urgency' | 'recipients' | 'publisher'> {
  const { seg, hints, text, folded } = ctx;
  const { ownHit, number, docType, issuer, prov } = f;
  const titleFolded = foldForMatch(seg.titleLines.join(' '));
  // ---- subject
  let subject: Field<string | null> = none(null);
  if (seg.subjectLine)
    subject = {
      value: seg.subjectLine.replace(/^V\/v\s*:?\s*/iu, '').trim(),
      confidence: 0.9,
      evidence: seg.subjectLine,
      rule: 'subject-line',
    };
  else if (seg.titleLines.length > 1) {
    const rest = seg.titleLines.slice(1).map(fromCaps).join(' ');
    const m = /(?:^|\s)(?:về việc|về|v\/v)\s+(.+)$/iu.exec(rest);
    subject = {
      value: (m ? m[1]! : rest).trim(),
      confidence: 0.8,
      evidence: seg.titleLines.join(' / '),
      rule: 'title-block',
    };
  } else {
    const anchor = ownHit
      ? ownHit.end
      : (() => {
          const m = LEAD_ACT.exec(folded);
          return m ? m.index! + m[0].length : -1;
        })();
    if (anchor >= 0) {
      const end = sentenceEnd(text, anchor);
      const tail = text.slice(anchor, end);
      const m = /(?:^|\s)(?:về việc|V\/v|về)\s+(.+)$/u.exec(tail);
      if (m) {
        // "… do tỉnh Quảng Nam ban hành": a legal database's title names the issuer at the end
        let s = m[1]!
          .replace(/\s+(?:gửi|tới)\s+.*$/u, '')
          .replace(/\s+do\s+[^,.;]{3,60}?\s+ban hành$/u, '')
          .replace(/[\s,.;:]+$/, '')
          .trim();
        if (/^[“"]/.test(s))
          s = s
            .replace(/^[“"]\s*/, '')
            .replace(/\s*[”“"]$/, '')
            .trim(); // a quoted subject
        if (s.length >= 8) subject = { value: s, confidence: 0.7, evidence: tail.trim(), rule: 'lead-sentence' };
      }
    }
  }

  // ---- urgency, recipients, publisher
  const urgencyF = foldForMatch(seg.urgencyLine ?? '');
  // the 30 characters before the own number (same slice as always: a negative start counts from the end)
  const beforeOwn = ownHit ? folded.slice(Math.max(0, ownHit.index - 45), ownHit.index) : '';
  const urgency: Extracted['urgency'] = /hoa toc/.test(urgencyF)
    ? 'Hỏa tốc'
    : /thuong khan/.test(urgencyF)
      ? 'Thượng khẩn'
      : /khan/.test(urgencyF)
        ? 'Khẩn'
        : /(cong )?dien khan\b/.test(titleFolded)
          ? 'Khẩn'
          : ownHit &&
              new RegExp(
                `(hoa toc|thuong khan|khan)\\s+(?:(?:${TYPE_ALT})\\s+)?(?:so\\s*:?\\s*)?$` +
                  `|(hoa toc|thuong khan|khan)\\s*(so\\s*)?$`,
              ).test(beforeOwn)
            ? /hoa toc/.test(beforeOwn)
              ? 'Hỏa tốc'
              : /thuong khan/.test(beforeOwn)
                ? 'Thượng khẩn'
                : 'Khẩn'
            : null;
  const recipients = [...seg.recipients];
  for (const d of seg.distribution) if (!recipients.includes(d)) recipients.push(d);
  const publisher = hints.publisher;

  // ---- title and summary
  let title: Field<string | null> = none(null);
  // "QUYẾT ĐỊNH" + "Về việc ..." read as one headline: "Quyết định về việc ..."
  // the subject continues the type word: "Về"/"Triển khai" -> "về"/"triển khai" (not a name: "Hà Nội")
  const continues = (l: string): string =>
    /^\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(l) ? l.charAt(0).toLowerCase() + l.slice(1) : l;
  if (seg.titleLines.length) {
    title = {
      value: capFirst(
        seg.titleLines
          .map(fromCaps)
          .map((l, i) => (i ? continues(l) : l))
          .join(' '),
      ),
      confidence: seg.titleLines.length > 1 ? 0.9 : 0.6,
      evidence: seg.titleLines.join(' / '),
      rule: 'title-block',
    };
    if (seg.titleLines.length === 1) title.reason = 'the title block gives only the type; add the subject';
  } else if (seg.databaseTitle) {
    // "Chỉ thị 24/CT-UBND năm 2021 về … do tỉnh Sơn La ban hành": the database's own title, without its tail
    title = {
      value: capFirst(
        fromCaps(seg.databaseTitle)
          .replace(/\s+do\s+[^,.;]{3,60}?\s+ban hành$/u, '')
          .replace(/\s+năm\s+(?:19|20)\d\d(?=\s)/u, ''),
      ),
      confidence: 0.85,
      evidence: seg.databaseTitle,
      rule: 'database-title',
    };
  } else if (seg.headline) title = { value: seg.headline, confidence: 0.85, evidence: seg.headline, rule: 'headline' };
  else if (subject.value)
    title = { value: capFirst(subject.value), confidence: 0.7, evidence: subject.evidence, rule: 'subject' };
  else if (docType.value && issuer.value) {
    const where = prov ? ` ${prov.name}` : '';
    title = {
      value: `${docType.value}${number.value ? ` ${number.value}` : ''} của ${issuer.value}${where}`,
      confidence: 0.6,
      evidence: null,
      rule: 'composed',
      reason: 'the text has no headline or title block; made from the type, number and issuer',
    };
  }
  let summary: string | null = null;
  if (ownHit && !seg.official) {
    const s = text.slice(sentenceStart(text, ownHit.index), sentenceEnd(text, ownHit.end)).trim();
    summary = shorten(s.replace(/^[,.\s]+/, '')) + (/[.…]$/.test(s) ? '' : '.');
  } else if (subject.value) {
    summary = `${capFirst(subject.value)}${/[.…]$/.test(subject.value) ? '' : '.'}`;
  } else {
    const first = seg.body.find((l) => l.length > 40);
    if (first) {
      const s = first.slice(0, sentenceEnd(first, 0) + 1).trim();
      summary = shorten(s);
    }
  }

  return { subject, title, summary, urgency, recipients, publisher };
}
