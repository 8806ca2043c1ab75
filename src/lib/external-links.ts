/**
 * External links in a directive's text (`[nguồn](https://…)`) get rel="noopener noreferrer":
 * the linked site gets no handle on our page and no referrer. Used in astro.config.mjs.
 */
import rehypeExternalLinks, { type Options } from 'rehype-external-links';

export const externalLinksOptions: Options = { rel: ['noopener', 'noreferrer'] };

export const rehypeExternalLinksPlugin: [typeof rehypeExternalLinks, Options] = [
  rehypeExternalLinks,
  externalLinksOptions,
];
