/**
 * A directive's text as data, from the HTML its page shows (so the anchors are exactly the
 * page's): blocks in order (paragraphs, list items, headings), each with its section anchor
 * when it has one ("muc-2-1"), and the whole as plain text, one block per paragraph. The
 * "#" copy-link the page adds after each section is left out.
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
  return n.type === 'element' && n.tagName === 'a' && (n.properties.className as string[] | undefined)?.includes('section-link') === true;
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

export function textBlocks(html: string): TextBlock[] {
  const tree = fromHtml(html, { fragment: true }) as Root;
  const out: TextBlock[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (n.tagName === 'li') {
        // an item's own text first, then its nested list's items as blocks of their own
        const own = withoutSectionLinks({ ...n, children: n.children.filter((c) => !(c.type === 'element' && LIST.has(c.tagName))) });
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
