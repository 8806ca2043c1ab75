/**
 * The measures directives ordered, for the site: the long-form table (one row per directive and
 * measure, as the OxCGRT publishes its data), the index of measures with counts, the province ×
 * month grid of who imposed or lifted a measure (geometry for a static SVG and the table beside
 * it), the anchors that link a directive's measure to its sentence, and the CSV/JSON exports.
 * Pure functions over plain records; the pages only draw what these return.
 */
import type { DirectiveMeasure } from '../directive-schema.ts';
import { MEASURES, MEASURE_ACTION_LABELS, findMeasure, type MeasureAction, type MeasureCode } from '../measures.ts';
import { provinceByName } from '../provinces.ts';
import { compareVietnamese } from '../vietnamese.ts';
import type { DirectiveRecord } from './archive.ts';
import { docLabel } from './text.ts';
import { formatDate } from './dates.ts';
import { paths } from './urls.ts';

/** The measure pages' and data files' URLs (from src/lib/site/urls.ts, where every URL is made). */
export const measurePaths = {
  index: paths.measures,
  measure: paths.measure,
  csv: paths.measuresCsv,
  json: paths.measuresJson,
};

/** The id of a measure's entry in a directive page's "Biện pháp" list. */
export const measureItemId = (code: string): string => `bien-phap-${code}`;
/** The id given to the sentence that orders it, inside the directive's text. */
export const evidenceId = (code: string): string => `cau-${code}`;

// ------------------------------------------------------------------ long form

/** One directive's one measure, in the OxCGRT-like long form of the data exports. */
export interface MeasureRow {
  province: string;
  provinceSlug: string;
  /** the directive's issue date, ISO */
  date: string;
  code: MeasureCode;
  label: string;
  action: MeasureAction;
  scope: string | null;
  from: string | null;
  to: string | null;
  directiveId: string;
  directiveUrl: string;
  evidence: string;
  confidence: number | null;
}

export const MEASURE_COLUMNS = [
  'province',
  'provinceSlug',
  'date',
  'code',
  'label',
  'action',
  'scope',
  'from',
  'to',
  'directiveId',
  'directiveUrl',
  'evidence',
  'confidence',
] as const;

/** Every measure of every directive, by date, then province, then the order of the code list. */
export function measureRows(records: readonly DirectiveRecord[], urlOf: (d: DirectiveRecord) => string): MeasureRow[] {
  const order = new Map(MEASURES.map((m, i) => [m.code as string, i]));
  const rows: MeasureRow[] = [];
  for (const d of records) {
    for (const m of d.data.measures ?? []) {
      rows.push({
        province: d.data.province,
        provinceSlug: provinceByName(d.data.province).slug,
        date: d.data.date,
        code: m.code,
        label: findMeasure(m.code)!.label,
        action: m.action,
        scope: m.scope ?? null,
        from: m.from ?? null,
        to: m.to ?? null,
        directiveId: d.id,
        directiveUrl: urlOf(d),
        evidence: m.evidence,
        confidence: m.confidence ?? null,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      compareVietnamese(a.province, b.province) ||
      order.get(a.code)! - order.get(b.code)! ||
      a.directiveId.localeCompare(b.directiveId),
  );
}

/**
 * A CSV cell, RFC 4180 quoted, with spreadsheet formulas neutralised: a cell starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe, so a directive's text can never
 * run as a formula when a journalist opens the file.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (spreadsheets then read Vietnamese right), CRLF line ends, a header row. */
export function measuresCsv(rows: readonly MeasureRow[]): string {
  const lines = [MEASURE_COLUMNS.join(','), ...rows.map((r) => MEASURE_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The JSON export: the code list (with labels) and the rows. */
export function measuresJson(rows: readonly MeasureRow[]): {
  measures: Array<{ code: string; name: string; label: string }>;
  actions: Record<MeasureAction, string>;
  rows: MeasureRow[];
} {
  return {
    measures: MEASURES.map(({ code, name, label }) => ({ code, name, label })),
    actions: MEASURE_ACTION_LABELS,
    rows: [...rows],
  };
}

// ------------------------------------------------------------------ index

export interface MeasureSummary {
  code: MeasureCode;
  label: string;
  name: string;
  /** directives ordering or lifting it */
  directives: number;
  provinces: number;
  impose: number;
  lift: number;
}

/** Every measure in the list, with how many directives and provinces ordered or lifted it. */
export function measureIndex(records: readonly DirectiveRecord[]): MeasureSummary[] {
  return MEASURES.map((m) => {
    const hits = records.flatMap((d) =>
      (d.data.measures ?? []).filter((x) => x.code === m.code).map((x) => ({ d, x })),
    );
    return {
      code: m.code,
      label: m.label,
      name: m.name,
      directives: new Set(hits.map((h) => h.d.id)).size,
      provinces: new Set(hits.map((h) => h.d.data.province)).size,
      impose: hits.filter((h) => h.x.action === 'impose').length,
      lift: hits.filter((h) => h.x.action === 'lift').length,
    };
  });
}

// ------------------------------------------------------------------ grid

/** One directive in a grid cell. */
export interface CellEntry {
  id: string;
  action: MeasureAction;
  /** "Công văn số 907-CV/TU (08/11/2021)" */
  label: string;
  scope: string | null;
}

export interface GridCell {
  row: string;
  /** "2021-07" */
  month: string;
  entries: CellEntry[];
  /** what the cell shows: impose, lift, or both in one month */
  state: MeasureAction | 'both';
  /** the table cell's id, for links from the SVG when a cell holds several directives */
  anchor: string;
}

export interface GridRow {
  key: string;
  label: string;
  /** the province's timeline or the measure's page */
  href: string | null;
  cells: GridCell[];
}

export interface Grid {
  months: string[];
  rows: GridRow[];
}

/** The month a measure counts in: when it takes effect if the text says, else the directive's date. */
export const measureMonth = (d: DirectiveRecord, m: DirectiveMeasure): string => (m.from ?? d.data.date).slice(0, 7);

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
};

function buildGrid(
  points: Array<{ row: string; rowLabel: string; href: string | null; d: DirectiveRecord; m: DirectiveMeasure }>,
  sortRows: (a: GridRow, b: GridRow) => number,
): Grid {
  if (points.length === 0) return { months: [], rows: [] };
  const monthsOf = points.map((p) => measureMonth(p.d, p.m)).sort();
  const months = monthsBetween(monthsOf[0]!, monthsOf.at(-1)!);
  const rows = new Map<string, GridRow>();
  for (const p of points) {
    const row = rows.get(p.row) ?? { key: p.row, label: p.rowLabel, href: p.href, cells: [] };
    rows.set(p.row, row);
    const month = measureMonth(p.d, p.m);
    let cell = row.cells.find((c) => c.month === month);
    if (!cell) {
      cell = { row: p.row, month, entries: [], state: p.m.action, anchor: `o-${p.row}-${month}` };
      row.cells.push(cell);
    }
    if (!cell.entries.some((e) => e.id === p.d.id && e.action === p.m.action)) {
      cell.entries.push({
        id: p.d.id,
        action: p.m.action,
        label: `${docLabel(p.d.data)} (${formatDate(p.d.data.date)})`,
        scope: p.m.scope ?? null,
      });
    }
    if (cell.state !== p.m.action) cell.state = 'both';
  }
  for (const r of rows.values()) {
    r.cells.sort((a, b) => a.month.localeCompare(b.month));
    for (const c of r.cells) c.entries.sort((a, b) => a.label.localeCompare(b.label));
  }
  return { months, rows: [...rows.values()].sort(sortRows) };
}

/** Province × month for one measure: who imposed or lifted it, when. Provinces in Vietnamese order. */
export function measureGrid(
  records: readonly DirectiveRecord[],
  code: MeasureCode,
  provinceHref: (slug: string) => string,
): Grid {
  const points = records.flatMap((d) =>
    (d.data.measures ?? [])
      .filter((m) => m.code === code)
      .map((m) => {
        const slug = provinceByName(d.data.province).slug;
        return { row: slug, rowLabel: d.data.province, href: provinceHref(slug), d, m };
      }),
  );
  return buildGrid(points, (a, b) => compareVietnamese(a.label, b.label));
}

/** Measure × month for one province: the same picture on the province's page. Measures in list order. */
export function provinceMeasureGrid(records: readonly DirectiveRecord[], measureHref: (code: string) => string): Grid {
  const order = new Map(MEASURES.map((m, i) => [m.code as string, i]));
  const points = records.flatMap((d) =>
    (d.data.measures ?? []).map((m) => ({
      row: m.code,
      rowLabel: findMeasure(m.code)!.label,
      href: measureHref(m.code),
      d,
      m,
    })),
  );
  return buildGrid(points, (a, b) => order.get(a.key)! - order.get(b.key)!);
}

// ------------------------------------------------------------------ SVG geometry

export interface GridGeometry {
  width: number;
  height: number;
  labelWidth: number;
  /** month columns: x of the column's left edge, the month number, the year on January and on the first column */
  columns: Array<{ month: string; x: number; center: number; monthNumber: string; year: string | null }>;
  rows: Array<{ key: string; label: string; y: number }>;
  cells: Array<{ x: number; y: number; size: number; cell: GridCell }>;
  /** baselines of the year and month labels above the grid */
  yearY: number;
  monthY: number;
}

export const GRID = { cell: 20, gap: 3, axisHeight: 42, padding: 10, charWidth: 7 } as const;

/** Where each row, column and cell sits in the SVG; the label column fits the longest row label. */
export function gridGeometry(grid: Grid, opt = GRID): GridGeometry {
  const step = opt.cell + opt.gap;
  const labelWidth = Math.max(60, Math.ceil(Math.max(0, ...grid.rows.map((r) => r.label.length)) * opt.charWidth) + 16);
  const columns = grid.months.map((month, i) => {
    const [y, m] = month.split('-');
    const x = labelWidth + i * step;
    return {
      month,
      x,
      center: x + opt.cell / 2,
      monthNumber: String(Number(m)),
      year: m === '01' || i === 0 ? y! : null,
    };
  });
  const rows = grid.rows.map((r, i) => ({ key: r.key, label: r.label, y: opt.axisHeight + i * step }));
  const col = new Map(columns.map((c) => [c.month, c.x]));
  const cells = grid.rows.flatMap((r, i) =>
    r.cells.map((c) => ({ x: col.get(c.month)!, y: rows[i]!.y, size: opt.cell, cell: c })),
  );
  return {
    // room on the right for a year label that starts at the last column
    width: labelWidth + grid.months.length * step + opt.padding + 24,
    height: opt.axisHeight + grid.rows.length * step + opt.padding,
    labelWidth,
    columns,
    rows,
    cells,
    yearY: 14,
    monthY: 32,
  };
}

/** Words for a cell, for tooltips and the table: "áp dụng: Công văn số … (08/11/2021)". */
export function cellText(c: GridCell): string {
  return c.entries
    .map((e) => `${MEASURE_ACTION_LABELS[e.action]}: ${e.label}${e.scope ? `, ${e.scope}` : ''}`)
    .join('; ');
}

/** "tháng 7/2021" */
export const monthLabel = (month: string): string => formatDate(month);

// ------------------------------------------------------------------ evidence anchors

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where the sentence sits in the rendered body: the index of its text, outside any tag; -1 if absent. */
function textIndex(html: string, text: string): number {
  for (const needle of [
    escapeHtml(text),
    escapeHtml(text).replace(/&gt;/g, '>'),
    escapeHtml(text).replace(/"/g, '&quot;'),
  ]) {
    let i = html.indexOf(needle);
    while (i >= 0) {
      if (html.lastIndexOf('<', i) <= html.lastIndexOf('>', i)) return i;
      i = html.indexOf(needle, i + 1);
    }
  }
  return -1;
}

/**
 * The body with each measure's sentence wrapped in `<span class="measure-evidence" id="cau-…">`,
 * and for each measure the id its sentence now carries, or null when the sentence is not one run
 * of text in the body (a headline, or a sentence split by emphasis). Measures that share a
 * sentence share its id (the first code's).
 */
export function markEvidence(
  html: string,
  measures: readonly DirectiveMeasure[],
): { html: string; anchors: Map<string, string | null> } {
  const idOf = new Map<string, string | null>();
  let out = html;
  for (const m of measures) {
    if (idOf.has(m.evidence)) continue;
    const i = textIndex(out, m.evidence);
    if (i < 0) {
      idOf.set(m.evidence, null);
      continue;
    }
    const len = [
      escapeHtml(m.evidence),
      escapeHtml(m.evidence).replace(/&gt;/g, '>'),
      escapeHtml(m.evidence).replace(/"/g, '&quot;'),
    ].find((n) => out.startsWith(n, i))!.length;
    const id = evidenceId(m.code);
    out =
      `${out.slice(0, i)}<span class="measure-evidence" ` +
      `id="${id}">${out.slice(i, i + len)}</span>${out.slice(i + len)}`;
    idOf.set(m.evidence, id);
  }
  return { html: out, anchors: new Map(measures.map((m) => [m.code, idOf.get(m.evidence) ?? null])) };
}

/** A text-fragment link for a sentence the body does not hold as one run (browsers that know them scroll to it). */
export function textFragment(evidence: string): string {
  const words = evidence.split(/\s+/).filter(Boolean);
  const enc = (s: string): string =>
    encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  if (words.length <= 8) return `#:~:text=${enc(words.join(' '))}`;
  return `#:~:text=${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
}
