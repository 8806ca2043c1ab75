/**
 * Whether a directive matches a query, checked on its text and metadata, unit by unit
 * (src/lib/search/query.ts): the index only proposes candidates (folded syllables, prefixes),
 * this decides what the page may call *found*. A word typed with diacritics must stand with
 * those diacritics (giãn is not gian), one typed without them matches any; a province name or
 * a variant must stand as a whole ("Hà Nam", not "Hà … Nam"); a province also matches by the
 * directive's own province, or one merged into it in 2025; a number matches as the
 * directive's own or as one it cites.
 */
import { docNumberKey } from '../doc-number.ts';
import { findProvince } from '../provinces.ts';
import { variantsInDocument, type VariantMatch } from '../vietnamese-variants.ts';
import { citationsIn, numberMatches, provincesNowIn } from './intent.ts';
import type { ParsedQuery, QueryUnit } from './query.ts';
import { documentSyllables, foldPositions, standsIn, type Syllable } from './text.ts';

/** What the matcher needs of a directive. */
export interface MatchTarget {
  /** title, metadata line and body, as the index holds it */
  text: string;
  number: string | null;
  province: string | null;
  /** its document type ("Công văn"): what a type named before a number is checked against */
  docType?: string | null;
}

export type UnitMatch = 'no' | 'text' | 'own-number' | 'cited' | 'province' | 'successor';

export interface DocumentMatch {
  /** per unit of the query, how it matched */
  units: UnitMatch[];
  /** every unit matched */
  full: boolean;
  /** how many units matched */
  matched: number;
  /** the number unit matched only as a number the directive cites */
  citesOnly: boolean;
  /** the directive's own number is the one asked for */
  ownNumber: boolean;
  /** matched a province through the 2025 reorganisation: the province it now belongs to */
  nowIn: string | null;
}

// A document's variant forms, by its syllables (documentSyllables gives one array per text).
const variantScans = new WeakMap<readonly Syllable[], VariantMatch[]>();

/** The variant forms standing in a document's syllables, scanned once per document. */
export function documentVariants(syl: readonly Syllable[]): VariantMatch[] {
  let v = variantScans.get(syl);
  if (!v) {
    v = variantsInDocument(syl, foldPositions(syl));
    variantScans.set(syl, v);
  }
  return v;
}

/**
 * A document's words, the variant groups they spell, and the numbers it cites, computed once per
 * text. The groups and numbers are read only when a query asks for them: most queries are words,
 * and scanning a long text for every variant and number costs as much as splitting it.
 */
class DocView {
  private groups: Set<string> | null = null;
  private numbers: { number: string; docType: string | null }[] | null = null;
  readonly syl: Syllable[];
  private readonly text: string;
  private readonly own: string | null;
  constructor(text: string, own: string | null) {
    this.text = text;
    this.own = own;
    this.syl = documentSyllables(text);
  }
  get variants(): Set<string> {
    this.groups ??= new Set(documentVariants(this.syl).map((m) => m.group.id));
    return this.groups;
  }
  /** the numbers it cites, with the type named before them when their number has none */
  get cited(): { number: string; docType: string | null }[] {
    if (!this.numbers) {
      const ownKey = this.own ? docNumberKey(this.own) : null;
      const { numbers, typed } = citationsIn(this.text);
      this.numbers = [...numbers.map((number) => ({ number, docType: null })), ...typed].filter(
        (n) => docNumberKey(n.number) !== ownKey,
      );
    }
    return this.numbers;
  }
}
const views = new Map<string, DocView>();
function view(text: string, own: string | null): DocView {
  const key = `${own ?? ''}\u0000${text}`;
  let v = views.get(key);
  if (!v) {
    v = new DocView(text, own);
    if (views.size >= 64) views.delete(views.keys().next().value!);
    views.set(key, v);
  }
  return v;
}

function unitMatch(u: QueryUnit, d: MatchTarget, v: DocView): UnitMatch {
  switch (u.kind) {
    case 'word': // (one syllable)
      return standsIn(u.words, v.syl) ? 'text' : 'no';
    case 'phrase':
      if (u.alternatives) return u.alternatives.some((a) => standsIn(a, v.syl)) ? 'text' : 'no';
      return standsIn(u.words, v.syl) ? 'text' : 'no';
    case 'variant':
      return u.variant && v.variants.has(u.variant) ? 'text' : 'no';
    case 'number': {
      if (u.number && numberMatches(u.number, d.number, d.docType)) return 'own-number';
      if (u.number && v.cited.some((n) => numberMatches(u.number!, n.number, n.docType))) return 'cited';
      if (u.variant && v.variants.has(u.variant)) return 'cited';
      return 'no';
    }
    case 'province': {
      if (u.province && d.province === u.province) return 'province';
      if (u.province && d.province && provincesNowIn(u.province).includes(d.province)) return 'successor';
      if (standsIn(u.words, v.syl)) return 'text';
      if (u.variant && v.variants.has(u.variant)) return 'text';
      return 'no';
    }
  }
}

export function matchDocument(q: ParsedQuery, d: MatchTarget): DocumentMatch {
  const v = view(d.text, d.number);
  const units = q.units.map((u) => unitMatch(u, d, v));
  const matched = units.filter((m) => m !== 'no').length;
  const full = units.length > 0 && matched === units.length;
  const successor = q.units.findIndex((u, i) => u.kind === 'province' && units[i] === 'successor');
  return {
    units,
    full,
    matched,
    citesOnly: units.includes('cited') && !units.includes('own-number'),
    ownNumber: units.includes('own-number'),
    nowIn: successor >= 0 ? (findProvince(q.units[successor]!.province!)?.name ?? null) : null,
  };
}
