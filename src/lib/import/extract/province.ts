/**
 * The province. Rules, in order: --province (option); the issuer's place (issuer); the header
 * (header); the dateline's place or capital (dateline); the one place the issuing bodies name
 * (issuing-bodies); the place that issues ("Đà Nẵng có Công văn …") (own-number-sentence); a
 * headline "X: …" (headline); the one province the text names (text-mentions); the site chrome
 * (chrome); the portal's address (page-address). Then the issuer is named as the province has it.
 */
import { foldForMatch, foldKeepLength } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { PROVINCES, findProvince, type Province } from '../../provinces.ts';
import type { Issuer } from '../../issuers.ts';
import { DATELINE, DATELINE_MONTH } from '../segment.ts';
import type { NumberHit } from './numbers.ts';
import type { IssuerResult } from './issuer.ts';
import { findPlaces } from './places.ts';
import { sentenceStart } from './text.ts';

/** The one province the removed chrome lines name, with the first line naming it. */
function chromeProvince(lines: string[]): { province: Province; line: string } | null {
  const found = new Map<string, { province: Province; line: string }>();
  for (const l of lines) {
    const hits = findPlaces(l, foldKeepLength(l)).map((p) => p.province);
    // breadcrumb steps name sections after the province ("Tin Hà Giang", "Thời sự Cà Mau")
    for (const step of l.split(/\s(?:>|»|›|\/|\|)\s/)) {
      const p = findProvince(step.replace(/^(?:tin tức|tin|báo|thời sự|tin tức -|cổng thông tin)\s+/iu, '').trim());
      if (p) hits.push(p);
    }
    for (const p of hits) if (!found.has(p.name)) found.set(p.name, { province: p, line: l });
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

export function extractProvince(ctx: ExtractContext, ownHit: NumberHit | null, found: IssuerResult): Field<string | null> {
  const { seg, hints, opts, text, folded, issuerHits, warnings } = ctx;
  const { issuer, issuerHit, committeeWord, stateLevel } = found;
  // ---- province
  let province: Field<string | null> = none(null, 'the text names no province');
  const provinceFrom = (p: Province, confidence: number, evidence: string, rule: string): Field<string> => ({ value: p.name, confidence, evidence, rule });
  const placed = issuerHits.filter((h) => h.place && h.weight >= 0);
  const dl = seg.dateline ? DATELINE.exec(seg.dateline) : null;
  const dlMonth = seg.dateline && !dl ? DATELINE_MONTH.exec(seg.dateline) : null;
  const dlPlaceName = dl?.[1] ?? dlMonth?.[1] ?? null;
  const dlPlace = dlPlaceName ? findProvince(dlPlaceName) ?? PROVINCES.find((p) => p.capital && foldForMatch(p.capital) === foldForMatch(dlPlaceName)) : undefined;
  const headerPlace = (() => {
    for (const h of seg.header) {
      const f = foldForMatch(h);
      // "TỈNH BẠC LIÊU", "TỈNH ỦY VĨNH PHÚC", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH TỈNH AN GIANG"
      const m = /(?:^|\s)(?:tinh|thanh pho|tp\.?|tinh uy|thanh uy)\s+(.+)$/.exec(f);
      if (m) { const p = findProvince(m[1]!); if (p) return { p, h }; }
    }
    return null;
  })();
  const places = findPlaces(text, folded);
  // a legal database's "Nơi ban hành: Tỉnh Quảng Nam" / "Cơ quan ban hành: Ủy ban nhân dân tỉnh …"
  const metaKey = seg.meta['Nơi ban hành'] !== undefined ? 'Nơi ban hành' : seg.meta['Cơ quan ban hành'] !== undefined ? 'Cơ quan ban hành' : null;
  const metaPlaces = metaKey ? findPlaces(seg.meta[metaKey]!, foldKeepLength(seg.meta[metaKey]!)) : [];
  const metaPlace = new Set(metaPlaces.map((p) => p.province.name)).size === 1 ? metaPlaces[0]!.province : null;
  if (opts.province) {
    const p = findProvince(opts.province);
    if (p) province = provinceFrom(p, 1, `--province ${opts.province}`, 'option');
  } else if (metaPlace) {
    province = provinceFrom(metaPlace, 0.95, `${metaKey}: ${seg.meta[metaKey!]}`, 'metadata-table');
  } else if (issuerHit?.place) {
    province = provinceFrom(issuerHit.place, 0.95, issuerHit.text, 'issuer');
  } else if (headerPlace) {
    province = provinceFrom(headerPlace.p, 0.95, headerPlace.h, 'header');
  } else if (dlPlace) {
    province = provinceFrom(dlPlace, 0.9, seg.dateline!, 'dateline');
  } else if (placed.length && new Set(placed.map((h) => h.place!.name)).size === 1) {
    province = provinceFrom(placed[0]!.place!, 0.9, placed[0]!.text, 'issuing-bodies');
  } else if (ownHit && (() => {
    const start = sentenceStart(text, ownHit.index);
    const p = places.filter((x) => x.index >= start && x.end <= ownHit!.index).at(-1);
    if (p) province = provinceFrom(p.province, 0.8, text.slice(start, ownHit.end).trim(), 'own-number-sentence');
    return Boolean(p);
  })()) {
    // the place that issues: "Đà Nẵng có Công văn ..."
  } else if (seg.headline && /^[^:]{2,30}:/.test(seg.headline) && findProvince(seg.headline.split(':')[0]!)) {
    province = provinceFrom(findProvince(seg.headline.split(':')[0]!)!, 0.8, seg.headline, 'headline');
  } else if (placed.length) {
    warnings.push({ code: 'province-ambiguous', message: `the issuing bodies name several provinces (${[...new Set(placed.map((h) => h.place!.name))].join(', ')}); province left empty.` });
    province.reason = 'several provinces are named as issuers';
  } else {
    // the one province the text names (ignoring people coming "from" elsewhere)
    const counted = places.filter((p) => !/(tu|ve tu|den tu|di qua|cac tinh|tinh ban|voi)\s+(tinh\s+|thanh pho\s+|tp\.?\s*)?$/.test(folded.slice(Math.max(0, p.index - 20), p.index)));
    const names = [...new Set(counted.map((p) => p.province.name))];
    if (names.length === 1) {
      const p = counted[0]!;
      province = provinceFrom(p.province, p.via === 'capital' ? 0.7 : 0.75, text.slice(Math.max(0, p.index - 30), p.end + 10).trim(), 'text-mentions');
      province.reason = p.via === 'capital' ? `inferred from the place "${text.slice(p.index, p.end)}"` : 'the only province the text names';
    } else if (names.length > 1) {
      warnings.push({ code: 'province-ambiguous', message: `the text names several provinces (${names.join(', ')}) and no issuer's province; province left empty. Supply it with --province.` });
      province.reason = `the text names several provinces (${names.join(', ')}) and not the issuer's`;
    } else if (chromeProvince(hints.chrome ?? [])) {
      // the site's own province, named only in its chrome (breadcrumbs, related headlines): a hint, to be checked
      const c = chromeProvince(hints.chrome ?? [])!;
      province = provinceFrom(c.province, 0.5, c.line, 'chrome');
      province.reason = `named only in the page's chrome ("${c.line.slice(0, 60)}"), not in the text`;
    } else if (hints.publisher && /([a-z]+)\.gov\.vn/.test(hints.publisher)) {
      const host = /([a-z]+)\.gov\.vn/.exec(hints.publisher)![1]!;
      const p = PROVINCES.find((x) => x.slug.replace(/-/g, '') === host);
      if (p) { province = provinceFrom(p, 0.6, hints.publisher, 'page-address'); province.reason = `from the portal address ${hints.publisher}`; }
    }
  }
  const prov = province.value ? findProvince(province.value) ?? null : null;
  // name the issuer's committee as the province has it (Thành ủy for the five cities)
  if (issuer.value && prov) {
    if (committeeWord && committeeWord !== prov.partyCommittee) issuer.value = issuer.value.replace(committeeWord, prov.partyCommittee) as Issuer;
    const lvl = prov.kind === 'city' ? 'thành phố' : 'tỉnh';
    if (stateLevel && stateLevel !== lvl) issuer.value = issuer.value.replace(new RegExp(`${stateLevel}$`), lvl) as Issuer;
  }

  return province;
}
