/**
 * A directive's text as data, from the HTML its page shows (so the anchors are exactly the
 * page's): blocks in order (paragraphs, list items, headings), each with its section anchor
 * when it has one ("muc-2-1"), and the whole as plain text, one block per paragraph. The
 * "#" copy-link the page adds after each section is left out.
 *
 * `textBlocksParsed` parses the HTML into a tree (the reference); `textBlocks` scans the
 * markup the site's own renderer writes in one pass, about 10x faster (every directive goes
 * through it twice per build: its JSON and the bulk JSON Lines), and falls back to the parse
 * for anything it does not expect. Tests hold the two to the same output.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

export interface TextBlock {
  /** the section anchor on the page ("muc-2-1"), or null */
  id: string | null;
  text: string;
}

const BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th']);
const LIST = new Set(['ul', 'ol']);

function isSectionLink(n: RootContent): boolean {
  return (
    n.type === 'element' &&
    n.tagName === 'a' &&
    (n.properties.className as string[] | undefined)?.includes('section-link') === true
  );
}

function withoutSectionLinks(el: Element): Element {
  return {
    ...el,
    children: el.children
      .filter((c) => !isSectionLink(c))
      .map((c) => (c.type === 'element' ? withoutSectionLinks(c) : c)),
  };
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function textBlocksParsed(html: string): TextBlock[] {
  const tree = fromHtml(html, { fragment: true }) as Root;
  const out: TextBlock[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (n.tagName === 'li') {
        // an item's own text first, then its nested list's items as blocks of their own
        const own = withoutSectionLinks({
          ...n,
          children: n.children.filter((c) => !(c.type === 'element' && LIST.has(c.tagName))),
        });
        const text = clean(toString(own));
        if (text) out.push({ id: typeof n.properties.id === 'string' ? n.properties.id : null, text });
        walk(n.children.filter((c) => c.type === 'element' && LIST.has(c.tagName)) as RootContent[]);
      } else if (BLOCK.has(n.tagName)) {
        const text = clean(toString(withoutSectionLinks(n)));
        if (text) out.push({ id: typeof n.properties.id === 'string' ? n.properties.id : null, text });
      } else {
        walk(n.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return out;
}

/** The plain text: blocks separated by a blank line. */
export function plainText(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the entities rehype's serializer writes; null for one it never writes (parse instead). */
function decodeEntities(s: string): string | null {
  let unknown = false;
  const out = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    const v = ENTITY[e.toLowerCase()];
    if (v === undefined) unknown = true;
    return v ?? m;
  });
  return unknown ? null : out;
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|([^<]+)/g;
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link']);
const ID_ATTR = /\sid="([^"]*)"/;
const SECTION_LINK = /\sclass="[^"]*\bsection-link\b/;

export function textBlocks(html: string): TextBlock[] {
  const out: TextBlock[] = [];
  // the open block (p, li, h*, …) collecting text; li blocks flush when a nested list opens
  let current: { id: string | null; parts: string[]; tag: string } | null = null;
  const stack: string[] = [];
  let skipDepth = -1; // inside the section copy-link: its text is not the document's
  const flush = (): void => {
    if (!current) return;
    const text = clean(current.parts.join(''));
    if (text) out.push({ id: current.id, text });
    current = null;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[4] !== undefined) {
      if (current && skipDepth < 0) current.parts.push(m[4]);
      // an item's text after its nested list: the parse orders it before the nested items
      else if (!current && m[4].trim() && stack.includes('li')) return textBlocksParsed(html);
      continue;
    }
    if (m[2] === undefined) continue; // a comment
    const tag = m[2].toLowerCase();
    const closing = m[1] === '/';
    const attrs = m[3] ?? '';
    if (!closing) {
      if (tag === 'script' || tag === 'style' || tag === 'template') return textBlocksParsed(html);
      if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) {
        if (tag === 'br' && current && skipDepth < 0) current.parts.push('\n');
        continue;
      }
      stack.push(tag);
      if (tag === 'a' && SECTION_LINK.test(attrs) && skipDepth < 0) skipDepth = stack.length;
      if (LIST.has(tag) && current?.tag === 'li') flush();
      if (BLOCK.has(tag) && !(current && tag === 'p' && current.tag === 'li')) {
        if (current) {
          // a block inside a block other than p-in-li: not the renderer's markup
          if (current.tag !== 'li') return textBlocksParsed(html);
          flush();
        }
        current = { id: ID_ATTR.exec(attrs)?.[1] ?? null, parts: [], tag };
      }
    } else {
      if (stack.at(-1) !== tag) return textBlocksParsed(html); // unbalanced: let the parser decide
      if (skipDepth === stack.length) skipDepth = -1;
      stack.pop();
      if (current && current.tag === tag) flush();
    }
  }
  if (stack.length) return textBlocksParsed(html);
  for (const b of out) {
    const t = decodeEntities(b.text);
    if (t === null) return textBlocksParsed(html);
    b.text = clean(t);
  }
  return out;
}
