import { defineCollection } from 'astro:content';
import { directiveSchema } from './lib/directive-schema.ts';
import { contentDir } from './lib/content-dir.ts';
import { directivesLoader } from './lib/directives-loader.ts';

/**
 * One collection: the directives, one MDX file each under content/directives/<province>/.
 * The schema (src/lib/directive-schema.ts) is the contract the importer writes to.
 * The loader keeps frontmatter only; bodies are rendered for their pages, never compiled to modules: see
 * src/lib/directives-loader.ts (10,000 directives build in a fraction of the time).
 */
const directives = defineCollection({
  loader: directivesLoader(`${contentDir()}/directives`),
  schema: directiveSchema,
});

export const collections = { directives };
