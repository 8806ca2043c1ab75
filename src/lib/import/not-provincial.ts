/**
 * A file that is clearly not a provincial directive says so, instead of a bare "not found":
 * a national document (its own number or header is a central body's), a district's or commune's
 * document, or a news digest that lists many items.
 */
import { foldForMatch, foldKeepLength } from '../vietnamese.ts';
import { parseDocNumber } from '../doc-number.ts';
import { NATIONAL_ISSUERS, isNationalCode } from '../national-issuers.ts';
import type { Extracted } from './extract.ts';
import type { Segmented } from './segment.ts';

const NATIONAL_HEADER = new RegExp(
  '^(thu tuong chinh phu|chinh phu|van phong chinh phu|bo [a-z ,-]{2,40}' +
    '|ban chi dao quoc gia.*|ban chap hanh trung uong|ban bi thu|quoc hoi' +
    '|uy ban thuong vu quoc hoi)$',
);
const CENTRAL_ACT = new RegExp(
  String.raw`(?:^|[,.;]\s*)(bo [a-z ,-]{2,40}?|thu tuong chinh phu|chinh phu|van phong chinh phu` +
    String.raw`|ban chi dao quoc gia[a-z ,-]*?|ban bi thu|bo chinh tri)\s+(?:da |vua |moi )?` +
    String.raw`(?:ban hanh|co|ra|gui|ky)\s+(?:cong van|cong dien|chi thi|quyet dinh|nghi quyet` +
    '|thong bao|huong dan|ke hoach|van ban|thong tu|nghi dinh)',
);
const DIGEST = /^(?:tong hop|diem tin|ban tin|tin tong hop|diem bao|diem lai)\b|\btrong tuan\s*\(tu ngay/;

/** What a file that is no provincial directive looks like instead. */
export type NotProvincialKind = 'national' | 'department' | 'district' | 'digest';

// How each note opens: notProvincialKind reads the kind back from the note alone (the import's
// results carry the note, and scripts/new.ts says it in Vietnamese).
const OPENING: Record<NotProvincialKind, string> = {
  national: 'This looks like a national document',
  department: "This looks like a provincial department's document",
  district: "This looks like a district's or commune's document",
  digest: 'This looks like a news digest',
};
const NOT_OURS = 'not a provincial directive; the archive holds what provinces issued.';
const nationalNote = (why: string): string => `${OPENING.national} (${why}), ${NOT_OURS}`;

/** The kind of a note notProvincial wrote, or null for any other text. */
export function notProvincialKind(note: string): NotProvincialKind | null {
  return (Object.keys(OPENING) as NotProvincialKind[]).find((k) => note.startsWith(OPENING[k])) ?? null;
}

export function notProvincial(x: Extracted, seg: Segmented): string | null {
  const codes = x.number.value ? (parseDocNumber(x.number.value)?.codes ?? []) : [];
  const national = codes.find(isNationalCode);
  if (national && x.number.rule !== 'option') {
    return nationalNote(`${x.number.value}${NATIONAL_ISSUERS[national] ? `, ${NATIONAL_ISSUERS[national]}` : ''}`);
  }
  const header = seg.header.map(foldForMatch).find((h) => NATIONAL_HEADER.test(h) && !/tinh|thanh pho/.test(h));
  if (header && !seg.header.some((h) => /tỉnh|thành phố|tỉnh ủy|thành ủy/iu.test(h))) {
    return nationalNote(`its header names "${header}"`);
  }
  // no provincial issuer, and the opening sentence has a central body issuing: "Bộ Y tế ban hành Công văn …"
  // (a text with no headline opens with its first paragraph: no space before it, or "^" misses it)
  const opening = [seg.headline ?? '', ...seg.body.slice(0, 2)]
    .filter(Boolean)
    .join(' ')
    .slice(0, 400)
    .normalize('NFC');
  const central = CENTRAL_ACT.exec(foldKeepLength(opening));
  if (!x.issuer.value && central) {
    const who = opening.substr(central.index + central[0].indexOf(central[1]!), central[1]!.length);
    return nationalNote(`the text reports that ${who} issued it`);
  }
  // a department's own document ("456/SYT-NV" of the Sở Y tế): the archive holds its committees' directives
  const department = codes.find((c) => /^S[A-Z]{2,6}$/.test(c));
  if (!x.issuer.value && department) {
    return (
      `${OPENING.department} (${x.number.value}, a "Sở" symbol), not one of ` +
      `the province's Party committee or People's Committee; if one of them issued it, give --issuer.`
    );
  }
  if (x.issuer.reason?.includes('district')) {
    return `${OPENING.district}, ${NOT_OURS} If the province issued it, give --issuer and --province.`;
  }
  if (DIGEST.test(foldForMatch(seg.headline ?? '')) || DIGEST.test(foldForMatch(seg.body.slice(0, 2).join(' ')))) {
    return (
      `${OPENING.digest} covering several items, not one directive; import the page or text of ` +
      'the directive itself, or give the missing fields as options.'
    );
  }
  return null;
}
