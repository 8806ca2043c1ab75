/**
 * Splits a directive file into frontmatter and body exactly as Astro does (same delimiter regex,
 * same YAML parser, js-yaml, so an unquoted date becomes a Date here just as it does in the
 * build), and keeps a `yaml` CST beside it to point problems at the right line.
 */
import yaml from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

// Copied from @astrojs/internal-helpers/frontmatter (what Astro's content layer and MDX use).
const FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const FRONTMATTER_TYPE_RE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

export type SplitResult =
  | {
      ok: true;
      data: Record<string, unknown>;
      /** the body with the frontmatter blanked out (spaces), so offsets and lines are the file's */
      body: string;
      /** line of a frontmatter key path (["source", "raw"]), or of the opening delimiter */
      lineOf(path: readonly PropertyKey[]): number;
    }
  | { ok: false; reason: 'missing' | 'toml' | 'yaml' | 'not-object'; line: number; detail: string };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function splitFrontmatter(source: string): SplitResult {
  const match = FRONTMATTER_RE.exec(source);
  if (!match) return { ok: false, reason: 'missing', line: 1, detail: '' };
  const raw = match[1]!;
  const delimiter = FRONTMATTER_TYPE_RE.exec(source)?.[1] ?? '---';
  // raw starts right after the opening delimiter, so its first line is the delimiter's line.
  const rawStart = match.index + match[0].length - delimiter.length - raw.length;
  const delimiterLine = lineAt(source, rawStart);
  if (delimiter === '+++') {
    return { ok: false, reason: 'toml', line: delimiterLine, detail: '' };
  }
  let data: unknown;
  try {
    data = yaml.load(raw);
  } catch (e) {
    const err = e as { mark?: { line: number }; reason?: string; message: string };
    const line = delimiterLine + (err.mark?.line ?? 0);
    return { ok: false, reason: 'yaml', line, detail: err.reason ?? err.message };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'not-object', line: delimiterLine, detail: '' };
  }
  // As Astro's "empty-with-spaces": the body keeps the file's offsets and line numbers.
  const body = source.replace(`${delimiter}${raw}${delimiter}`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
  // The CST is only needed to point at a line, i.e. when there is a problem: built on first use.
  const counter = new LineCounter();
  let doc: Document | null | undefined;
  const lineOf = (path: readonly PropertyKey[]): number => {
    if (doc === undefined) {
      try {
        doc = parseDocument(raw, { lineCounter: counter });
      } catch {
        doc = null;
      }
    }
    if (!doc) return delimiterLine;
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        // Point at the key ("date:") when there is one, else at the value.
        const valueLine = delimiterLine + counter.linePos(node.range[0]).line - 1;
        return keyLine(doc, path.slice(0, n), counter, delimiterLine) ?? valueLine;
      }
    }
    return delimiterLine;
  };
  return { ok: true, data: data as Record<string, unknown>, body, lineOf };
}

/** The line of the key itself ("date:"), found through the parent map's pair. */
function keyLine(
  doc: Document,
  path: readonly PropertyKey[],
  counter: LineCounter,
  delimiterLine: number,
): number | null {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const last = path[path.length - 1];
  if (!parent || typeof parent !== 'object' || !('items' in parent)) return null;
  const items = (parent as { items: unknown[] }).items;
  for (const [i, item] of items.entries()) {
    const pair = item as { key?: { value?: unknown; range?: [number, number, number] } };
    const isMatch = pair && typeof pair === 'object' && 'key' in pair
      ? pair.key?.value === last
      : i === last;
    if (!isMatch) continue;
    const range = pair.key?.range ?? (item as { range?: [number, number, number] }).range;
    if (!range) return null;
    return delimiterLine + counter.linePos(range[0]).line - 1;
  }
  return null;
}
