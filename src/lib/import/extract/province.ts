/**
 * The province, as an ordered list of named rules (see decide.ts): --province (option); the place
 * of the body that issues the own number (issuer); the header (header); a legal database's "Nơi
 * ban hành" (metadata-table); the dateline's place or capital (dateline); the one place the
 * issuing bodies name (issuing-bodies); the place that issues ("Đà Nẵng có Công văn …")
 * (own-number-sentence); a headline "X: …" (headline); the one province the text names
 * (text-mentions); the site's chrome (chrome); the portal's address (page-address). Where the
 * issuing bodies or the text name several provinces the rules stop with an honest null. Then the
 * issuer is named as the province has it (Thành ủy and "thành phố" for the five cities).
 */
import { foldForMatch, foldKeepLength } from '../../vietnamese.ts';
import type { ExtractContext } from './context.ts';
import { none, type Field } from './types.ts';
import { PROVINCES, findProvince, type Province } from '../../provinces.ts';
import type { Issuer } from '../../issuers.ts';
import { DATELINE, DATELINE_MONTH } from '../segment.ts';
import type { NumberHit } from './numbers.ts';
import type { IssuerHit } from './issuer-hits.ts';
import type { IssuerResult } from './issuer.ts';
import { findPlaces, type PlaceHit } from './places.ts';
import { sentenceStart } from './text.ts';
import { decide, type Candidate, type Rule } from './decide.ts';

interface Input {
  ctx: ExtractContext;
  ownHit: NumberHit | null;
  issuerHit: IssuerHit | null;
  /** every province name or capital the text mentions */
  places: PlaceHit[];
  /** issuing bodies that name their place and are not excluded ("gửi UBND tỉnh X") */
  placed: IssuerHit[];
}

const from = (p: Province, confidence: number, evidence: string, reason?: string): Candidate<string | null> => ({
  value: p.name,
  confidence,
  evidence,
  ...(reason ? { reason } : {}),
});
/** "several provinces": stop here with an honest null, its reason and (if it wins) a warning */
const stop = (reason: string, warning: string): Candidate<string | null> => ({
  value: null,
  confidence: 0,
  evidence: null,
  reason,
  warning,
});

/**
 * The province the removed chrome lines (breadcrumbs, related headlines) are about: the only one
 * they name, or one named at least twice and more than twice as often as any other (a local
 * site's related news are about its own province).
 */
function chromeProvince(lines: string[]): { province: Province; line: string } | null {
  const found = new Map<string, { province: Province; line: string; count: number }>();
  for (const l of lines) {
    const hits = findPlaces(l, foldKeepLength(l)).map((p) => p.province);
    // breadcrumb steps name sections after the province ("Tin Hà Giang", "Thời sự Cà Mau")
    for (const step of l.split(/\s(?:>|»|›|\/|\|)\s/)) {
      const p = findProvince(step.replace(/^(?:tin tức|tin|báo|thời sự|tin tức -|cổng thông tin)\s+/iu, '').trim());
      if (p && !hits.includes(p)) hits.push(p);
    }
    for (const p of new Set(hits)) {
      const f = found.get(p.name);
      if (f) f.count++;
      else found.set(p.name, { province: p, line: l, count: 1 });
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.count - a.count);
  const [top, next] = ranked;
  if (!top) return null;
  return !next || (top.count >= 2 && top.count > 2 * next.count) ? top : null;
}

// people and goods coming "from" another province do not make it the issuer's
// (nor does a province the text sends help to: "hỗ trợ TP Hồ Chí Minh", "chi viện cho tỉnh Bình Dương")
const FROM_ELSEWHERE = new RegExp(
  '(tu|ve tu|den tu|di qua|cac tinh|tinh ban|voi|ho tro|chi vien|giup do|giup|di|sang' +
    String.raw`|tro ve|len duong)\s+(cho\s+)?(tinh\s+|thanh pho\s+|tp\.?\s*)?$`,
);

// between the acting place and its number: an act ("đã có", "vừa ban hành", "ký") and the type word
const ACTS_NEXT = /^[^()]{0,80}?\b(?:co|ra|ban hanh|ky|phat hanh|gui|trien khai)\b[^()]{0,40}$/;

const RULES: ReadonlyArray<Rule<Input, string | null>> = [
  {
    name: 'option',
    propose: ({ ctx: { opts } }) => {
      const p = opts.province ? findProvince(opts.province) : undefined;
      return p ? from(p, 1, `--province ${opts.province}`) : null;
    },
  },
  {
    name: 'issuer',
    propose: ({ issuerHit }) => (issuerHit?.place ? from(issuerHit.place, 0.95, issuerHit.text) : null),
  },
  // "TỈNH BẠC LIÊU", "TỈNH ỦY VĨNH PHÚC", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH TỈNH AN GIANG"
  {
    name: 'header',
    propose: ({ ctx: { seg } }) => {
      for (const h of seg.header) {
        const m = /(?:^|\s)(?:tinh uy|thanh uy|thanh pho|tinh|tp\.?)\s+(.+)$/.exec(foldForMatch(h));
        const p = m ? findProvince(m[1]!) : undefined;
        if (p) return from(p, 0.95, h);
      }
      return null;
    },
  },
  // a legal database's "Nơi ban hành: Tỉnh Quảng Nam" / "Cơ quan ban hành: Ủy ban nhân dân tỉnh …"
  {
    name: 'metadata-table',
    propose: ({ ctx: { seg } }) => {
      const key =
        seg.meta['Nơi ban hành'] !== undefined
          ? 'Nơi ban hành'
          : seg.meta['Cơ quan ban hành'] !== undefined
            ? 'Cơ quan ban hành'
            : null;
      if (!key) return null;
      const hits = findPlaces(seg.meta[key]!, foldKeepLength(seg.meta[key]!));
      return new Set(hits.map((p) => p.province.name)).size === 1
        ? from(hits[0]!.province, 0.95, `${key}: ${seg.meta[key]}`)
        : null;
    },
  },
  {
    name: 'dateline',
    propose: ({ ctx: { seg } }) => {
      if (!seg.dateline) return null;
      const place = (DATELINE.exec(seg.dateline) ?? DATELINE_MONTH.exec(seg.dateline))?.[1];
      const p = place
        ? (findProvince(place) ?? PROVINCES.find((x) => x.capital && foldForMatch(x.capital) === foldForMatch(place)))
        : undefined;
      return p ? from(p, 0.9, seg.dateline) : null;
    },
  },
  {
    name: 'issuing-bodies',
    propose: ({ placed }) =>
      placed.length && new Set(placed.map((h) => h.place!.name)).size === 1
        ? from(placed[0]!.place!, 0.9, placed[0]!.text)
        : null,
  },
  // the place that issues: "Đà Nẵng có Công văn ..."
  {
    name: 'own-number-sentence',
    propose: ({ ctx, ownHit, places }) => {
      const { text } = ctx;
      if (!ownHit) return null;
      const start = sentenceStart(text, ownHit.index);
      const p = places
        .filter(
          (x) =>
            x.index >= start &&
            x.end <= ownHit.index &&
            !FROM_ELSEWHERE.test(ctx.folded.slice(Math.max(0, x.index - 20), x.index)),
        )
        .at(-1);
      // only the place that acts ("Đà Nẵng (vừa) có Công văn số"), not one the sentence lists before a
      // bracketed number ("… đi Quảng Nam, Bình Định (Công văn số N)")
      if (!p || !ACTS_NEXT.test(ctx.folded.slice(p.end, ownHit.index))) return null;
      return from(p.province, 0.8, text.slice(start, ownHit.end).trim());
    },
  },
  {
    name: 'headline',
    propose: ({ ctx: { seg } }) => {
      const p =
        seg.headline && /^[^:]{2,30}:/.test(seg.headline) ? findProvince(seg.headline.split(':')[0]!) : undefined;
      return p ? from(p, 0.8, seg.headline!) : null;
    },
  },
  {
    name: 'several-issuers',
    propose: ({ placed }) => {
      if (!placed.length) return null;
      const names = [...new Set(placed.map((h) => h.place!.name))].join(', ');
      return stop(
        'several provinces are named as issuers',
        `the issuing bodies name several provinces (${names}); province left empty.`,
      );
    },
  },
  // the one province the text names
  {
    name: 'text-mentions',
    propose: ({ ctx, places }) => {
      const counted = places.filter((p) => !FROM_ELSEWHERE.test(ctx.folded.slice(Math.max(0, p.index - 20), p.index)));
      const names = [...new Set(counted.map((p) => p.province.name))];
      if (names.length > 1) {
        return stop(
          `the text names several provinces (${names.join(', ')}) and not the issuer's`,
          `the text names several provinces (${names.join(', ')}) and no issuer's province; province left empty. ` +
            `Supply it with --province.`,
        );
      }
      const p = counted[0];
      if (!p) return null;
      return from(
        p.province,
        p.via === 'capital' ? 0.7 : 0.75,
        ctx.text.slice(Math.max(0, p.index - 30), p.end + 10).trim(),
        p.via === 'capital'
          ? `inferred from the place "${ctx.text.slice(p.index, p.end)}"`
          : 'the only province the text names',
      );
    },
  },
  // the site's own province, named only in its chrome (breadcrumbs, related headlines): a hint, to be checked
  {
    name: 'chrome',
    propose: ({ ctx: { hints } }) => {
      const c = chromeProvince(hints.chrome ?? []);
      return c
        ? from(c.province, 0.5, c.line, `named only in the page's chrome ("${c.line.slice(0, 60)}"), not in the text`)
        : null;
    },
  },
  {
    name: 'page-address',
    propose: ({ ctx: { hints } }) => {
      const host = hints.publisher ? /([a-z]+)\.gov\.vn/.exec(hints.publisher)?.[1] : undefined;
      const p = host ? PROVINCES.find((x) => x.slug.replace(/-/g, '') === host) : undefined;
      return p ? from(p, 0.6, hints.publisher!, `from the portal address ${hints.publisher}`) : null;
    },
  },
];

export function extractProvince(
  ctx: ExtractContext,
  ownHit: NumberHit | null,
  found: IssuerResult,
): Field<string | null> {
  const { issuer, issuerHit, committeeWord, stateLevel } = found;
  const input: Input = {
    ctx,
    ownHit,
    issuerHit,
    places: findPlaces(ctx.text, ctx.folded),
    placed: ctx.issuerHits.filter((h) => h.place && h.weight >= 0),
  };
  const decided = decide(
    RULES,
    input,
    none<string | null>(null, 'the text names no province'),
    (a, b) => a === b,
    String,
    ctx.warnings,
    'province-ambiguous',
  );
  // two strong sources naming different provinces: a wrong province is the worst outcome, so none
  const province: Field<string | null> =
    decided.value && decided.confidence < 1 && decided.reason?.includes(' but the ')
      ? none<string | null>(null, `${decided.reason}; give the right one with --province`)
      : decided;
  if (!province.value && decided.value)
    ctx.warnings.push({ code: 'province-ambiguous', message: `${decided.reason}; province left empty.` });
  const prov = province.value ? (findProvince(province.value) ?? null) : null;
  // name the issuer's committee as the province has it (Thành ủy for the five cities)
  if (issuer.value && prov) {
    if (committeeWord && committeeWord !== prov.partyCommittee)
      issuer.value = issuer.value.replace(committeeWord, prov.partyCommittee) as Issuer;
    const lvl = prov.kind === 'city' ? 'thành phố' : 'tỉnh';
    if (stateLevel && stateLevel !== lvl)
      issuer.value = issuer.value.replace(new RegExp(`${stateLevel}$`), lvl) as Issuer;
  }
  return province;
}
