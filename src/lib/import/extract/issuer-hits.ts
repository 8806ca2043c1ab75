/**
 * Every mention of a provincial body (Party committee, People's Committee, its Chairman, Office,
 * Steering Committee, a district's committee), weighted by what the sentence says it does.
 */
import { foldForMatch, normalizeVietnamese } from '../../vietnamese.ts';
import type { Province } from '../../provinces.ts';
import { TYPE_ALT } from './type-words.ts';
import { provinceAt } from './places.ts';

// ---------------------------------------------------------------- issuers

export type Body = 'btv' | 'tt' | 'bch' | 'cap' | 'ubnd' | 'ct' | 'bcd' | 'vp' | 'hdnd' | 'district';
export const STATE_BODIES: ReadonlySet<Body> = new Set<Body>(['ubnd', 'ct', 'bcd', 'vp', 'hdnd']);
export interface IssuerHit {
  index: number;
  end: number;
  body: Body;
  committee: 'Tỉnh ủy' | 'Thành ủy' | null;
  level: 'tỉnh' | 'thành phố' | null;
  place: Province | null;
  weight: number;
  text: string;
}

export const PARTY_RE = /(?:(ban thường vụ|ban chấp hành|thường trực)\s+)?(tỉnh ủy|thành ủy)/giu;
// ("Ủy ban nhân tỉnh": a report that drops "dân" still names the People's Committee)
export const STATE_RE = new RegExp(
  String.raw`(?:(chủ tịch)\s+)?(ubnd|ủy ban nhân dân|ủy ban nhân(?=\s+(?:tỉnh|thành phố)))` +
    String.raw`(?:\s+(tỉnh|thành phố|tp\.?))?`,
  'giu',
);
export const BCD_RE = /ban chỉ đạo (?:phòng[,\s-]*chống)[^.;\n]{0,40}?(tỉnh|thành phố)(?![\p{L}])/giu;
export const VP_RE = /văn phòng (?:ubnd|ủy ban nhân dân)\s+(tỉnh|thành phố|tp\.?)/giu;
export const EXCLUDE_BEFORE = new RegExp(
  '(?:trước|báo cáo|về|đến|gửi|cho|với|của|theo|tham mưu|xin ý kiến|ủy viên|trực thuộc' +
    '|kính gửi|như|văn phòng|ban tuyên giáo|ủy ban kiểm tra|bí thư|phó bí thư|chánh văn phòng' +
    String.raw`|trưởng ban|ban cán sự đảng|bcs đảng|đảng đoàn|các|và|phó|cấp|nghe)\s*` +
    String.raw`(?:(?:thường trực|ban thường vụ)(?:\s+(?:tỉnh|thành)\s+ủy)?\s*(?:,|và)\s*)?$`,
  'iu',
);
export const DOC_AFTER = new RegExp(
  `^\\s*,?(?:\\s+(?:vua|da|moi|cung|tiep tuc|chinh thuc))*\\s+(?:ban hanh|co|ra|ky|ky ban hanh|phat hanh|gui)\\s+` +
    `(?:(?:hoa toc|thuong khan|khan)\\s+)?(?:${TYPE_ALT})\\b`,
);
/** "…, Chủ tịch UBND tỉnh Vĩnh Long, đã ký": a person's name or a comma between the body and its act */
export const NAME_AFTER = new RegExp(
  String.raw`^\s*,?\s*(?:(?:ông|bà|đồng chí)\s+)?(?:[\p{Lu}][\p{Ll}’']*\s+){1,4}[\p{Lu}][\p{Ll}’']*` +
    String.raw`(?=\s*,?\s+\p{Ll})|^\s*,(?=\s+\p{Ll})`,
  'u',
);
export const VOICE_AFTER = new RegExp(
  String.raw`^(?:\s+\S+){0,3}?(?:\s+(?:vua|da|cung|tiep tuc|co ban))*\s+` +
    '(?:yeu cau|chi dao|de nghi|ket luan|quyet dinh|luu y|giao|nhan manh|thong nhat|nhat tri' +
    String.raw`|hop|dong y|chu truong|quan triet|keu goi|huong dan|chi thi)\b`,
);

export function placeAfter(
  text: string,
  folded: string,
  end: number,
  levelAt = -1,
): { place: Province | null; end: number } {
  const m = /^\s+((?:tỉnh|thành phố|tp\.?)\s*)?/iu.exec(text.slice(end));
  const start = end + (m ? m[0].length : 0);
  // "UBND TP.HCM": the level word belongs to the place's own spelling
  const p = provinceAt(text, folded, start) ?? (levelAt >= 0 ? provinceAt(text, folded, levelAt) : null);
  return p ? { place: p.province, end: Math.max(p.end, end) } : { place: null, end };
}

/** A "thành phố" whose place is a province led by a Tỉnh ủy: a city inside it (Vị Thanh, Lào Cai), district level. */
const cityInProvince = (place: Province | null): boolean => Boolean(place && place.partyCommittee === 'Tỉnh ủy');

export function findIssuers(text: string, folded: string): IssuerHit[] {
  const out: IssuerHit[] = [];
  // a district's or city's own body: never a provincial issuer, but it tells the text is not the province's
  const districtHit = (index: number, end: number, shown = text.slice(index, end)): IssuerHit => ({
    index,
    end,
    body: 'district',
    committee: null,
    level: null,
    place: null,
    weight: 0,
    text: shown,
  });
  const norm = normalizeVietnamese(text);
  for (const m of norm.matchAll(PARTY_RE)) {
    const word = m[2]!;
    if (!/^[\p{Lu}]/u.test(word)) continue; // "các huyện, thị, thành ủy": district committees
    if (/^\s*viên/u.test(norm.slice(m.index! + m[0].length))) continue; // "Tỉnh ủy viên"
    const pre = foldForMatch(m[1] ?? '');
    const body: Body =
      pre === 'ban thuong vu' ? 'btv' : pre === 'thuong truc' ? 'tt' : pre === 'ban chap hanh' ? 'bch' : 'cap';
    const committee = foldForMatch(word) === 'tinh uy' ? 'Tỉnh ủy' : 'Thành ủy';
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length);
    // "Thành ủy Vị Thanh" in a province led by a Tỉnh ủy: the city's own Party committee (district level)
    if (committee === 'Thành ủy' && place && place.partyCommittee === 'Tỉnh ủy') {
      out.push(districtHit(m.index!, end));
      continue;
    }
    out.push({ index: m.index!, end, body, committee, level: null, place, weight: 0, text: text.slice(m.index!, end) });
  }
  for (const m of norm.matchAll(STATE_RE)) {
    const lvl = m[3] ? foldForMatch(m[3]).replace(/\.$/, '') : null;
    const after = norm.slice(m.index! + m[0].length);
    if (!lvl && /^\s+(?:huyện|quận|thị xã|xã|phường|thị trấn)\s+\p{Lu}/u.test(after)) {
      // a district's or commune's own committee ("UBND huyện Cần Giờ"): not a provincial issuer
      out.push(districtHit(m.index!, m.index! + m[0].length, norm.slice(m.index!, m.index! + m[0].length + 20)));
      continue;
    }
    if (!lvl && !/^\s*\n/.test(after) && !/^\s*$/.test(after)) continue; // "UBND các huyện", "UBND cấp xã"
    const body: Body = m[1] ? 'ct' : 'ubnd';
    const { place, end } = placeAfter(
      text,
      folded,
      m.index! + m[0].length,
      m[3] ? m.index! + m[0].length - m[3].length : -1,
    );
    // "UBND TP Vị Thanh", "UBND thành phố Biên Hòa": a city under a province, a district-level body
    // (and "UBND TP Vị Thanh": a province's capital named as a city is the city's committee; a city
    // named like its province, "UBND thành phố Lai Châu", keeps its level and so its own name)
    const capitalCity =
      cityInProvince(place) &&
      place!.capital &&
      foldForMatch(place!.capital) !== foldForMatch(place!.name) &&
      foldForMatch(after).trimStart().startsWith(foldForMatch(place!.capital));
    if (lvl && lvl !== 'tinh' && (capitalCity || (!place && /^\s*\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(after)))) {
      out.push(districtHit(m.index!, m.index! + m[0].length, norm.slice(m.index!, m.index! + m[0].length + 20)));
      continue;
    }
    out.push({
      index: m.index!,
      end,
      body,
      committee: null,
      level: lvl === 'tinh' ? 'tỉnh' : lvl ? 'thành phố' : null,
      place,
      weight: 0,
      text: text.slice(m.index!, end),
    });
  }
  for (const m of norm.matchAll(BCD_RE)) {
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length);
    if (foldForMatch(m[1]!) !== 'tinh' && cityInProvince(place)) {
      out.push(districtHit(m.index!, end));
      continue;
    }
    out.push({
      index: m.index!,
      end,
      body: 'bcd',
      committee: null,
      level: foldForMatch(m[1]!) === 'tinh' ? 'tỉnh' : 'thành phố',
      place,
      weight: 0,
      text: text.slice(m.index!, end),
    });
  }
  for (const m of norm.matchAll(VP_RE)) {
    const lvl = foldForMatch(m[1]!).replace(/\.$/, '');
    const { place, end } = placeAfter(text, folded, m.index! + m[0].length, m.index! + m[0].length - m[1]!.length);
    if (lvl !== 'tinh' && cityInProvince(place)) {
      for (let k = out.length - 1; k >= 0; k--)
        if (out[k]!.index > m.index! && out[k]!.index < m.index! + m[0].length) out.splice(k, 1);
      out.push(districtHit(m.index!, end));
      continue;
    }
    // the Office's own hit replaces the committee's inside it ("Văn phòng [UBND tỉnh]")
    for (let k = out.length - 1; k >= 0; k--)
      if (out[k]!.index > m.index! && out[k]!.index < m.index! + m[0].length) out.splice(k, 1);
    out.push({
      index: m.index!,
      end,
      body: 'vp',
      committee: null,
      level: lvl === 'tinh' ? 'tỉnh' : 'thành phố',
      place,
      weight: 0,
      text: text.slice(m.index!, end),
    });
  }
  for (const h of out) {
    const before = norm.slice(Math.max(0, h.index - 60), h.index);
    const name = NAME_AFTER.exec(text.slice(h.end, h.end + 60));
    const after = folded.slice(h.end + (name ? name[0].length : 0), h.end + 80);
    if (/^\s*(?:\S+\s+){0,2}se\b/.test(after)) {
      h.weight = -1;
      continue;
    } // "sẽ có chỉ đạo": future
    if (/thay mặt\s*$/iu.test(before)) {
      h.weight = 5;
      continue;
    }
    if (EXCLUDE_BEFORE.test(before) && !(h.body === 'vp' && !/(?:của|theo|với|gửi|cho)\s*$/iu.test(before))) {
      h.weight = -1;
      continue;
    }
    if (DOC_AFTER.test(after)) h.weight = 5;
    else if (VOICE_AFTER.test(after) || (h.body === 'vp' && /^\s+thong bao (?:y kien|ket luan)/.test(after)))
      h.weight = 2;
  }
  return out;
}
