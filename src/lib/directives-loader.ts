/**
 * Content loader for the directives: Astro's glob loader over `**\/*.mdx`, but each body is
 * rendered to HTML once, at content sync, by the site's Markdown pipeline with the MDX parser
 * (remark-mdx) in front, instead of being compiled into one JavaScript module per file.
 *
 * Why: a directive body is text by contract (DEVELOPERS-BRIEF, "MDX body contract"; enforced by
 * `npm run check`), so compiling it to a module buys nothing and costs the most at scale: at
 * 10,000 files, Vite bundling of the MDX modules dominated the build, every module printed a
 * MODULE_LEVEL_DIRECTIVE warning (Astro's per-file "use astro:head-inject" wrapper), and any
 * change re-bundled all of them. Rendered here, the HTML is cached in the content data store
 * keyed by the file's digest, so a rebuild re-renders only the files that changed.
 *
 * Same syntax as MDX: remark-mdx is in the parser, so escapes, indented text and `<`/`{` are
 * read exactly as the MDX compiler would read them. Anything MDX would have executed (JSX, an
 * {expression}, import/export) is refused with the file and line, never rendered: safer than
 * compiling it.
 */
import type { AstroConfig } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

interface RenderedContent {
  html: string;
  metadata: Record<string, unknown>;
}
interface RenderableEntry {
  id: string;
  body?: string;
  filePath?: string;
  data: Record<string, unknown>;
}
/** Astro's internal content entry type (passed to loaders, not in the public types). */
interface EntryType {
  getRenderFunction?: (config: AstroConfig) => Promise<(entry: RenderableEntry) => Promise<RenderedContent>>;
  [key: string]: unknown;
}
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

const CODE_NODES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

/** remark plugin: fail on anything that MDX would turn into code. */
export function remarkRefuseCode() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (CODE_NODES.has(node.type)) {
        const where = `${file.path ?? 'directive'}:${node.position?.start.line ?? '?'}`;
        throw new Error(
          `${where}: the directive body contains code (${node.type}); a directive is text only. Escape the character (\\{ \\<) or run \`npm run check\`.`,
        );
      }
    });
  };
}

interface UnifiedProcessorOptions {
  remarkPlugins?: unknown[];
  rehypePlugins?: unknown[];
  remarkRehype?: Record<string, unknown>;
  gfm?: boolean;
  smartypants?: unknown;
}

/** Renders a directive body with the site's Markdown pipeline, parsed as MDX, refusing code. */
export async function createDirectiveRenderer(markdown: AstroConfig['markdown'], image?: AstroConfig['image']) {
  const options = (markdown.processor as { options?: UnifiedProcessorOptions } | undefined)?.options;
  if (!options) throw new Error('directives loader: markdown.processor must be unified() from @astrojs/markdown-remark');
  const processor = await createMarkdownProcessor({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: options.gfm ?? markdown.gfm,
    smartypants: (options.smartypants ?? markdown.smartypants) as boolean,
    remarkPlugins: [remarkMdx, remarkRefuseCode, ...(options.remarkPlugins ?? [])] as never,
    rehypePlugins: (options.rehypePlugins ?? []) as never,
    remarkRehype: (options.remarkRehype ?? {}) as never,
  } as Parameters<typeof createMarkdownProcessor>[0]);
  return (body: string, filePath?: string, frontmatter: Record<string, unknown> = {}) =>
    processor.render(body, filePath ? { frontmatter, fileURL: pathToFileURL(filePath) } : { frontmatter });
}

function mdxSyntaxEntryType(md: EntryType, failures: string[]): EntryType {
  return {
    ...md,
    async getRenderFunction(config: AstroConfig) {
      const render = await createDirectiveRenderer(config.markdown, config.image);
      return async (entry: RenderableEntry): Promise<RenderedContent> => {
        let result;
        try {
          result = await render(entry.body ?? '', entry.filePath, entry.data);
        } catch (e) {
          // The glob loader only logs render errors; collected here so the build fails instead
          // of publishing a page without its text.
          failures.push(`${entry.filePath ?? entry.id}: ${(e as Error).message}`);
          throw e;
        }
        return {
          html: result.code,
          metadata: { ...result.metadata, imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths] },
        };
      };
    },
  } as EntryType;
}

export function directivesLoader(base: string): Loader {
  const files = glob({ pattern: '**/*.mdx', base });
  return {
    name: 'archive:directives',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      const md = context.entryTypes.get('.md');
      if (!md?.getRenderFunction) throw new Error('directives loader: Astro has no Markdown entry type');
      const failures: string[] = [];
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', mdxSyntaxEntryType(md, failures));
      await files.load({ ...context, entryTypes } as LoaderContext);
      // An entry cached from a failed render would otherwise stay textless on the next build.
      for (const id of context.store.keys()) {
        if (!context.store.get(id)?.rendered) failures.push(`${id}: no rendered text`);
      }
      if (failures.length) throw new Error(`${failures.length} directive(s) could not be rendered:\n- ${failures.join('\n- ')}`);
    },
  };
}
