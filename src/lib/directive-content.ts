/**
 * A directive's body and its HTML, for its page. The body is read from the MDX file and
 * rendered by the site's Markdown pipeline with the MDX parser (remark-mdx) in front, so it is
 * read exactly as the MDX compiler would read it; anything MDX would have executed (JSX, an
 * {expression}, import/export) fails the build with the file and line instead of rendering.
 *
 * The HTML is cached on disk under the build cache, keyed by the body and a fingerprint of the
 * renderer, so a rebuild renders only new or edited directives (src/lib/directives-loader.ts
 * explains why bodies are not kept in Astro's content store).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { bodyToRender } from './directive-file.ts';
import { plainBodyHtml } from './plain-body-html.ts';
import { markdownProcessor } from './markdown-processor.ts';

const CODE_NODES = new Set([
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
]);

/** remark plugin: fail on anything that MDX would turn into code. */
export function remarkRefuseCode() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (CODE_NODES.has(node.type)) {
        const where = `${file.path ?? 'directive'}:${node.position?.start.line ?? '?'}`;
        throw new Error(
          `${where}: the directive body contains code (${node.type}); a directive is text only. ` +
            'Escape the character (\\{ \\<) or run `npm run check`.',
        );
      }
    });
  };
}

interface UnifiedOptions {
  remarkPlugins: unknown[];
  rehypePlugins: unknown[];
  remarkRehype: Record<string, unknown>;
  gfm?: boolean;
  smartypants?: unknown;
}

export type RenderBody = (body: string, filePath?: string) => Promise<string>;

/** The full renderer: the site's processor options with remark-mdx and the code refusal in front. */
export async function createFullRenderer(
  processor: { options: UnifiedOptions } = markdownProcessor as never,
): Promise<RenderBody> {
  const o = processor.options;
  // Loaded on first use: a build whose bodies are all plain or cached never pays for the pipeline.
  const [{ createMarkdownProcessor }, { default: remarkMdx }] = await Promise.all([
    import('@astrojs/markdown-remark'),
    import('remark-mdx'),
  ]);
  const md = await createMarkdownProcessor({
    gfm: o.gfm ?? true,
    smartypants: (o.smartypants ?? false) as boolean,
    remarkPlugins: [remarkMdx, remarkRefuseCode, ...o.remarkPlugins] as never,
    rehypePlugins: o.rehypePlugins as never,
    remarkRehype: o.remarkRehype as never,
  } as Parameters<typeof createMarkdownProcessor>[0]);
  return async (body, filePath) => (await md.render(body, filePath ? { fileURL: pathToFileURL(filePath) } : {})).code;
}

/**
 * The renderer: plain bodies straight to HTML (src/lib/plain-body-html.ts, the same bytes,
 * ~50 times faster), every other body through the full pipeline. A processor other than the
 * site's gets the full pipeline only.
 */
export async function createDirectiveRenderer(
  processor: { options: UnifiedOptions } = markdownProcessor as never,
): Promise<RenderBody> {
  const full = await createFullRenderer(processor);
  if (processor !== (markdownProcessor as never)) return full;
  return async (body, filePath) => plainBodyHtml(body) ?? full(body, filePath);
}

// Source files whose change must invalidate cached HTML (the pipeline and its plugins).
const RENDERER_SOURCES = [
  'directive-file.ts',
  'plain-body-html.ts',
  'markdown-processor.ts',
  'rehype-section-anchors.ts',
  'external-links.ts',
  'site/sections.ts',
  'directive-content.ts',
];

let rendererPromise: Promise<RenderBody> | undefined;
let fingerprintPromise: Promise<string> | undefined;

// Read from the project root (the build's cwd): bundled into Astro's prerender chunk, this
// module's own location is not under src/.
async function fingerprint(root = process.cwd()): Promise<string> {
  const h = createHash('sha256');
  for (const f of RENDERER_SOURCES) h.update(await readFile(join(root, 'src/lib', f)));
  h.update(await readFile(join(root, 'package-lock.json')).catch(() => Buffer.alloc(0)));
  return h.digest('hex').slice(0, 16);
}

function cacheDir(): string {
  return join(resolve(process.env.CACHE_DIR ?? 'node_modules/.astro'), 'directive-html');
}

export interface DirectiveContent {
  /** the MDX body (text after the frontmatter) */
  body: string;
  html: string;
}

/** Where the HTML of a file's body is cached, and the body. */
async function cacheEntry(filePath: string): Promise<{ text: string; body: string; cached: string }> {
  const source = await readFile(filePath, 'utf8');
  // Frontmatter blanked to empty lines: error positions stay the file's own line numbers.
  const text = bodyToRender(filePath, source);
  fingerprintPromise ??= fingerprint();
  const key = createHash('sha256')
    .update(await fingerprintPromise)
    .update('\0')
    .update(text)
    .digest('hex');
  return { text, body: text.trim(), cached: join(cacheDir(), key.slice(0, 2), `${key}.html`) };
}

// Atomic: a half-written cache file must never be served as a directive's text.
async function store(cached: string, html: string): Promise<void> {
  await mkdir(dirname(cached), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  await writeFile(tmp, html);
  await rename(tmp, cached);
}

/** Body and HTML of the directive file at `filePath` (absolute, or relative to the cwd). */
export async function loadDirectiveContent(filePath: string): Promise<DirectiveContent> {
  const { text, body, cached } = await cacheEntry(filePath);
  const hit = await readFile(cached, 'utf8').catch(() => null);
  if (hit !== null) return { body, html: hit };
  rendererPromise ??= createDirectiveRenderer();
  const html = await (await rendererPromise)(text, resolve(filePath));
  await store(cached, html);
  return { body, html };
}

/**
 * For the build's warm-up (scripts/warm-html-cache.ts): makes sure the HTML of a file is cached
 * when that needs no Markdown pipeline. "cached": it was; "plain": written now from the plain
 * body; "pipeline": the body needs the full renderer (loadDirectiveContent).
 */
export async function warmPlainContent(filePath: string): Promise<'cached' | 'plain' | 'pipeline'> {
  const { text, cached } = await cacheEntry(filePath);
  if (existsSync(cached)) return 'cached';
  const html = plainBodyHtml(text);
  if (html === null) return 'pipeline';
  await store(cached, html);
  return 'plain';
}
