/**
 * The search catalogue: for every directive in the Pagefind index, in the index's own page order,
 * its province, document type, issuer and date, as one small file written beside the index.
 *
 * Why not Pagefind's filters and sort: at 10,000 directives each filter is a 22 KB chunk to
 * fetch, and Pagefind's wasm counts filter values and sorts by date with linear scans inside
 * loops (pagefind_web/src/filter.rs get_filters, lib.rs search): 25–60 ms per query at
 * 10,000, more for broad queries. With the catalogue, filtering, counting and date order are array
 * lookups in the browser, and a province-only query needs no index lookup at all.
 *
 * The link to Pagefind is the page order: Pagefind numbers pages in the order records are
 * added (src/lib/search/indexer.ts adds them one at a time, in order) and a search with no
 * term returns them in that order; over an index in shards merged in the browser, shard after
 * shard (src/lib/search/shards.ts), which is the order of the rows here. The browser asks
 * that once and maps result ids to rows; a count mismatch, or a loaded result whose province
 * or date differs from its row, is an error (src/lib/search/engine.ts), never a silent
 * misalignment.
 */
import { SEARCH_FILES } from './files.ts';
import { FILTER_KEYS, type FilterKey } from './record.ts';

/** Beside Pagefind's files in <out>/pagefind/. */
export const CATALOGUE_FILE = SEARCH_FILES.catalogue;
export const CATALOGUE_VERSION = 2;

/** The columns kept per directive; `year` is derived from `date`, `measure` from `measures`. */
const COLUMNS = ['province', 'docType', 'issuer', 'date', 'urgency', 'measures'] as const;
type Column = (typeof COLUMNS)[number];

export interface CatalogueFile {
  version: typeof CATALOGUE_VERSION;
  /** directives, in Pagefind's page order */
  documents: number;
  /** folded syllables found in most directives: checked on the text, not asked of the index */
  common: string[];
  /**
   * per variant group (src/lib/vietnamese-variants.ts), how many directives hold it: the
   * engine trusts the index's answer for a variant's token only when it lists that many (for a
   * word it does not hold, Pagefind answers with the nearest words it has)
   */
  variants?: Record<string, number>;
  /**
   * the index's shards (src/lib/search/shards.ts), in row order: each one's folder inside
   * pagefind/ ("" for the first, which holds Pagefind's library) and how many rows are its
   * pages. Absent: one index, in pagefind/.
   */
  shards?: CatalogueShard[];
  /** the distinct values of each column, sorted (dates as ISO strings, so sorted = by date) */
  values: Record<Column, string[]>;
  /** per column, each row's value index, `width` characters of ALPHABET each */
  columns: Record<Column, EncodedColumn>;
}

export interface CatalogueShard {
  /** relative to pagefind/, "" or ending in "/" */
  path: string;
  pages: number;
}

interface EncodedColumn {
  width: number;
  /**
   * Each row holds the step from the previous row's value, modulo the number of values: rows
   * come in file order (province, then date), so dates step by a few days and compress well.
   */
  delta?: boolean;
  data: string;
}

/** What one row is made of; the search records' metadata (src/lib/search/record.ts). */
export interface CatalogueRow {
  province: string;
  docType: string;
  issuer: string;
  /** ISO date: 2021-11-08 or 2021-11 */
  date: string;
  /** "Hỏa tốc", "Thượng khẩn", "Khẩn" or "" (none when absent) */
  urgency?: string;
  /** measure codes, comma separated, sorted ("" or absent for none) */
  measures?: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));

function encodeColumn(indices: number[], distinct: number, delta: boolean): EncodedColumn {
  let width = 1;
  while (ALPHABET.length ** width < distinct) width++;
  let data = '';
  let prev = 0;
  for (const value of indices) {
    let n = delta ? (value - prev + distinct) % distinct : value;
    prev = value;
    let chunk = '';
    for (let k = 0; k < width; k++) {
      chunk = ALPHABET[n % ALPHABET.length] + chunk;
      n = Math.floor(n / ALPHABET.length);
    }
    data += chunk;
  }
  return delta ? { width, delta, data } : { width, data };
}

function decodeColumn(
  { width, delta, data }: EncodedColumn,
  rows: number,
  distinct: number,
  name: string,
): Uint16Array {
  if (data.length !== rows * width)
    throw new Error(`Search catalogue: column ${name} holds ${data.length / width} rows, expected ${rows}`);
  const out = new Uint16Array(rows);
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let k = 0; k < width; k++) {
      const d = DIGIT.get(data[r * width + k]!);
      if (d === undefined) throw new Error(`Search catalogue: column ${name} has a bad character at row ${r}`);
      n = n * ALPHABET.length + d;
    }
    if (n >= distinct) throw new Error(`Search catalogue: column ${name} row ${r} points past its values`);
    out[r] = delta ? (n + (r ? out[r - 1]! : 0)) % distinct : n;
  }
  return out;
}

/** The catalogue of rows given in index order (shard after shard, when `shards` are given). */
export function buildCatalogue(
  rows: readonly CatalogueRow[],
  common: readonly string[] = [],
  variants: Record<string, number> = {},
  shards?: readonly CatalogueShard[],
): CatalogueFile {
  if (shards && shards.reduce((n, s) => n + s.pages, 0) !== rows.length)
    throw new Error(
      `Search catalogue: the shards hold ${shards.reduce((n, s) => n + s.pages, 0)} pages, not ${rows.length}`,
    );
  const values = {} as CatalogueFile['values'];
  const columns = {} as CatalogueFile['columns'];
  for (const col of COLUMNS) {
    // Code-point order, not locale order: the same on every machine (a deterministic build).
    const distinct = [...new Set(rows.map((r) => r[col] ?? ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const at = new Map(distinct.map((v, i) => [v, i]));
    values[col] = distinct;
    columns[col] = encodeColumn(
      rows.map((r) => at.get(r[col] ?? '')!),
      distinct.length,
      col === 'date',
    );
  }
  const sortedVariants = Object.fromEntries(Object.entries(variants).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    version: CATALOGUE_VERSION,
    documents: rows.length,
    common: [...common],
    variants: sortedVariants,
    ...(shards ? { shards: shards.map((s) => ({ path: s.path, pages: s.pages })) } : {}),
    values,
    columns,
  };
}

/**
 * What the reader narrowed the search to: per filter, the values any of which a directive must
 * have (several provinces, types, issuers at once), and a range of months, both ends included.
 */
export type Filters = Partial<Record<FilterKey, string[]>> & {
  /** first month, "2021-07" */
  from?: string;
  /** last month, "2021-09" */
  to?: string;
};
export type FacetCounts = Partial<Record<FilterKey, Record<string, number>>>;

/** The catalogue, read: rows addressed by their index in Pagefind's page order. */
export class Catalogue {
  readonly size: number;
  readonly common: ReadonlySet<string>;
  private readonly variantCounts: Readonly<Record<string, number>>;
  private readonly dates: string[];
  private readonly dateCol: Uint16Array;
  /** per single-valued filter, its values and each row's value index (years derived from the dates) */
  private readonly facets: Record<Exclude<FilterKey, 'measure'>, { values: string[]; col: Uint16Array }>;
  /** each row's measure codes (a directive orders several) */
  private readonly measureSets: string[][];
  private readonly measureCol: Uint16Array;

  constructor(file: CatalogueFile) {
    if (!file || file.version !== CATALOGUE_VERSION || !Number.isInteger(file.documents)) {
      throw new Error(`Search catalogue: unknown format (version ${String(file?.version)})`);
    }
    this.size = file.documents;
    this.common = new Set(file.common);
    this.variantCounts = file.variants ?? {};
    const cols = {} as Record<Column, Uint16Array>;
    for (const col of COLUMNS) cols[col] = decodeColumn(file.columns[col], this.size, file.values[col].length, col);
    this.dates = file.values.date;
    this.dateCol = cols.date;
    const years = [...new Set(this.dates.map((d) => d.slice(0, 4)))];
    const yearOfDate = this.dates.map((d) => years.indexOf(d.slice(0, 4)));
    this.facets = {
      province: { values: file.values.province, col: cols.province },
      year: { values: years, col: cols.date.map((d) => yearOfDate[d]!) },
      docType: { values: file.values.docType, col: cols.docType },
      issuer: { values: file.values.issuer, col: cols.issuer },
      urgency: { values: file.values.urgency, col: cols.urgency },
    };
    this.measureSets = file.values.measures.map((v) => (v ? v.split(',') : []));
    this.measureCol = cols.measures;
  }

  /** How many directives hold a variant group (0 when none does). */
  variantCount(id: string): number {
    return this.variantCounts[id] ?? 0;
  }

  /** The value of a filter for one row (measures: comma separated). */
  value(key: FilterKey, row: number): string {
    if (key === 'measure') return this.measures(row).join(',');
    const f = this.facets[key];
    return f.values[f.col[row]!]!;
  }

  /** The codes of the measures one row orders or lifts. */
  measures(row: number): readonly string[] {
    return this.measureSets[this.measureCol[row]!]!;
  }

  date(row: number): string {
    return this.dates[this.dateCol[row]!]!;
  }

  /**
   * A test for rows passing every filter given (`skip` lifts one of them). A value the
   * catalogue does not hold matches no row.
   */
  matcher(filters: Filters, skip?: FilterKey | 'date'): (row: number) => boolean {
    const tests: ((row: number) => boolean)[] = [];
    for (const key of FILTER_KEYS) {
      const want = filters[key];
      if (!want?.length || key === skip) continue;
      if (key === 'measure') {
        // by measure set: a row passes when it has any of the codes
        const sets = new Uint8Array(this.measureSets.length);
        this.measureSets.forEach((codes, i) => (sets[i] = codes.some((c) => want.includes(c)) ? 1 : 0));
        tests.push((row) => sets[this.measureCol[row]!] === 1);
        continue;
      }
      const { values, col } = this.facets[key];
      const codes = new Uint8Array(values.length);
      for (const v of want) {
        const i = values.indexOf(v);
        if (i >= 0) codes[i] = 1;
      }
      tests.push((row) => codes[col[row]!] === 1);
    }
    if ((filters.from || filters.to) && skip !== 'date') {
      // by date value: month-only and day dates compare by their month
      const from = filters.from ?? '';
      const to = filters.to ?? '9999';
      const inRange = new Uint8Array(this.dates.length);
      this.dates.forEach((d, i) => (inRange[i] = d.slice(0, 7) >= from && d.slice(0, 7) <= to ? 1 : 0));
      tests.push((row) => inRange[this.dateCol[row]!] === 1);
    }
    // (no filter in use, the common case: nothing to ask of each of thousands of candidates)
    if (tests.length === 0) return () => true;
    if (tests.length === 1) return tests[0]!;
    return (row) => tests.every((t) => t(row));
  }

  /** Rows newest first (`desc`) or oldest first; rows of the same date keep their order. */
  byDate(rows: readonly number[], direction: 'asc' | 'desc'): number[] {
    const date = this.dateCol;
    const sign = direction === 'asc' ? 1 : -1;
    return rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => (date[a.row]! - date[b.row]!) * sign || a.i - b.i)
      .map((x) => x.row);
  }

  /** Every row, in index order. */
  all(): number[] {
    return Array.from({ length: this.size }, (_, i) => i);
  }

  private readonly sorted: Partial<Record<'asc' | 'desc', readonly number[]>> = {};
  /** Every row by date (as byDate), sorted once per direction: queries filter it, in order. */
  allByDate(direction: 'asc' | 'desc'): readonly number[] {
    return (this.sorted[direction] ??= this.byDate(this.all(), direction));
  }

  /**
   * Per filter, how many of `rows` carry each value. For a filter in use, its values are
   * counted with that filter lifted (the others kept), so a reader sees where else to go.
   */
  counts(rows: readonly number[], filters: Filters): FacetCounts {
    const out: FacetCounts = {};
    for (const key of FILTER_KEYS) {
      const passes = this.matcher(filters, key);
      if (key === 'measure') {
        const c: Record<string, number> = {};
        for (const row of rows) if (passes(row)) for (const code of this.measures(row)) c[code] = (c[code] ?? 0) + 1;
        out[key] = c;
        continue;
      }
      const { values, col } = this.facets[key];
      const n = new Uint32Array(values.length);
      for (const row of rows) if (passes(row)) n[col[row]!]!++;
      const c: Record<string, number> = {};
      n.forEach((count, code) => {
        if (count && values[code]) c[values[code]!] = count;
      });
      out[key] = c;
    }
    return out;
  }
}
