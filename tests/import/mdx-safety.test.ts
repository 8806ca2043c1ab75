/**
 * Imported text is data, never code. Property tests: random and hostile text (braces, angle
 * brackets, import/export at line start, HTML comments, backslashes, $, JSX-looking tags,
 * unicode junk) goes through the importer's emitter and the whole pipeline; the MDX must compile
 * with @mdx-js/mdx, run, and render exactly the text (only paragraphs, lists and emphasis).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, run } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { structure } from '../../src/lib/import/structure.ts';
import { emit } from '../../src/lib/import/emit.ts';
import { importText } from '../../src/lib/import/pipeline.ts';
import { decode } from '../../src/lib/import/decode.ts';
import { clean } from '../../src/lib/import/clean.ts';
import { segment } from '../../src/lib/import/segment.ts';

// A runtime that builds a plain tree instead of React elements, so we can read what renders.
interface El {
  type: unknown;
  props: Record<string, unknown>;
}
const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Record<string, unknown>): El => ({ type, props });
const runtime = { Fragment, jsx, jsxs: jsx };

const ALLOWED = new Set(['p', 'ul', 'li', 'strong', 'em']);

/** Render to top-level blocks of text; throws on any element outside ALLOWED. */
function render(node: unknown, tags: Set<string>): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map((n) => render(n, tags)).join('');
  const el = node as El;
  if (typeof el.type === 'function') return render((el.type as (p: unknown) => unknown)(el.props), tags);
  if (typeof el.type === 'string') tags.add(el.type);
  return render(el.props?.children, tags);
}

async function renderBlocks(mdx: string): Promise<{ blocks: string[]; tags: Set<string> }> {
  const code = String(await compile(mdx, { remarkPlugins: [remarkFrontmatter], outputFormat: 'function-body' }));
  // nothing but the JSX runtime may be imported or evaluated
  // (string literals hold the directive text, which may well say "import(")
  const codeOnly = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
  expect(codeOnly).not.toMatch(/\bimport\b|\bexport\b|\beval\b/);
  const mod = await run(code, { ...runtime, baseUrl: import.meta.url });
  const root = (mod.default as (p: unknown) => El)({});
  const tags = new Set<string>();
  render(root, tags);
  // one block renders as itself, several as a Fragment of blocks (and "\n" strings between)
  const top = root.type === Fragment ? ([] as unknown[]).concat(root.props.children ?? []) : [root];
  const blocks = top
    .filter((c) => typeof c === 'object' && c !== null)
    .map((c) => render(c, new Set()).replace(/\s+/g, ' ').trim());
  return { blocks, tags };
}

const FM = {
  title: 'Kiểm thử',
  number: null,
  docType: 'Công văn',
  date: '2021-11',
  issuer: 'UBND tỉnh',
  province: 'Vĩnh Phúc',
  source: { raw: 'content/raw/x.txt', sha256: '0'.repeat(64) },
} as const;

// FUZZ_SEED=<seed> FUZZ_PATH=<path> replays a failure fast-check reported.
const replay: { seed?: number; path?: string } = process.env.FUZZ_SEED
  ? { seed: Number(process.env.FUZZ_SEED), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) }
  : {};

/** A block's text as it reads: list items are separate lines, so they read with a space between. */
const blockText = (c: Root['children'][number]): string =>
  (c.type === 'list' ? c.children.map((li) => toString(li)).join(' ') : toString(c)).replace(/\s+/g, ' ').trim();

const HOSTILE = [
  '{',
  '}',
  '<',
  '>',
  '</',
  '/>',
  '<div>',
  '<Foo bar={1} />',
  'import x from "y"',
  'export const a = 1',
  'export default 1',
  '<!--',
  '-->',
  '\\',
  '\\\\',
  '$',
  '$$',
  '${x}',
  '`',
  '```',
  '*',
  '**',
  '_',
  '__',
  '#',
  '# ',
  '> ',
  '- ',
  '+ ',
  '1. ',
  '1) ',
  '[a](b)',
  '![i](j)',
  '&amp;',
  '&#123;',
  '|',
  '~~',
  ':::',
  '\u0000',
  '\u200b',
  '\u202e',
  '\ufeff',
  'ổ',
  'Ư',
  '🦠',
  '\t',
  '  ',
  'import',
  'export',
  '{/* c */}',
  '<>',
  '</>',
  '=',
  '"',
  "'",
  '<https://x.y>',
  'http://a.b',
  '[^1]',
  '\r',
];
const token = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('Công văn', 'số 907-CV/TU', 'ngày 8-11-2021', 'Thường trực Tỉnh ủy'),
);
const line = fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => t.join(''));
/** a line as the importer hands it to structure(): trimmed, one line, non-empty */
const bodyLine = line
  .map((l) =>
    l
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(/\u0000/g, '')
      .trim(),
  )
  .filter((l) => l.length > 0);

describe('MDX emitted from any text is inert and renders the text literally', { timeout: 120_000 }, () => {
  it('emit(structure(lines)) compiles, runs, and renders each block as the tree text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bodyLine, { minLength: 1, maxLength: 6 }), async (lines) => {
        const tree: Root = structure(lines);
        const mdx = emit(FM, tree);
        const { blocks, tags } = await renderBlocks(mdx);
        for (const t of tags)
          expect(ALLOWED.has(t), `unexpected element <${t}> from ${JSON.stringify(lines)}`).toBe(true);
        const expected = tree.children.map(blockText);
        expect(blocks).toEqual(expected);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), ...replay },
    );
  }, 120_000);

  it('regression: consecutive list items render as separate lines, as the tree holds them', async () => {
    const lines = ['- Công văn', '- !', '!'];
    const { blocks } = await renderBlocks(emit(FM, structure(lines)));
    expect(blocks).toEqual(['Công văn !', '!']);
  });

  it('import/export at the start of a line stay text (regression: they used to become ESM)', async () => {
    const mdx = emit(
      FM,
      structure(['import danger from "evil"', 'export const x = 1', 'export default function X() {}']),
    );
    const { blocks } = await renderBlocks(mdx);
    expect(blocks).toEqual(['import danger from "evil"', 'export const x = 1', 'export default function X() {}']);
  });

  it('the whole pipeline never throws, and its MDX compiles and renders exactly the body it kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 0, maxLength: 8 }), async (junk) => {
        const text =
          `Ngày 8-11-2021, UBND tỉnh Vĩnh Phúc ban hành Công văn số 907/UBND-VX về việc kiểm thử.\n` +
          `\n${junk.join('\n')}\n`;
        const r = importText(Buffer.from(text, 'utf8'), 'fuzz.txt');
        if (!r.ok) {
          expect(typeof r.error).toBe('string');
          return;
        }
        const { blocks, tags } = await renderBlocks(r.mdx!);
        for (const t of tags) expect(ALLOWED.has(t), `unexpected element <${t}>`).toBe(true);
        // what renders is exactly the body the importer kept, block by block
        const body = structure(segment(clean(decode(Buffer.from(text, 'utf8')).text).text).body);
        expect(blocks).toEqual(body.children.map(blockText));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  }, 120_000);

  it('random bytes are imported or refused with a message naming the file, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = importText(bytes, 'random.bin');
        expect(r.ok || (typeof r.error === 'string' && r.error.includes('random.bin'))).toBe(true);
        expect(r.error ?? '').not.toMatch(/unexpected importer failure/);
      }),
      { numRuns: 500 },
    );
  });
});
