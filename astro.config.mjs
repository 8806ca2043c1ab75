// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rawCopies } from './src/integrations/raw-copies.ts';
import { previewServer } from './src/integrations/preview-server.ts';
import { incrementalGuard } from './src/integrations/incremental-guard.ts';
import { modulePreloads } from './src/integrations/module-preloads.ts';
import { markdownProcessor } from './src/lib/markdown-processor.ts';
import { paths } from './src/lib/site/urls.ts';

// `SITE` and `BASE` let the archive be published under a sub-path (e.g. GitHub Pages).
const site = process.env.SITE ?? 'http://localhost:4321';
const base = process.env.BASE ?? '/';

export default defineConfig({
  // OUT_DIR / CACHE_DIR: tests and benchmarks build beside, not over, the developer's dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // 'never': the CSP allows only the site's own stylesheet files, no inline <style>.
    inlineStylesheets: 'never',
    // Pages wait on file reads and writes (cached body HTML, raw files, the output and the
    // incremental cache); with four in flight the one rendering thread stays busy. `astro build`
    // alone at 10,000 directives: 92 s with two, 83 s with four (docs/performance.md). Pages
    // share no mutable state, so the output is the same (tests/site/reproducible.test.ts).
    concurrency: 4,
  },
  markdown: {
    // The unified (remark/rehype) processor, defined in src/lib/markdown-processor.ts so that
    // directive pages render bodies with the same pipeline (src/lib/directive-content.ts).
    processor: markdownProcessor,
  },
  integrations: [
    mdx(),
    // Pages only: feeds, data files and raw sources are linked from the pages, not listed.
    sitemap({ filter: (page) => page.endsWith('/') }),
    // Raw sources copied byte for byte, not rendered as 10,000 routes.
    rawCopies(),
    // `astro preview` serves raw sources with their real type and charset.
    previewServer(),
    // A build that did not finish leaves no incremental cache that could serve a stale page.
    incrementalGuard(),
    // The search page fetches its script's modules in one round, not as each import is read.
    modulePreloads([`${paths.search()}index.html`]),
    // The search index and the check that nothing was dropped are steps of `npm run build`
    // (scripts/build.ts), the one build path: CI, the deploy and the tests all run it.
  ],
  devToolbar: { enabled: false },
  experimental: {
    // A rebuild renders only the pages whose inputs changed: each page's `cacheKey`
    // (src/lib/site/page-cache-keys.ts) covers every datum it reads besides code; Astro hashes
    // the code. Kept pages live in CACHE_DIR (dist/, incremental-build.json), which CI and the
    // deploy keep between runs. tests/site/incremental-build.test.ts guards it.
    // INCREMENTAL_BUILD=0 renders every page (the cache is then neither read nor written).
    incrementalBuild: process.env.INCREMENTAL_BUILD !== '0',
  },
  // `astro dev` watches the project: keep it off build outputs and scratch folders, which
  // hold tens of thousands of files after a benchmark.
  vite: { server: { watch: { ignored: ['**/.tmp/**', '**/dist/**', '**/bench-results/**'] } } },
});
