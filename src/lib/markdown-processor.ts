/**
 * The site's Markdown pipeline (the unified processor, whose MDX parser the importer's emitter
 * targets), in one place: astro.config.mjs sets it as `markdown.processor`
 * (MDX inherits it) and src/lib/directive-content.ts renders directive bodies with it.
 * SmartyPants off: a directive's quotes and dashes are printed as received.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSectionAnchors from './rehype-section-anchors.ts';
import { rehypeExternalLinksPlugin } from './external-links.ts';

export const markdownProcessor = unified({
  smartypants: false,
  rehypePlugins: [rehypeSectionAnchors, rehypeExternalLinksPlugin],
});
