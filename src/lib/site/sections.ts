/**
 * Section markers at the start of a paragraph or list item ("1.", "2.1.", "1/", "a)", "II.")
 * and the anchor ids they get ("muc-1", "muc-2-1", "muc-2-1-a"). Shared by the rehype plugin
 * that writes the ids and by the table of contents, so both always agree.
 */

export type MarkerKind = 'roman' | 'number' | 'letter';

export interface SectionMarker {
  kind: MarkerKind;
  /** the marker as written ("2.1.", "a)") */
  text: string;
  /** its parts in lower case ("2.1." -> ["2", "1"], "a)" -> ["a"], "II." -> ["ii"]) */
  parts: string[];
}

const ROMAN = /^([IVXL]{1,6})\.(?=\s)/;
// "1." "2.1." "1/" "1)"; a dotted number without final dot only before a capital ("2.1 Nội dung"),
// so "1.5 triệu liều" is not a section.
const NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(?:[./)])(?=\s)|^(\d{1,3}(?:\.\d{1,3})+)(?=\s+\p{Lu})/u;
const LETTER = /^([a-zđ])\)(?=\s)/u;

/** The section marker a text starts with, or null. */
export function parseMarker(text: string): SectionMarker | null {
  const t = text.replace(/^\s+/, '');
  let m = ROMAN.exec(t);
  if (m) return { kind: 'roman', text: m[0], parts: [m[1]!.toLowerCase()] };
  m = NUMBER.exec(t);
  if (m) {
    const num = m[1] ?? m[2]!;
    return { kind: 'number', text: m[0], parts: num.split('.').map((p) => String(Number(p))) };
  }
  m = LETTER.exec(t);
  if (m) return { kind: 'letter', text: m[0], parts: [m[1] === 'đ' ? 'dd' : m[1]!] };
  return null;
}

/**
 * Walks a document's blocks in order and gives each marked block a unique id. A letter is
 * nested under the last number; a number under the last roman numeral; repeats get "-2", "-3".
 */
export class SectionIds {
  private roman: string | null = null;
  private numbers: string[] = [];
  private used = new Set<string>();

  /** The id for a block whose text starts with this marker. */
  next(marker: SectionMarker): string {
    let path: string[];
    if (marker.kind === 'roman') {
      this.roman = marker.parts[0]!;
      this.numbers = [];
      path = [this.roman];
    } else if (marker.kind === 'number') {
      this.numbers = marker.parts;
      path = [...(this.roman ? [this.roman] : []), ...this.numbers];
    } else {
      path = [...(this.roman ? [this.roman] : []), ...this.numbers, ...marker.parts];
    }
    const base = `muc-${path.join('-')}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A human label for the copy-link: "mục 2.1", "điểm a". */
export function markerLabel(marker: SectionMarker): string {
  const core = marker.text.replace(/[./)]+$/, '');
  return marker.kind === 'letter' ? `điểm ${core}` : `mục ${core}`;
}

export interface TocEntry {
  id: string;
  marker: string;
  text: string;
}

/** Undo Markdown escapes and inline emphasis of one block of the MDX body, for plain text. */
function plainBlock(block: string): string {
  return block
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/\*\*|__|\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Table of contents from an MDX body: the top-level sections (roman numerals, or single
 * numbers when the document has no roman numerals), ids computed exactly as the plugin does.
 * Blocks are paragraphs and list items, in document order.
 */
export function tableOfContents(body: string, maxText = 90): TocEntry[] {
  const blocks: string[] = [];
  for (const para of body.split(/\n\s*\n/)) {
    const lines = para.split('\n');
    if (lines.every((l) => /^\s*([-+*]|\d+\.)\s/.test(l) || l.trim() === '')) {
      // A Markdown list: every item is its own block.
      for (const l of lines) if (l.trim()) blocks.push(l.replace(/^\s*([-+*]|\d+\.)\s+/, ''));
    } else {
      blocks.push(lines.join(' '));
    }
  }
  const ids = new SectionIds();
  const all: Array<TocEntry & { kind: MarkerKind; depth: number }> = [];
  for (const b of blocks) {
    const text = plainBlock(b);
    const marker = parseMarker(text);
    if (!marker) continue;
    const id = ids.next(marker);
    let rest = text.slice(text.indexOf(marker.text) + marker.text.length).trim();
    if (rest.length > maxText) rest = `${rest.slice(0, maxText).replace(/\s+\S*$/, '')}…`;
    all.push({ id, marker: marker.text, text: rest, kind: marker.kind, depth: marker.parts.length });
  }
  const hasRoman = all.some((e) => e.kind === 'roman');
  return all
    .filter((e) => (hasRoman ? e.kind === 'roman' : e.kind === 'number' && e.depth === 1))
    .map(({ id, marker, text }) => ({ id, marker, text }));
}
