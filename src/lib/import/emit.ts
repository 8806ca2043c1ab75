/**
 * Step 6: frontmatter + mdast -> MDX text. The body is serialised from the syntax tree with
 * remark-stringify and the MDX extension, which escapes every character that could open JSX,
 * an expression, an import/export or an HTML comment, so directive text stays data. The
 * frontmatter is YAML from the `yaml` library, quoted wherever a parser could mistake a string
 * for a date, number or boolean.
 * Deterministic: same input, same bytes. Validated against the schema before anyone writes it.
 */
import { createHash } from 'node:crypto';
import { unified, type Processor } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { stringify as yamlStringify } from 'yaml';
import type { Root } from 'mdast';
import { directiveSchema, type DirectiveInput } from '../directive-schema.ts';
import { ImportError } from './errors.ts';
import { toString } from 'mdast-util-to-string';
import { parseBody } from '../checks/content.ts';
import { checkDirectiveFile } from '../checks/file-check.ts';
import { MAX_MDX_BYTES, megabytes } from './limits.ts';

/**
 * remark-mdx escapes `{` and `<`, but a line starting with `import ` or `export ` would still be
 * read as ESM. Marking the first letter unsafe there makes the serialiser write it as a
 * character reference (`&#x69;mport`): it renders as "import" and can never be code.
 */
function escapeEsm(this: Processor): void {
  const data = this.data() as { toMarkdownExtensions?: unknown[] };
  (data.toMarkdownExtensions ??= []).push({
    unsafe: [
      { character: 'i', atBreak: true, after: 'mport[\\s{*]' },
      { character: 'e', atBreak: true, after: 'xport[\\s{*]' },
    ],
  });
}

/**
 * GFM (which the check and the build read MDX with) turns "www.", "http://", "mailto:" and
 * e-mail addresses into links that run until a space or "<", swallowing the backslash that
 * escapes a following "<" (which then opens JSX). remark-gfm's serialiser escapes only some of
 * these; the rest are escaped here, so a web or e-mail address in a directive stays plain text.
 */
function escapeAutolinks(this: Processor): void {
  const data = this.data() as { toMarkdownExtensions?: unknown[] };
  (data.toMarkdownExtensions ??= []).push({
    unsafe: [
      { character: '.', before: '[Ww]{3}' },
      { character: ':', before: '[Mm][Aa][Ii][Ll][Tt][Oo]|[Xx][Mm][Pp][Pp]' },
      { character: ':', before: '[Hh][Tt][Tt][Pp][Ss]?', after: '\\/' },
      { character: '@' },
    ],
  });
}

const processor = unified()
  .use(remarkMdx)
  .use(remarkGfm)
  .use(escapeAutolinks)
  .use(escapeEsm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { bullet: '-', bulletOther: '+', emphasis: '*', strong: '*', rule: '-', fences: true });

const IMPORT_HASH_LINE = /^importHash: .*\n/m;

/** sha256 of the file text without its importHash line: what the importer wrote. */
export function importHashOf(fileText: string): string {
  return createHash('sha256').update(fileText.replace(IMPORT_HASH_LINE, '')).digest('hex');
}

/** Validate, then serialise. Throws ImportError naming the field that breaks the contract. */
export function emit(frontmatter: DirectiveInput, body: Root, name = 'input'): string {
  const parsed = directiveSchema.safeParse(frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(
      `${name}: field "${issue.path.join('.')}" is invalid (${issue.message}); the text could not be read well ` +
        `enough to fill it.`,
    );
  }
  const { importHash: _drop, ...fm } = frontmatter;
  // YAML 1.1 rules when writing: anything a 1.1 parser (js-yaml) would read as a date, boolean or
  // number is quoted, so "2021-11-08" stays a string whichever parser reads the file
  const yaml = yamlStringify(fm, { version: '1.1', lineWidth: 0, sortMapEntries: false }).trimEnd();
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: yaml }, ...body.children] };
  const text = processor.stringify(tree);
  const hash = importHashOf(text);
  // the hash line goes last in the frontmatter; importHashOf() removes it again to check
  const out = text.replace(/\n---\n/, `\nimportHash: "${hash}"\n---\n`);
  const size = Buffer.byteLength(out);
  if (size > MAX_MDX_BYTES) {
    throw new ImportError(
      `${name}: the directive would be ${megabytes(size)} as MDX, over the ${megabytes(MAX_MDX_BYTES)} the check ` +
        `accepts for one directive. A directive is a few pages: split the file into one file per directive ` +
        `and import those.`,
    );
  }
  verify(out, body, name);
  return out;
}

/** Longest MDX whose text is read back after writing. */
const VERIFY_TEXT_CHARS = 1024 * 1024;

/** Paragraph by paragraph, the text a reader sees. */
const blocksOf = (children: readonly unknown[]): string[] =>
  children
    .filter((c) => (c as { type: string }).type !== 'yaml')
    .map((c) =>
      toString(c as Root)
        .replace(/\s+/g, ' ')
        .trim(),
    );

/**
 * The output must pass the check as it is (`npm run check` and the build read MDX with GFM, whose
 * autolinks and strikethrough the serialiser must not leave room for) and show exactly the text
 * it was made from. A failure here is an importer bug: nothing is written and the archivist is
 * told to report the file.
 */
function verify(mdx: string, body: Root, name: string): void {
  const report = (what: string): never => {
    throw new ImportError(
      `${name}: the importer could not write this text safely (${what}); nothing was written. Please report this ` +
        `file to the developers.`,
    );
  };
  const errors = checkDirectiveFile(name, mdx).problems.filter((p) => p.severity === 'error');
  if (errors.length)
    report(`npm run check would refuse it: ${errors[0]!.code}${errors[0]!.line ? ` on line ${errors[0]!.line}` : ''}`);
  // Reading the text back costs a full parse (~1 s a MB); real directives are well under the
  // bound, and the property tests hold the serialiser to it on every kind of text.
  if (mdx.length > VERIFY_TEXT_CHARS) return;
  let parsed: Root;
  try {
    parsed = parseBody(mdx.slice(mdx.indexOf('\n---\n') + 5)) as Root;
  } catch (e) {
    throw new ImportError(
      `${name}: the importer could not write this text safely (the MDX does not parse: ${(e as Error).message}); ` +
        `nothing was written. Please report this file to the developers.`,
    );
  }
  const want = blocksOf(body.children);
  const got = blocksOf(parsed.children);
  const at = want.findIndex((w, i) => got[i] !== w);
  if (at >= 0 || got.length !== want.length)
    report(`paragraph ${at >= 0 ? at + 1 : want.length + 1} would read differently on the site`);
}
