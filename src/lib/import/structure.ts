/**
 * Step 5: the body lines -> an mdast tree. Each paragraph of the source is a paragraph; a
 * numbered section keeps its marker as written ("1.", "2.1.", "1/", "a)") at the start of its
 * paragraph (the stringifier escapes it, so Markdown does not renumber it); bulleted lines
 * ("- ", "+ ", "• ") become list items; `**bold**` and `*italic*` in the source stay emphasis.
 * Recipients, "Nơi nhận" and the signature are already split out by the segmenter.
 */
import type { Root, RootContent, PhrasingContent, ListItem, List } from 'mdast';

const BULLET = /^([-+•])\s+/;

/** `**x**` and `*x*` become strong/emphasis; every other character stays literal text. */
export function inline(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const re = /\*\*(?=\S)([^*]+?)(?<=\S)\*\*|(?<![*\p{L}\d])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\p{L}\d])/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'strong', children: [{ type: 'text', value: m[1] }] });
    else out.push({ type: 'emphasis', children: [{ type: 'text', value: m[2]! }] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

export function structure(body: string[]): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  let bullet: string | null = null;
  for (const line of body) {
    if (!line) continue; // paragraph breaks are implicit between blocks
    const b = BULLET.exec(line);
    if (b) {
      if (!list || bullet !== b[1]) {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        bullet = b[1]!;
        children.push(list);
      }
      const item: ListItem = {
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: inline(line.slice(b[0].length)) }],
      };
      list.children.push(item);
      continue;
    }
    list = null;
    bullet = null;
    children.push({ type: 'paragraph', children: inline(line) });
  }
  return { type: 'root', children };
}
