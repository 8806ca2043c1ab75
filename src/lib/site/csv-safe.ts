/**
 * CSV formula injection: a spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that
 * starts with "=", "+", "-" or "@" as a formula (tab and carriage return can hide such a start),
 * so a subject line `=HYPERLINK("…","bấm vào đây")` in a directive would be a live link or worse
 * for whoever opens /api/directives.csv. Such a cell is written with a leading apostrophe, which
 * spreadsheets read as "this is text" (OWASP's advice). Kept apart from the table layout
 * (src/lib/site/serialize.ts) so columns can be added without touching it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value that no spreadsheet evaluates. */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting, as serialize.ts writes it. */
function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Every cell of a CSV table (RFC 4180, as toCsv writes it: optional BOM, quoted cells, CRLF
 * rows) through neutraliseCsvCell; cells that need no change are left byte for byte.
 */
export function neutraliseCsv(csv: string): string {
  const bom = csv.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = csv.slice(bom.length);
  let out = bom;
  let i = 0;
  while (i < text.length) {
    // one cell: quoted or bare, up to "," or a line end
    let raw: string;
    let value: string;
    if (text[i] === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          v += text.slice(j);
          j = text.length;
          break;
        }
        v += text.slice(j, q);
        if (text[q + 1] === '"') {
          v += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      raw = text.slice(i, j);
      value = v;
      i = j;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
      raw = text.slice(i, j);
      value = raw;
      i = j;
    }
    const safe = neutraliseCsvCell(value);
    out += safe === value ? raw : quote(safe);
    // the separator after it
    if (text[i] === ',') {
      out += ',';
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      out += '\r\n';
      i += 2;
      continue;
    }
    if (text[i] === '\n' || text[i] === '\r') {
      out += text[i];
      i++;
    }
  }
  return out;
}
