/**
 * Writes a synthetic directive as MDX following the body contract in DEVELOPERS-BRIEF.md:
 * YAML frontmatter, then an mdast tree serialised by remark-stringify with
 * remark-mdx, so `{ } < >` and list-like markers are always escaped and no text
 * can become JSX or an expression. (The benchmark's own emitter: the importer's lives in
 * src/lib/import/ and may differ in details that do not matter for timing.)
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { unified } from 'unified';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { stringify } from 'yaml';

/** A body block: a paragraph (optionally bold), or a bulleted list of lines. */
export type BodyBlock = { kind: 'paragraph'; text: string; strong?: boolean } | { kind: 'list'; items: string[] };

function phrasing(text: string, strong = false): PhrasingContent[] {
  const t: PhrasingContent = { type: 'text', value: text };
  return strong ? [{ type: 'strong', children: [t] }] : [t];
}

export function bodyToMdast(blocks: readonly BodyBlock[]): Root {
  const children: RootContent[] = blocks.map((b) =>
    b.kind === 'paragraph'
      ? { type: 'paragraph', children: phrasing(b.text, b.strong) }
      : {
          type: 'list',
          ordered: false,
          spread: false,
          children: b.items.map((item) => ({
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: phrasing(item) }],
          })),
        },
  );
  return { type: 'root', children };
}

const processor = unified().use(remarkMdx).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*' }).freeze();

export function emitMdx(frontmatter: Record<string, unknown>, blocks: readonly BodyBlock[]): string {
  // YAML 1.1 rules when writing: the reader (src/lib/directive-file.ts) turns an unquoted
  // 2021-11-08 into a Date (and `n`/`yes` into booleans); 1.1 mode quotes exactly those strings.
  const yaml = stringify(frontmatter, { lineWidth: 0, version: '1.1' });
  return `---\n${yaml}---\n\n${processor.stringify(bodyToMdast(blocks))}`;
}
