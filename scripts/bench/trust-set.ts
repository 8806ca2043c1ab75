/**
 * The trust set: queries of every kind over the generated corpus (scripts/bench/generated-corpus.ts),
 * each with what it must find, computed from how the corpus was made (its topics, provinces,
 * signers, numbers, urgency), never from the search's own answers. Asserted: the count of
 * found directives and that nothing else is called found, the first result, the heading of
 * partial matches, the "no such number" message and the directives listed as citing a number.
 */
import { provincesNowIn } from '../../src/lib/search/intent.ts';
import { FILLER, type GeneratedDoc, type Topic } from './generated-corpus.ts';

export type TrustKind =
  | 'topic'
  | 'spelling'
  | 'variant'
  | 'place'
  | 'person'
  | 'number'
  | 'number-missing'
  | 'cites'
  | 'urgency'
  | 'type'
  | 'issuer'
  | 'combined'
  | 'nothing'
  | 'partial';

export interface TrustQuery {
  q: string;
  kind: TrustKind;
  /** the directives every part of the query matches: the page's count is their number */
  found: (d: GeneratedDoc) => boolean;
  /** the first result is one of these (default: any found directive) */
  first?: (d: GeneratedDoc) => boolean;
  /** directives matching only part of the query are shown, under their heading */
  partial?: boolean;
  /** the number the page says the archive does not hold */
  missingNumber?: string;
  /** the directives listed as citing the number asked for */
  citing?: (d: GeneratedDoc) => boolean;
  /** send the query decomposed (NFD) */
  nfd?: boolean;
}

const has =
  (t: Topic) =>
  (d: GeneratedDoc): boolean =>
    d.topics.includes(t);
const inProvince =
  (...names: string[]) =>
  (d: GeneratedDoc): boolean =>
    names.includes(d.province);
const and =
  (...ps: ((d: GeneratedDoc) => boolean)[]) =>
  (d: GeneratedDoc): boolean =>
    ps.every((p) => p(d));
const none = (): boolean => false;
/** The 2025 province's name finds its own directives and those of the provinces merged into it. */
const nowIn = (name: string) => inProvince(...provincesNowIn(name));
/** The text holds the filler sentence containing these words. */
const filler =
  (words: string) =>
  (d: GeneratedDoc): boolean =>
    d.fillers.some((i) => FILLER[i]!.includes(words));
const or =
  (...ps: ((d: GeneratedDoc) => boolean)[]) =>
  (d: GeneratedDoc): boolean =>
    ps.some((p) => p(d));
const citesUbnd = (d: GeneratedDoc): boolean => d.cites.some((n) => n.includes('UBND'));
const PHU_THO_NOW = ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'];
const HCM_NOW = ['Thành phố Hồ Chí Minh', 'Bình Dương'];

/** The set over a generated corpus: some queries name its directives (numbers, signers). */
export function trustSet(docs: GeneratedDoc[]): TrustQuery[] {
  const pick = (pred: (d: GeneratedDoc) => boolean, what: string): GeneratedDoc => {
    const d = docs.find(pred);
    if (!d) throw new Error(`Trust set: the corpus has no directive that is ${what}`);
    return d;
  };
  const cited = pick((d) => docs.some((o) => o.cites.includes(d.number)), 'cited by another');
  const cv = pick((d) => d.number.endsWith('-CV/TU') && d.province === 'Nghệ An', 'a công văn of Nghệ An');
  const kh = pick((d) => d.number.includes('/KH-UBND'), 'a kế hoạch');
  const cd = pick((d) => d.number.includes('/CĐ-UBND') && d.province === 'Hải Phòng', 'a công điện of Hải Phòng');
  const signers = [...new Set(docs.map((d) => d.signer))].slice(0, 60).filter((_, i) => i % 12 === 0);
  const cvSerials = docs.filter((d) => d.number.endsWith('-CV/TU')).map((d) => Number.parseInt(d.number, 10));
  const missing = `${Math.max(...cvSerials) + 7}-CV/TU`;

  return [
    // Topics, typed with and without diacritics: "giãn" is not "gian" (thời gian), "cách" is not "cách ly"
    { q: 'giãn cách xã hội', kind: 'topic', found: has('giancach') },
    { q: 'gian cach xa hoi', kind: 'topic', found: has('giancach') },
    { q: 'vắc xin', kind: 'topic', found: has('vaccine') },
    { q: 'F0 tại nhà', kind: 'topic', found: has('f0home') },
    { q: 'f0 tai nha', kind: 'topic', found: has('f0home') },
    { q: 'test nhanh kháng nguyên', kind: 'topic', found: has('testnhanh') },
    { q: 'đi chợ bằng phiếu', kind: 'topic', found: has('phieucho') },
    { q: 'học sinh đi học trực tiếp', kind: 'topic', found: has('school') },
    { q: 'Tết Nguyên đán', kind: 'topic', found: has('tet') },
    { q: 'phong tỏa', kind: 'topic', found: has('phongtoa') },
    { q: 'Tổ COVID cộng đồng', kind: 'topic', found: has('tocovid') },
    // What people type: spellings, loanwords, misspellings, old tone placement, NFD, invisible and
    // look-alike characters
    { q: 'giản cách', kind: 'spelling', found: has('giancach') },
    { q: 'phong toả', kind: 'spelling', found: has('phongtoa') },
    { q: 'phong tỏa', kind: 'spelling', found: has('phongtoa'), nfd: true },
    { q: 'giã\u200bn cách', kind: 'spelling', found: has('giancach') },
    { q: 'tổ\u200d covid cộng đồng', kind: 'spelling', found: has('tocovid') },
    { q: '𝐯𝐚𝐜𝐜𝐢𝐧𝐞', kind: 'spelling', found: has('vaccine') },
    { q: 'vaccine', kind: 'variant', found: has('vaccine') },
    { q: 'vac xin', kind: 'variant', found: has('vaccine') },
    { q: 'vi rút', kind: 'variant', found: has('virus') },
    { q: 'virus', kind: 'variant', found: has('virus') },
    { q: 'vi rut', kind: 'variant', found: has('virus') },
    {
      q: 'covid19',
      kind: 'variant',
      found: (d) => d.style === 'news' || has('vaccine')(d) || has('virus')(d) || has('tocovid')(d),
    },
    {
      q: 'SARS-CoV-2',
      kind: 'variant',
      found: (d) => d.style === 'news' || has('vaccine')(d) || has('virus')(d) || has('tocovid')(d),
    },
    { q: 'TP.HCM', kind: 'variant', found: inProvince(...HCM_NOW), first: inProvince('Thành phố Hồ Chí Minh') },
    { q: 'TPHCM', kind: 'variant', found: inProvince(...HCM_NOW), first: inProvince('Thành phố Hồ Chí Minh') },
    { q: 'Sài Gòn', kind: 'variant', found: inProvince(...HCM_NOW), first: inProvince('Thành phố Hồ Chí Minh') },
    { q: 'CT16', kind: 'variant', found: none, missingNumber: 'CT16', citing: has('giancach') },
    { q: 'Chỉ thị 16', kind: 'variant', found: none, missingNumber: 'Chỉ thị 16', citing: has('giancach') },
    // Places: whole names, the 2025 provinces
    { q: 'Hà Nam', kind: 'place', found: inProvince('Hà Nam') },
    { q: 'ha nam', kind: 'place', found: inProvince('Hà Nam') },
    { q: 'Hà Nội', kind: 'place', found: inProvince('Hà Nội') },
    { q: 'Quảng Bình', kind: 'place', found: inProvince('Quảng Bình') },
    { q: 'Thanh Hóa', kind: 'place', found: inProvince('Thanh Hóa') },
    { q: 'Khánh Hoà', kind: 'place', found: inProvince('Khánh Hòa') },
    { q: 'Hòa Bình', kind: 'place', found: inProvince('Hòa Bình') },
    { q: 'Phú Thọ', kind: 'place', found: inProvince(...PHU_THO_NOW) },
    // typed without diacritics, "dien bien" is also "diễn biến": found, the province's directives first
    {
      q: 'dien bien',
      kind: 'place',
      found: or(inProvince('Điện Biên'), filler('diễn biến')),
      first: inProvince('Điện Biên'),
    },
    { q: 'Điện Biên', kind: 'place', found: inProvince('Điện Biên') },
    { q: 'Hải Phòng', kind: 'place', found: nowIn('Hải Phòng'), first: inProvince('Hải Phòng') },
    // People
    ...signers.map((name): TrustQuery => ({ q: name, kind: 'person', found: (d) => d.signer === name })),
    // Document numbers, typed several ways; the directive carrying it, those citing it after
    {
      q: cited.number,
      kind: 'number',
      found: (d) => d.number === cited.number,
      citing: (d) => d.cites.includes(cited.number),
    },
    {
      q: cv.number.replace('-CV/TU', '/CV-TU'),
      kind: 'number',
      found: (d) => d.number === cv.number,
      citing: (d) => d.cites.includes(cv.number),
    },
    {
      q: `công văn ${Number.parseInt(cv.number, 10)}`,
      kind: 'number',
      found: (d) => d.number === cv.number,
      citing: (d) => d.cites.includes(cv.number),
    },
    { q: kh.number, kind: 'number', found: (d) => d.number === kh.number, citing: (d) => d.cites.includes(kh.number) },
    { q: `${cd.number} hải phòng`, kind: 'number', found: (d) => d.number === cd.number },
    // Numbers the archive does not hold: said plainly; the directives citing a national one listed as citing it
    { q: missing, kind: 'number-missing', found: none, missingNumber: missing },
    { q: '17/CT-TTg', kind: 'number-missing', found: none, missingNumber: '17/CT-TTg' },
    {
      q: '16/CT-TTg',
      kind: 'cites',
      found: none,
      missingNumber: '16/CT-TTg',
      citing: (d) => d.cites.includes('16/CT-TTg'),
    },
    { q: 'giãn cách 17/CT-TTg', kind: 'cites', found: none, missingNumber: '17/CT-TTg', partial: true },
    // Urgency: "hỏa tốc" is not Thanh Hóa, Khánh Hòa or xã hội hóa
    { q: 'hỏa tốc', kind: 'urgency', found: (d) => d.urgency === 'Hỏa tốc' },
    { q: 'hoả tốc', kind: 'urgency', found: (d) => d.urgency === 'Hỏa tốc' },
    { q: 'thượng khẩn', kind: 'urgency', found: (d) => d.urgency === 'Thượng khẩn' },
    { q: 'công điện hỏa tốc', kind: 'urgency', found: (d) => d.urgency === 'Hỏa tốc' },
    // A type word favours that type
    {
      q: 'chỉ thị giãn cách',
      kind: 'type',
      found: has('giancach'),
      first: (d) => d.docType === 'Chỉ thị' && has('giancach')(d),
    },
    { q: 'kế hoạch tiêm vắc xin', kind: 'type', found: and(has('vaccine'), (d) => d.docType === 'Kế hoạch') },
    // Issuers, abbreviated or in full
    // (a directive citing "…/UBND-VX" holds the word UBND too)
    {
      q: 'UBND tỉnh Thanh Hóa',
      kind: 'issuer',
      found: and(
        inProvince('Thanh Hóa'),
        or((d) => d.issuer === 'UBND tỉnh', citesUbnd),
      ),
      first: (d) => d.issuer === 'UBND tỉnh',
    },
    {
      q: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      kind: 'issuer',
      found: and(
        inProvince('Thanh Hóa'),
        or((d) => d.issuer === 'UBND tỉnh', citesUbnd),
      ),
      first: (d) => d.issuer === 'UBND tỉnh',
    },
    // Combined
    { q: 'giãn cách Hải Phòng', kind: 'combined', found: and(has('giancach'), nowIn('Hải Phòng')) },
    { q: 'vắc xin Thanh Hóa', kind: 'combined', found: and(has('vaccine'), inProvince('Thanh Hóa')) },
    { q: 'F0 tại nhà Đà Nẵng', kind: 'combined', found: and(has('f0home'), inProvince('Đà Nẵng')) },
    // Nothing to find, and partial matches under their own heading
    { q: 'sân bay Nội Bài', kind: 'nothing', found: none, partial: true },
    { q: 'xyzqw', kind: 'nothing', found: none, partial: false },
    { q: 'tiêm vắc xin mũi 5', kind: 'partial', found: none, partial: true, first: has('vaccine') },
    { q: 'phong tỏa sân bay', kind: 'partial', found: none, partial: true, first: has('phongtoa') },
    { q: 'học sinh trực tiếp Hà Nam xyzqw', kind: 'partial', found: none, partial: true },
  ];
}
