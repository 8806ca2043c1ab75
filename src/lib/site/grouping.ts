/**
 * Groupings for lists: a province's directives by year and month (newest first, for the
 * vertical timeline), provinces by region with counts, and the document types present.
 */
import { PROVINCES, REGIONS, type Province } from '../provinces.ts';
import { DOC_TYPES } from '../doc-types.ts';
import { slugify } from '../vietnamese.ts';
import { parseIsoDate } from './dates.ts';
import type { DirectiveRecord } from './archive.ts';

export interface MonthGroup {
  year: number;
  month: number;
  items: DirectiveRecord[];
}
export interface YearGroup {
  year: number;
  months: MonthGroup[];
}

/** Years and months in chronological order, items oldest first within a month. */
export function groupByYearMonth(items: readonly DirectiveRecord[]): YearGroup[] {
  const sorted = [...items].sort((a, b) =>
    a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1,
  );
  const years: YearGroup[] = [];
  for (const d of sorted) {
    const { year, month } = parseIsoDate(d.data.date);
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { year, month, items: [] }));
    m.items.push(d);
  }
  return years;
}

export interface ProvinceCount {
  province: Province;
  count: number;
}
export interface RegionGroup {
  region: string;
  provinces: ProvinceCount[];
  /** directives in the region */
  total: number;
}

/** All 63 provinces, by region in the list's order, each with its number of directives. */
export function provincesByRegion(byProvince: ReadonlyMap<string, readonly DirectiveRecord[]>): RegionGroup[] {
  return REGIONS.map((region) => {
    const provinces = PROVINCES.filter((p) => p.region === region).map((province) => ({
      province,
      count: byProvince.get(province.name)?.length ?? 0,
    }));
    return { region, provinces, total: provinces.reduce((s, p) => s + p.count, 0) };
  });
}

export function docTypeSlug(docType: string): string {
  return slugify(docType);
}

export interface TypeCount {
  docType: string;
  slug: string;
  count: number;
}

/** The document types present in a list, in the order of the one list of types. */
export function typesPresent(items: readonly DirectiveRecord[]): TypeCount[] {
  return DOC_TYPES.map((t) => ({
    docType: t.name as string,
    slug: docTypeSlug(t.name),
    count: items.filter((d) => d.data.docType === t.name).length,
  })).filter((t) => t.count > 0);
}

/** Newest first, for "latest directives" and feeds. */
export function latest(items: readonly DirectiveRecord[], n: number): DirectiveRecord[] {
  return [...items]
    .sort((a, b) => (a.data.date > b.data.date ? -1 : a.data.date < b.data.date ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, n);
}
