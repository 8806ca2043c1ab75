/**
 * A directive's own external links open with rel="noopener noreferrer", rendered through the
 * plugin list astro.config.mjs gives the markdown processor; internal links are left alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import { rehypeExternalLinksPlugin } from '../../src/lib/external-links.ts';

describe('external links in directive text', () => {
  it('get rel="noopener noreferrer"; internal ones do not', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(...rehypeExternalLinksPlugin)
        .use(rehypeStringify)
        .process('Theo [Cổng TTĐT](https://thanhhoa.gov.vn/tin) và [mục 2](#muc-2), [trang](/van-ban/x/).'),
    );
    expect(html).toContain('<a href="https://thanhhoa.gov.vn/tin" rel="noopener noreferrer">');
    expect(html).toContain('<a href="#muc-2">');
    expect(html).toContain('<a href="/van-ban/x/">');
  });

  it('is in the processor the site is built with', () => {
    const config = readFileSync(resolve(import.meta.dirname, '../../astro.config.mjs'), 'utf8');
    expect(config).toMatch(/rehypePlugins:\s*\[[^\]]*rehypeExternalLinksPlugin/);
  });
});
