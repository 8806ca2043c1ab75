/**
 * The issuing body. The subject of the sentence that issues the own number; the header and the
 * authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"); the signature's "T/M …"; the number's
 * symbol (TU: Party; UBND: state); Party bodies refined by who speaks ("Thường trực Tỉnh ủy yêu cầu").
 */
import { foldForMatch } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { parseDocNumber } from '../../doc-number.ts';
import { findProvince } from '../../provinces.ts';
import { ISSUERS, type Issuer } from '../../issuers.ts';
import { STATE_BODIES, type Body, type IssuerHit } from './issuer-hits.ts';
import type { NumberHit } from './numbers.ts';
import { sentenceStart } from './text.ts';

// The Office's own header: "VĂN PHÒNG UBND TỈNH X" on one line, or the committee above the
// Office, as official layouts print it ("UBND TỈNH HẬU GIANG" / "VĂN PHÒNG", the province on a
// line of its own or not)
const OFFICE_HEADER = new RegExp(
  String.raw`(^|\n)van phong (ubnd|uy ban nhan dan)|(^|\n)(ubnd|uy ban nhan dan)\b[^\n]*\n` +
    String.raw`(?:(?:tinh|thanh pho|tp)\b[^\n]*\n)?(?:[-*_=\s]*\n)*van phong(?=\s*(?:\n|$|\||\s\s|cong hoa|doc lap))`,
);

export interface IssuerResult {
  issuer: Field<Issuer | null>;
  issuerHit: IssuerHit | null;
  committeeWord: 'Tỉnh ủy' | 'Thành ủy' | null;
  stateLevel: 'tỉnh' | 'thành phố' | null;
}

/**
 * A header line naming a body below the province: a district, town or commune, or a city that is not one
 * of the five.
 */
export function isDistrictHeader(line: string): boolean {
  const f = foldForMatch(line);
  if (
    /^(?:ubnd|uy ban nhan dan|hoi dong nhan dan|hdnd)?\s*(?:huyen|quan|thi xa|xa|phuong|thi tran)\s+\S/.test(f) &&
    !/tinh|thanh pho/.test(f.split(/\s+/).slice(0, 2).join(' '))
  )
    return true;
  if (/^(?:huyen uy|quan uy|thi uy|dang uy (?:xa|phuong|thi tran))\b/.test(f)) return true;
  const city = /^(?:ubnd|uy ban nhan dan)?\s*(?:thanh pho|tp\.?)\s+(.+)$/.exec(f) ?? /^thanh uy\s+(.+)$/.exec(f);
  return Boolean(city && !findProvince(city[1]!));
}

export function extractIssuer(
  ctx: ExtractContext,
  number: Field<string | null>,
  ownHit: NumberHit | null,
): IssuerResult {
  const { seg, text, issuerHits, warnings } = ctx;
  const headerText = seg.header.join('\n');
  const headerFolded = seg.header.map(foldForMatch).join('\n');
  // the authority in the header ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), or a telegram's sender line
  // under its title ("CHỦ TỊCH UBND TỈNH ĐỒNG NAI điện:"): the Chairman issues in his own name
  const chairIssues = [headerFolded, foldForMatch(seg.senderLine ?? '')].some((f) =>
    /(^|\n)chu tich (ubnd|uy ban nhan dan)/.test(f),
  );
  let issuer: Field<Issuer | null> = none(null, 'no issuing body found');
  let issuerHit: IssuerHit | null = null;
  // the subject of the sentence that issues the own number
  if (ownHit) {
    const start = sentenceStart(text, ownHit.index);
    const inSentence = issuerHits.filter((h) => h.index >= start && h.end <= ownHit!.index && h.weight >= 0);
    const last = inSentence[inSentence.length - 1];
    if (last) {
      last.weight += 8;
      issuerHit = last;
    }
    // "<type> N ngày D của <issuer>" in a headline
    const after = issuerHits.find(
      (h) =>
        h.index >= ownHit!.end &&
        h.index - ownHit!.end < 30 &&
        /^\s*(?:,?\s*ngày\s+[\d/.-]+\s*)?của\s+$/iu.test(text.slice(ownHit!.end, h.index)),
    );
    if (after) {
      after.weight = Math.max(after.weight, 0) + 8;
      issuerHit ??= after;
    }
  }
  // header, signature "T/M ..." and title "... CỦA BAN THƯỜNG VỤ TỈNH ỦY"

  const sigRoles = foldForMatch((seg.signature?.roles ?? []).join(' '));
  const titleFolded = foldForMatch(seg.titleLines.join(' '));
  const partyVoice = (b: Body, w: number): void => {
    for (const h of issuerHits) if (h.body === b && h.weight >= 0) h.weight += w;
  };
  if (/(t\/m|tm\.?)\s+ban thuong vu/.test(sigRoles) || /cua ban thuong vu/.test(titleFolded)) partyVoice('btv', 5);
  if (/(t\/m|tm\.?)\s+thuong truc/.test(sigRoles) || /cua thuong truc/.test(titleFolded)) partyVoice('tt', 5);
  if (/(t\/m|tm\.?)\s+ban chap hanh/.test(sigRoles)) partyVoice('bch', 5);
  // the issuing body named in the header ("THƯỜNG TRỰC TỈNH ỦY BÀ RỊA - VŨNG TÀU")
  if (/ban thuong vu/.test(headerFolded)) partyVoice('btv', 6);
  if (/thuong truc (tinh|thanh) uy/.test(headerFolded)) partyVoice('tt', 6);
  if (/ban chap hanh/.test(headerFolded)) partyVoice('bch', 6);

  if (issuerHit?.body === 'district') {
    warnings.push({
      code: 'not-provincial',
      message: `issued by a district or commune body ("${issuerHit.text.trim()}"), not a provincial one.`,
    });
  }
  const headerParty = /(tinh|thanh) uy/.test(headerFolded);
  const ownCodes = number.value ? (parseDocNumber(number.value)?.codes ?? []) : [];
  const headerBcd = /ban chi dao/.test(headerFolded);
  const headerHdnd = /hoi dong nhan dan|hdnd/.test(headerFolded) || ownCodes.includes('HDND');
  const headerState = /uy ban nhan dan|ubnd/.test(headerFolded) || headerBcd || headerHdnd;
  // a legal database's "Nơi ban hành: Tỉnh Quảng Nam" (its name for the provincial People's Committee)
  const metaFolded = foldForMatch(seg.meta['Cơ quan ban hành'] ?? seg.meta['Nơi ban hành'] ?? '');
  const metaParty = /(tinh|thanh) uy/.test(metaFolded);
  const metaState: Body | null =
    !metaFolded || metaParty
      ? null
      : /chu tich/.test(metaFolded)
        ? 'ct'
        : /van phong/.test(metaFolded)
          ? 'vp'
          : /ban chi dao/.test(metaFolded)
            ? 'bcd'
            : /^(tinh|thanh pho|tp\.?)\s|uy ban nhan dan|ubnd/.test(metaFolded)
              ? 'ubnd'
              : null;
  let branch: 'party' | 'state' | null = null;
  // a district's or commune's own header ("UBND HUYỆN CẦN GIỜ", "HUYỆN ỦY …", "UBND THÀNH PHỐ BIÊN HÒA")
  const districtHeader = seg.header.find((h) => isDistrictHeader(h));
  if (districtHeader) {
    warnings.push({
      code: 'not-provincial',
      message: `the header names a district or commune body ("${districtHeader}"), not a provincial one.`,
    });
    const out: IssuerResult = {
      issuer: none(null, 'issued by a district or commune body; the archive holds provincial directives'),
      issuerHit: null,
      committeeWord: null,
      stateLevel: null,
    };
    return out;
  }
  if (issuerHit?.body === 'district') branch = null;
  else if (ownCodes.includes('TU')) branch = 'party';
  else if (ownCodes.some((c) => /UBND$|^HDND$/.test(c))) branch = 'state';
  else if (issuerHit) branch = STATE_BODIES.has(issuerHit.body) ? 'state' : 'party';
  else if (headerState) branch = 'state';
  else if (headerParty) branch = 'party';
  else if (metaState) branch = 'state';
  else if (metaParty) branch = 'party';
  else {
    const best = [...issuerHits].filter((h) => h.weight > 0).sort((a, b) => b.weight - a.weight)[0];
    if (best) branch = STATE_BODIES.has(best.body) ? 'state' : 'party';
  }

  let symbolReason: string | null = null;
  let committeeWord: 'Tỉnh ủy' | 'Thành ủy' | null = null;
  let stateLevel: 'tỉnh' | 'thành phố' | null = null;
  if (branch === 'party') {
    const party = issuerHits.filter((h) => h.committee && h.weight > 0);
    committeeWord =
      issuerHit?.committee ??
      party.sort((a, b) => b.weight - a.weight)[0]?.committee ??
      (/thanh uy/.test(headerFolded) ? 'Thành ủy' : 'Tỉnh ủy');
    // the most specific body that speaks for the document wins over the bare committee
    const specific = party.filter((h) => h.body !== 'cap');
    const sum = new Map<Body, number>();
    for (const h of specific) sum.set(h.body, (sum.get(h.body) ?? 0) + h.weight);
    const ranked = [...sum.entries()].sort((a, b) => b[1] - a[1]);
    const body =
      ranked.length && ranked[0]![1] >= 2
        ? ranked[0]![0]
        : issuerHit && issuerHit.body !== 'cap' && issuerHit.committee
          ? issuerHit.body
          : 'cap';
    const prefix =
      body === 'btv' ? 'Ban Thường vụ ' : body === 'tt' ? 'Thường trực ' : body === 'bch' ? 'Ban Chấp hành ' : '';
    const ev = (specific.find((h) => h.body === body) ?? issuerHit ?? party[0])?.text ?? (headerText || null);
    // the document speaks as this body ("Thường trực Tỉnh ủy yêu cầu") and its symbol is a Party one
    const conf =
      issuerHit || ranked.length
        ? ranked.length && ranked[0]![1] >= 5
          ? 0.9
          : issuerHit
            ? 0.85
            : ownCodes.includes('TU')
              ? 0.8
              : 0.65
        : ownCodes.includes('TU')
          ? 0.55
          : 0.6;
    issuer = {
      value: `${prefix}${committeeWord}` as Issuer,
      confidence: conf,
      evidence: ev,
      rule: issuerHit ? 'own-number-sentence' : ranked.length ? 'voice' : headerParty ? 'header' : 'symbol',
    };
  } else if (branch === 'state') {
    const state = issuerHits.filter((h) => STATE_BODIES.has(h.body) && h.weight > 0);
    let chosen = issuerHit && STATE_BODIES.has(issuerHit.body) && !headerHdnd ? issuerHit : null;
    let conf = chosen ? 0.9 : 0.6;
    let actedBy: IssuerHit | null = null;
    if (!chosen && headerState) {
      conf = 0.9;
    } else if (!chosen && ownCodes.includes('CTUBND')) {
      conf = 0.7;
    } else if (!chosen) {
      chosen = state.sort((a, b) => b.weight - a.weight)[0] ?? null;
      // the subject of an act ("Chủ tịch UBND tỉnh X … ký Chỉ thị"), not only a voice ("UBND tỉnh yêu cầu")
      if (chosen && chosen.weight >= 5) {
        conf = 0.85;
        actedBy = chosen;
      }
    }
    let body: Body = chosen?.body ?? (ownCodes.includes('CTUBND') ? 'ct' : 'ubnd');
    // the header names the authority: "CHỦ TỊCH UBND TỈNH X" issues in the Chairman's own name
    if (!chosen && headerState) {
      body = headerHdnd
        ? 'hdnd'
        : headerBcd
          ? 'bcd'
          : chairIssues
            ? 'ct'
            : OFFICE_HEADER.test(headerFolded)
              ? 'vp'
              : 'ubnd';
    }
    // one person is often both Chairman and head of the steering committee ("Chủ tịch UBND tỉnh, Trưởng
    // Ban Chỉ đạo … ký Công văn số N/UBND-KGVX"): the symbol says which body's document it is
    if (body === 'bcd' && ownCodes[0] && /^(UBND|CTUBND)$/.test(ownCodes[0]) && !headerBcd) {
      const start = ownHit ? sentenceStart(text, ownHit.index) : 0;
      const chair = issuerHits.some((h) => h.body === 'ct' && h.index >= start && (!ownHit || h.end <= ownHit.index));
      body = ownCodes[0] === 'CTUBND' || chair ? 'ct' : 'ubnd';
      conf = Math.min(conf, 0.7);
      symbolReason =
        `the text names the steering committee, but the number's symbol (${number.value}) is the ` +
        `People's Committee's`;
    }
    const byMeta = metaState && !headerState && chosen !== issuerHit;
    if (byMeta) {
      body = metaState;
      conf = 0.85;
      chosen = null;
    }
    stateLevel =
      chosen?.level ?? (/thanh pho/.test(headerFolded) || /^thanh pho/.test(metaFolded) ? 'thành phố' : 'tỉnh');
    const name =
      body === 'ct'
        ? `Chủ tịch UBND ${stateLevel}`
        : body === 'bcd'
          ? `Ban Chỉ đạo phòng, chống dịch ${stateLevel}`
          : body === 'vp'
            ? `Văn phòng UBND ${stateLevel}`
            : body === 'hdnd'
              ? `HĐND ${stateLevel}`
              : `UBND ${stateLevel}`;
    issuer = {
      value: name as Issuer,
      confidence: conf,
      evidence: byMeta
        ? `Nơi ban hành: ${seg.meta['Cơ quan ban hành'] ?? seg.meta['Nơi ban hành']}`
        : (chosen?.text ?? (headerText || number.value)),
      rule: byMeta
        ? 'metadata-table'
        : chosen === issuerHit && chosen
          ? 'own-number-sentence'
          : chosen && chosen === actedBy
            ? 'lead-sentence'
            : chosen
              ? 'voice'
              : headerState
                ? chairIssues
                  ? 'authority-line'
                  : 'header'
                : 'symbol',
    };
  }

  if (symbolReason && issuer.value) issuer.reason = symbolReason;
  if (issuerHit?.body === 'district')
    issuer.reason = 'issued by a district or commune body; the archive holds provincial directives';
  // a plain reason for every doubt: which evidence the body was read from
  if (issuer.value && issuer.confidence < 0.7 && !issuer.reason) {
    issuer.reason =
      issuer.rule === 'voice'
        ? `read from who speaks in the text ("${(issuer.evidence ?? '').slice(0, 60)}"), not from a sentence ` +
          `that issues the document`
        : issuer.rule === 'symbol'
          ? `read from the number's symbol only (${number.value ?? 'no number'}); the text does not name the ` +
            `body that issued it`
          : 'the text names the body only loosely';
  }
  // the one list of issuers: a name outside it is not a value
  if (issuer.value && !(ISSUERS as readonly string[]).includes(issuer.value))
    issuer = none(null, `"${issuer.value}" is not an issuer of the archive`);

  return { issuer, issuerHit, committeeWord, stateLevel };
}
