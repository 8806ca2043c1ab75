/**
 * Content loader for the directives: Astro's glob loader over `**\/*.mdx`, keeping only each
 * file's frontmatter in the content store. Bodies are rendered when their page is built, by
 * src/lib/directive-content.ts (Markdown pipeline with the MDX parser, cached on disk).
 *
 * Why: a directive body is text by contract (DEVELOPERS-BRIEF, "MDX body contract"; enforced by
 * `npm run check` and again when rendering), so compiling it into a JavaScript module buys
 * nothing and costs the most at scale. Measured at 1,000-10,000 directives (docs/performance.md):
 * - as MDX modules, Vite bundled one module per file (most of the build), and printed one
 *   MODULE_LEVEL_DIRECTIVE warning per file (Astro's "use astro:head-inject" wrapper);
 * - rendered into the content store, bodies and HTML made the store hundreds of MB, which Astro
 *   serialises with devalue, bundles as one JavaScript string and parses again to render pages:
 *   time and memory grew with every directive.
 * With frontmatter only, the store stays a few MB at 10,000 directives.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';

/** Astro's internal content entry type (passed to loaders, not in the public types). */
interface EntryType {
  getRenderFunction?: unknown;
  [key: string]: unknown;
}
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

export function directivesLoader(base: string): Loader {
  const files = glob({ pattern: '**/*.mdx', base, retainBody: false });
  return {
    name: 'archive:directives',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      const md = context.entryTypes.get('.md');
      if (!md) throw new Error('directives loader: Astro has no Markdown entry type');
      // The Markdown entry type reads frontmatter the same way as MDX's; without its render
      // function the glob loader stores data only (no HTML, no module to import).
      const { getRenderFunction: _unused, ...frontmatterOnly } = md;
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', frontmatterOnly);
      await files.load({ ...context, entryTypes } as LoaderContext);
    },
  };
}
