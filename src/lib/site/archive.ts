/**
 * The archive as a whole, computed once per build from the collection's entries: directives in
 * order, per province, references resolved to directives the archive holds, the inverse
 * ("Được dẫn chiếu bởi"), previous/next within a province, and national documents cited.
 * Pure functions over plain records, so tests run them on fixture folders without Astro.
 */
import type { DirectiveData, DirectiveReference } from '../directive-schema.ts';
import { docNumberKey, normalizeDocNumber, parseDocNumber } from '../doc-number.ts';
import {
  buildReferenceIndex,
  isNationalNumber,
  NATIONAL_ISSUERS,
  resolveReference,
  type Resolution,
} from '../references.ts';

export interface DirectiveRecord {
  /** entry id: "vinh-phuc/2021-11-08-cong-van-907-cv-tu" */
  id: string;
  data: DirectiveData;
  /** the MDX file, relative to the repository root, when known */
  filePath?: string | undefined;
  /** the MDX body (for the table of contents) */
  body?: string | undefined;
}

export interface ResolvedReference {
  ref: DirectiveReference;
  /** the directive in the archive this number designates, if any */
  target: DirectiveRecord | null;
  /** the national document page it belongs to, if it is a national number */
  national: NationalDocument | null;
  /** how the number resolved (src/lib/references.ts: the rule `npm run check` uses too) */
  status: Resolution['status'];
}

export interface NationalDocument {
  /** URL slug: "16-ct-ttg" */
  slug: string;
  /** comparison key: "16:CT:TTG" */
  key: string;
  /** as first written in a directive: "16/CT-TTg" */
  number: string;
  docType: string | null;
  /** who issues documents with this code */
  issuerName: string | null;
  /** citing directives, in date order */
  citedBy: DirectiveRecord[];
}

/**
 * The central body a number's codes name, or null for a provincial (or unknown) number. Which
 * numbers are national is decided by the content check's rule, so pages and check agree.
 */
export function nationalIssuer(number: string): string | null {
  if (!isNationalNumber(number)) return null;
  const p = parseDocNumber(number)!;
  for (const c of p.codes) if (NATIONAL_ISSUERS[c]) return NATIONAL_ISSUERS[c]!;
  return 'cơ quan trung ương';
}

export function nationalSlug(key: string): string {
  return key.toLowerCase().replace(/:/g, '-');
}

/** Sort key: date (a month-only date before the days of that month), then number, then id. */
export function compareDirectives(a: DirectiveRecord, b: DirectiveRecord): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? -1 : 1;
  const na = a.data.number ?? '';
  const nb = b.data.number ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Archive {
  /** all directives, oldest first */
  all: DirectiveRecord[];
  byId: Map<string, DirectiveRecord>;
  /** province name -> its directives, oldest first */
  byProvince: Map<string, DirectiveRecord[]>;
  /** each directive's references, resolved */
  references(id: string): ResolvedReference[];
  /** directives of the archive that cite this one, oldest first */
  citedBy(id: string): DirectiveRecord[];
  previous(id: string): DirectiveRecord | null;
  next(id: string): DirectiveRecord | null;
  /** directives made from this raw file (`content/raw/…`, as in `source.raw`), oldest first */
  madeFrom(raw: string): DirectiveRecord[];
  /** national documents cited by at least one directive, most cited first */
  national: NationalDocument[];
}

/** The records by a key, each group in the records' order. */
function groupBy(
  records: readonly DirectiveRecord[],
  key: (d: DirectiveRecord) => string,
): Map<string, DirectiveRecord[]> {
  const groups = new Map<string, DirectiveRecord[]>();
  for (const d of records) {
    const list = groups.get(key(d));
    if (list) list.push(d);
    else groups.set(key(d), [d]);
  }
  return groups;
}

export function buildArchive(records: readonly DirectiveRecord[]): Archive {
  const all = [...records].sort(compareDirectives);
  const byId = new Map(all.map((d) => [d.id, d]));
  const byProvince = groupBy(all, (d) => d.data.province);
  const index = buildReferenceIndex(
    all.map((d) => ({ id: d.id, province: d.data.province, number: d.data.number, date: d.data.date })),
  );

  const nationalByKey = new Map<string, NationalDocument>();
  const resolved = new Map<string, ResolvedReference[]>();
  const citedBy = new Map<string, DirectiveRecord[]>();
  for (const d of all) {
    const seen = new Set<string>();
    const list: ResolvedReference[] = [];
    for (const ref of d.data.references) {
      const key = docNumberKey(ref.number) ?? `raw:${normalizeDocNumber(ref.number)}`;
      if (seen.has(key)) continue; // a document cited twice is listed once
      seen.add(key);
      const resolution = resolveReference(
        ref,
        { id: d.id, province: d.data.province, number: d.data.number, date: d.data.date },
        index,
      );
      const target = resolution.status === 'resolved' ? byId.get(resolution.id)! : null;
      let national: NationalDocument | null = null;
      if (resolution.status === 'national') {
        const issuerName = nationalIssuer(ref.number)!; // 'national' means isNationalNumber
        national = nationalByKey.get(key) ?? null;
        if (!national) {
          national = {
            slug: nationalSlug(key),
            key,
            number: normalizeDocNumber(ref.number),
            docType: ref.docType,
            issuerName,
            citedBy: [],
          };
          nationalByKey.set(key, national);
        }
        if (!national.docType && ref.docType) national.docType = ref.docType;
        national.citedBy.push(d);
      }
      if (target) {
        const by = citedBy.get(target.id);
        if (by) by.push(d);
        else citedBy.set(target.id, [d]);
      }
      list.push({ ref, target, national, status: resolution.status });
    }
    resolved.set(d.id, list);
  }

  const national = [...nationalByKey.values()].sort(
    (a, b) => b.citedBy.length - a.citedBy.length || (a.key < b.key ? -1 : 1),
  );
  // The raw-source pages ask this once each: a scan of `all` per page is quadratic.
  const byRaw = groupBy(all, (d) => d.data.source.raw);
  const position = new Map<string, number>();
  for (const list of byProvince.values()) list.forEach((d, i) => position.set(d.id, i));
  const neighbour = (id: string, step: 1 | -1): DirectiveRecord | null => {
    const d = byId.get(id);
    if (!d) return null;
    const list = byProvince.get(d.data.province)!;
    return list[position.get(id)! + step] ?? null;
  };

  return {
    all,
    byId,
    byProvince,
    references: (id) => resolved.get(id) ?? [],
    citedBy: (id) => citedBy.get(id) ?? [],
    previous: (id) => neighbour(id, -1),
    next: (id) => neighbour(id, 1),
    madeFrom: (raw) => byRaw.get(raw) ?? [],
    national,
  };
}
