/**
 * A directive's own external links open with rel="noopener noreferrer" when its body is rendered
 * by the site's real pipeline (src/lib/directive-content.ts over src/lib/markdown-processor.ts);
 * internal links are left alone.
 */
import { describe, expect, it } from 'vitest';
import { createDirectiveRenderer } from '../../src/lib/directive-content.ts';

describe('external links in directive text', () => {
  it('get rel="noopener noreferrer"; internal ones do not', async () => {
    const render = await createDirectiveRenderer();
    const html = await render(
      'Theo [Cổng TTĐT](https://thanhhoa.gov.vn/tin) và [mục 2](#muc-2), [trang](/van-ban/x/).\n',
    );
    expect(html).toMatch(/<a href="https:\/\/thanhhoa\.gov\.vn\/tin" rel="noopener noreferrer">/);
    expect(html).toContain('<a href="#muc-2">');
    expect(html).toContain('<a href="/van-ban/x/">');
  });
});
