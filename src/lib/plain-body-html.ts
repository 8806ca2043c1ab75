/**
 * The HTML of a plain directive body without the Markdown pipeline: most bodies are, by the
 * importer's contract, paragraphs and "-"/"+" bullet lines of plain text (markers escaped,
 * "1\\. Ban …"). For those, this gives the same HTML as the site's renderer (remark-mdx, GFM,
 * remark-rehype, the section anchors, hast-util-to-html) about 50 times faster: the full
 * pipeline costs ~10 ms a body, most of a cold build at 10,000 directives.
 *
 * Anything it does not handle exactly (emphasis, links and autolinks, code, HTML, entities,
 * headings, quotes, ordered lists, indentation, loose or nested lists, hard breaks, tables, …)
 * returns null and goes through the full pipeline. The property tests in
 * tests/unit/plain-body-html.test.ts hold the two to byte-identical output.
 */
import { markerLabel, parseMarker, SectionIds } from './site/sections.ts';

// A backslash before ASCII punctuation is an escape: the character, literally.
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// After escapes are taken out: characters that may open markup (emphasis, code, JSX, expressions,
// links, autolinks, entities, tables, strikethrough, footnotes), tabs, CR and stray backslashes.
// Control characters and Unicode line separators are left to the full pipeline too.
const UNSAFE_CHAR = /[*_`<>{}[\]&|~@\\\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|:\/\/|www\.|mailto:|xmpp:/i;
// Line starts that open anything but paragraph text: whitespace, headings, quotes, setext and
// thematic lines, ordered list items, bullets, definitions, and MDX's import/export (code, which
// the full pipeline refuses).
const UNSAFE_START = /^(?:[ #=>|:+*-]|\d{1,9}[.)](?:\s|$)|import\b|export\b)/;
const BULLET = /^[-+] (?=\S)/;
const ESCAPED = '\u{F8FF}';

interface Block {
  kind: 'p' | 'ul';
  /** paragraph: its lines; list: one text per item */
  texts: string[];
}

/** The blocks of a body, or null when any part of it is not plain text. */
function plainBlocks(body: string): Block[] | null {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let bullet = '';
  for (const line of body.split('\n')) {
    if (line === '') {
      current = null;
      continue;
    }
    if (/^\s*$/.test(line) || /\s$/.test(line)) return null;
    const item = BULLET.exec(line);
    if (item) {
      const text = line.slice(2);
      if (UNSAFE_START.test(text)) return null;
      // A new list right after another one (after a blank line) would make it loose, or two lists.
      if (current?.kind === 'p' || (current === null && blocks.at(-1)?.kind === 'ul')) return null;
      if (current?.kind === 'ul' && line[0] !== bullet) return null;
      if (!current) {
        current = { kind: 'ul', texts: [] };
        blocks.push(current);
        bullet = line[0]!;
      }
      current.texts.push(text);
      continue;
    }
    if (UNSAFE_START.test(line) || current?.kind === 'ul') return null;
    if (!current) {
      current = { kind: 'p', texts: [] };
      blocks.push(current);
    }
    current.texts.push(line);
  }
  return blocks.length ? blocks : null;
}

/** Text as hast-util-to-html writes it. */
const escapeText = (s: string): string => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');

function anchored(tag: 'p' | 'li', text: string, ids: SectionIds): string {
  const marker = parseMarker(text);
  if (!marker) return `<${tag}>${escapeText(text)}</${tag}>`;
  const id = ids.next(marker);
  const link =
    `<a href="#${id}" class="section-link" data-pagefind-ignore=""><span aria-hidden="true">#</span>` +
    `<span class="visually-hidden">Liên kết đến ${escapeText(markerLabel(marker))}</span></a>`;
  return `<${tag} id="${id}" class="section">${escapeText(text)} ${link}</${tag}>`;
}

/** The body's HTML, byte for byte as the full renderer writes it, or null when the body is not plain. */
export function plainBodyHtml(body: string): string | null {
  // Escapes out first (an escaped character is literal), so only real markup is looked for.
  const literal: string[] = [];
  if (body.includes(ESCAPED)) return null;
  const masked = body.replace(ESCAPE, (_, c: string) => {
    literal.push(c);
    return ESCAPED;
  });
  if (UNSAFE_CHAR.test(masked)) return null;
  const blocks = plainBlocks(masked);
  if (!blocks) return null;
  let k = 0;
  const unmask = (s: string): string => s.replace(/\u{F8FF}/gu, () => literal[k++]!);
  const ids = new SectionIds();
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') out.push(anchored('p', unmask(b.texts.join('\n')), ids));
    else out.push(`<ul>\n${b.texts.map((t) => anchored('li', unmask(t), ids)).join('\n')}\n</ul>`);
  }
  return out.join('\n');
}
