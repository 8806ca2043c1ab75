/**
 * THE reader of a directive file: every piece of code that reads content/directives/*.mdx (the
 * content checks, the content loader, the body renderer, the search corpus, the importer's
 * lookup of existing files, scripts and tests) goes through here, so they cannot disagree.
 *
 * - The text is read as the archivist meant it: a byte order mark (Windows Notepad) is dropped and
 *   the text is put in Unicode NFC, so "Công văn" typed in decomposed form (macOS, some editors)
 *   is the same value as the list's "Công văn". The check warns about both (`notes`).
 * - The frontmatter is the block between a `---` line at the top and the next `---` line.
 * - It is parsed with one YAML library (`yaml`), YAML 1.2 core schema plus timestamps: an
 *   unquoted 2021-11-08 is read as a date (the check then asks for quotes, dates stay strings).
 *   Its positions are kept, so a problem names the line of the key it is about.
 * - `readDirective` validates it with THE schema (src/lib/directive-schema.ts) and throws a
 *   DirectiveFileError naming the file, the line and the field; the check uses `splitFrontmatter`
 *   and reports every problem itself (src/lib/checks/schema.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { directiveSchema, type DirectiveData } from './directive-schema.ts';
import { directiveFilePath, entryId } from './entry-id.ts';

/** How the file's text was changed on reading (the check warns about each). */
export interface ReadNotes {
  /** the file started with a byte order mark (U+FEFF), dropped */
  bom: boolean;
  /** the file was not in Unicode NFC (e.g. decomposed, NFD), normalised */
  notNfc: boolean;
}

/** The file's text as every reader sees it: without a BOM, in NFC. */
export function normaliseSource(source: string): { text: string; notes: ReadNotes } {
  const bom = source.charCodeAt(0) === 0xfeff;
  const unmarked = bom ? source.slice(1) : source;
  const text = unmarked.normalize('NFC');
  return { text, notes: { bom, notNfc: text !== unmarked } };
}

export type SplitResult =
  | {
      ok: true;
      data: Record<string, unknown>;
      /** the normalised text of the whole file (no BOM, NFC) */
      text: string;
      notes: ReadNotes;
      /** the frontmatter's YAML, between the delimiter lines */
      yaml: string;
      /** the text with the frontmatter blanked out (spaces), so offsets and lines are the file's */
      body: string;
      /** the text with the frontmatter reduced to its line breaks, so lines are the file's */
      bodyWithLines: string;
      /** the text after the closing delimiter line */
      after: string;
      /** line of a frontmatter key path (["source", "raw"]), or of the opening delimiter */
      lineOf(path: readonly PropertyKey[]): number;
    }
  | {
      ok: false;
      reason: 'missing' | 'toml' | 'yaml' | 'not-object';
      line: number;
      detail: string;
      text: string;
      notes: ReadNotes;
    };

// Leading blank lines, then a delimiter line; the YAML; then a closing delimiter line.
const OPEN = /^(?:[ \t]*\r?\n)*(---|\+\+\+)[ \t]*\r?\n/;
const CLOSE = /^(---|\+\+\+)[ \t]*(?:\r?\n|$)/m;

const countLines = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/** Split a directive file's text into frontmatter data and body (see the module comment). */
export function splitFrontmatter(source: string): SplitResult {
  const { text, notes } = normaliseSource(source);
  const open = OPEN.exec(text);
  if (!open) return { ok: false, reason: 'missing', line: 1, detail: '', text, notes };
  const delimiter = open[1]!;
  const delimiterStart = open[0].lastIndexOf(delimiter);
  const delimiterLine = 1 + countLines(text.slice(0, delimiterStart));
  if (delimiter === '+++') return { ok: false, reason: 'toml', line: delimiterLine, detail: '', text, notes };
  const yamlStart = open[0].length;
  const close = CLOSE.exec(text.slice(yamlStart));
  if (close?.[1] !== '---') return { ok: false, reason: 'missing', line: 1, detail: '', text, notes };
  const yaml = text.slice(yamlStart, yamlStart + close.index);
  const closeEnd = yamlStart + close.index + close[0].length;
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, customTags: ['timestamp'], prettyErrors: false });
  const lineAt = (offset: number): number => delimiterLine + counter.linePos(offset).line;
  const error = doc.errors[0];
  if (error) {
    return { ok: false, reason: 'yaml', line: lineAt(error.pos[0]), detail: firstLine(error.message), text, notes };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, reason: 'yaml', line: delimiterLine, detail: (e as Error).message, text, notes };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'not-object', line: delimiterLine, detail: '', text, notes };
  }
  return {
    ok: true,
    data: data as Record<string, unknown>,
    text,
    notes,
    yaml,
    body: blankFrontmatter(text, delimiterStart, closeEnd, close[0], ' '),
    bodyWithLines: blankFrontmatter(text, delimiterStart, closeEnd, close[0], ''),
    after: text.slice(closeEnd),
    lineOf: (path) => lineOfPath(doc, path, lineAt) ?? delimiterLine,
  };
}

/** The text with the frontmatter's characters replaced by `fill` (its line breaks kept). */
function blankFrontmatter(text: string, start: number, end: number, closeLine: string, fill: string): string {
  // The closing delimiter's own line break stays in the body: lines keep their numbers.
  const closeBreak = closeLine.slice(3).replace(/[^\r\n]/g, '');
  const fm = text.slice(start, end - closeBreak.length);
  return text.slice(0, start) + fm.replace(/[^\r\n]/g, fill) + closeBreak + text.slice(end);
}

/**
 * The body to render, frontmatter reduced to its line breaks (as `bodyWithLines`), found
 * without parsing the YAML: the content loader has validated it; the renderer needs the text.
 * Throws DirectiveFileError when the file has no frontmatter block.
 */
export function bodyToRender(file: string, source: string): string {
  const { text } = normaliseSource(source);
  const open = OPEN.exec(text);
  const close = open?.[1] === '---' ? CLOSE.exec(text.slice(open[0].length)) : null;
  if (!open || close?.[1] !== '---') return splitOrThrow(file, source).bodyWithLines;
  const start = open[0].lastIndexOf('---');
  return blankFrontmatter(text, start, open[0].length + close.index + close[0].length, close[0], '');
}

const firstLine = (s: string): string => s.split('\n')[0]!.trim();

/** The line of the deepest existing node on `path`: its key ("date:") when it has one, else its value. */
function lineOfPath(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | null {
  for (let n = path.length; n > 0; n--) {
    const sub = path.slice(0, n) as unknown[];
    const node = doc.getIn(sub, true);
    if (!isNode(node) || !node.range) continue;
    const parent = n > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
    const last = sub[n - 1];
    if (parent && typeof parent === 'object' && 'items' in parent) {
      const items = (parent as { items: unknown[] }).items;
      const item =
        typeof last === 'number'
          ? items[last]
          : items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      if (isPair(item) && isNode(item.key) && item.key.range) return lineAt(item.key.range[0]);
    }
    return lineAt(node.range[0]);
  }
  return null;
}

/** A directive file that cannot be read: the message names the file, the line and what to do. */
export class DirectiveFileError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail} Run \`npm run check\` for the details and the fix.`);
    this.name = 'DirectiveFileError';
    this.file = file;
    this.line = line;
  }
}

const REASONS: Record<Exclude<SplitResult, { ok: true }>['reason'], string> = {
  missing: 'no frontmatter block (a --- line, the fields, a --- line) at the top.',
  toml: 'the frontmatter is TOML (+++); the archive uses YAML (---).',
  yaml: 'the frontmatter is not valid YAML',
  'not-object': 'the frontmatter is not a list of "name: value" fields.',
};

/** The split of a file that must be readable; throws DirectiveFileError otherwise. */
export function splitOrThrow(file: string, source: string): Extract<SplitResult, { ok: true }> {
  const split = splitFrontmatter(source);
  if (!split.ok) {
    const detail = split.reason === 'yaml' ? `${REASONS.yaml} (${split.detail}).` : REASONS[split.reason];
    throw new DirectiveFileError(file, split.line, detail);
  }
  return split;
}

export interface DirectiveFile {
  /** the valid frontmatter, defaults applied */
  data: DirectiveData;
  /** the text after the frontmatter */
  body: string;
  /** the whole text as read (no BOM, NFC) */
  text: string;
  split: Extract<SplitResult, { ok: true }>;
}

/** Read and validate one directive's text against THE schema; throws DirectiveFileError. */
export function readDirective(file: string, source: string): DirectiveFile {
  const split = splitOrThrow(file, source);
  const parsed = directiveSchema.safeParse(split.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DirectiveFileError(
      file,
      split.lineOf(issue.path),
      `frontmatter field "${issue.path.join('.')}": ${issue.message}.`,
    );
  }
  return { data: parsed.data, body: split.after, text: split.text, split };
}

export interface DirectiveEntryFile extends DirectiveFile {
  /** the entry id, from the file's path (src/lib/entry-id.ts): the page is /van-ban/<id>/ */
  id: string;
  /** absolute path */
  filePath: string;
}

/** One directive of a directives folder, by its path relative to it ("ha-noi/x.mdx"). */
export async function readDirectiveFile(directivesDir: string, rel: string): Promise<DirectiveEntryFile> {
  const filePath = directiveFilePath(directivesDir, rel);
  return { id: entryId(rel), filePath, ...readDirective(filePath, await readFile(filePath, 'utf8')) };
}

/** As readDirectiveFile, synchronously (tests and small scripts). */
export function readDirectiveFileSync(directivesDir: string, rel: string): DirectiveEntryFile {
  const filePath = directiveFilePath(directivesDir, rel);
  return { id: entryId(rel), filePath, ...readDirective(filePath, readFileSync(filePath, 'utf8')) };
}
