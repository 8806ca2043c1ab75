/**
 * The plain text of a directive's MDX body, one line per paragraph, heading or list item, for
 * the search index. Parsed (never evaluated) with remark-mdx, so escapes come out as the reader
 * sees them ("1\\. Ban" -> "1. Ban").
 *
 * Most bodies are plain paragraphs and "-"/"+" bullet lines (the importer's contract). For those,
 * `plainBodyText` reads the text straight off the lines, about 20x faster than the parse; any
 * body holding something it does not handle (emphasis, code, HTML, links, entities, headings,
 * ordered lists, indentation, hard breaks, …) goes through the full parse. The property tests in
 * tests/unit/search-mdx-text.test.ts hold the two to the same output.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The full parse: the reference every faster path must agree with. */
export function parsedBodyText(source: string): string {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).parse(source) as Root;
  const lines: string[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'yaml') continue;
      if (BLOCKS.has(n.type)) {
        const t = toString(n).replace(/\s+/g, ' ').trim();
        if (t) lines.push(t);
      } else if ('children' in n && Array.isArray(n.children)) {
        walk(n.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return lines.join('\n');
}

// A backslash before ASCII punctuation is an escape: the character, literally.
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// After escapes are taken out: characters that may start markup (emphasis, code, JSX, an
// expression, links, entities), tabs and CR. Any of them sends the body to the full parse.
const UNSAFE_CHAR = /[*_`<>{}[\]&\t\r\\]/;
// Starts of a line (or of a bullet item's text) that open anything other than paragraph text:
// leading whitespace, headings, quotes, setext/thematic lines, ordered lists, nested bullets.
const UNSAFE_START = /^(?:[ #=>|~:+-]|\d{1,9}[.)](?:\s|$))/;
const BULLET = /^[-+] (?=\S)/;
const FRONTMATTER = /^---\n[\s\S]*?\n---(?:\n|$)/;

/**
 * The same text as `parsedBodyText` for a body made only of paragraphs and bullet lines, or
 * null when the body holds anything else (the caller then parses it).
 */
export function plainBodyText(source: string): string | null {
  const fm = FRONTMATTER.exec(source);
  if (!fm || source.includes('\r')) return null;
  const out: string[] = [];
  let block: string[] = [];
  const end = (): void => {
    const t = block.join(' ').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    block = [];
  };
  for (const line of source.slice(fm[0].length).split('\n')) {
    if (/^ *$/.test(line)) {
      end();
      continue;
    }
    const bullet = BULLET.exec(line);
    const text = bullet ? line.slice(bullet[0].length) : line;
    if (UNSAFE_START.test(text) || / {2}$/.test(line)) return null;
    const unescaped = text.replace(ESCAPE, '$1');
    if (UNSAFE_CHAR.test(text.replace(ESCAPE, ''))) return null;
    if (bullet) end();
    block.push(unescaped);
  }
  end();
  return out.join('\n');
}

export function mdxBodyText(source: string): string {
  return plainBodyText(source) ?? parsedBodyText(source);
}
