/**
 * The plain text of a directive's MDX body, one line per paragraph, heading or list item, for
 * the search index. Parsed (never evaluated) with remark-mdx, so escapes come out as the reader
 * sees them ("1\\. Ban" -> "1. Ban").
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

export function mdxBodyText(source: string): string {
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
