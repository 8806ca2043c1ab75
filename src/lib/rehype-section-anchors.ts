/**
 * rehype plugin: a paragraph or list item whose text starts with a section marker ("1.",
 * "2.1.", "1/", "a)", "II.") gets a stable id ("muc-1", "muc-2-1", "muc-2-1-a") and a visible
 * "#" link to itself, so a reader can copy a link to one section without any JavaScript.
 * One job only; the ids come from src/lib/site/sections.ts, which the table of contents shares.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarker, SectionIds, markerLabel } from './site/sections.ts';

function anchorLink(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${id}`, className: ['section-link'], dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: `Liên kết đến ${label}` }],
      },
    ],
  };
}

/** Where the link goes: inside the item's first paragraph when it has one, else in the item. */
function linkHost(el: Element): Element {
  const first = el.children.find((c): c is Element => c.type === 'element');
  return el.tagName === 'li' && first?.tagName === 'p' ? first : el;
}

export default function rehypeSectionAnchors() {
  return (tree: Root): void => {
    const ids = new SectionIds();
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'p' && node.tagName !== 'li') return;
      // A list item's first paragraph is the item itself: number it once, on the <li>.
      if (node.tagName === 'p' && parent?.type === 'element' && parent.tagName === 'li' && linkHost(parent) === node)
        return;
      const marker = parseMarker(toString(node));
      if (marker) {
        const id = ids.next(marker);
        if (node.properties.id === undefined) node.properties.id = id;
        const host = linkHost(node);
        host.children.push(
          { type: 'text', value: ' ' } as ElementContent,
          anchorLink(String(node.properties.id), markerLabel(marker)),
        );
        node.properties.className = [...((node.properties.className as string[]) ?? []), 'section'];
      }
    });
  };
}
