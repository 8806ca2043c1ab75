import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { directiveSchema } from './lib/directive-schema.ts';
import { contentDir } from './lib/content-dir.ts';

/**
 * One collection: the directives, one MDX file each under content/directives/<province>/.
 * The schema (src/lib/directive-schema.ts) is the contract the importer writes to.
 */
const directives = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir()}/directives` }),
  schema: directiveSchema,
});

export const collections = { directives };
