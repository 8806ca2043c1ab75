/**
 * Raw file names may hold "#", "?" and "%" (archivists name files as they like): the links to
 * them are URL-encoded, so "#1" is not read as an anchor nor "?" as a query, and the link
 * checker never crashes on a malformed %-escape (it used to stop with URIError).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths, withBase } from '../../src/lib/site/urls.ts';
import { checkLinks } from '../../src/lib/checks/links.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'raw-links-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}
const page = (body: string) => `<!doctype html><html lang="vi"><head></head><body>${body}</body></html>`;

describe('raw file names in links', () => {
  it('regression: "#", "?" and "%" in a raw name are URL-encoded in its link', () => {
    expect(paths.raw('content/raw/công văn #12?bản 50%.txt')).toBe(
      'raw/c%C3%B4ng%20v%C4%83n%20%2312%3Fb%E1%BA%A3n%2050%25.txt',
    );
    expect(withBase('/kho/', paths.raw('content/raw/x/y.txt'))).toBe('/kho/raw/x/y.txt');
    const url = new URL(withBase('/', paths.raw('content/raw/a#1?b%.txt')), 'http://site.invalid');
    expect(url.hash).toBe('');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname)).toBe('/raw/a#1?b%.txt');
  });

  it('regression: check:links follows such links to the file, reports a bad %-escape and never crashes', async () => {
    const dist = site({
      'index.html': page(
        `<a href="${withBase('/', paths.raw('content/raw/a#1?b%.txt'))}">gốc</a>` +
          '<a href="/raw/50%.txt">hỏng</a><a href="/#%E0%A4%A">x</a>',
      ),
      'raw/a#1?b%.txt': 'x',
    });
    const broken = await checkLinks(dist, '/');
    expect(broken).toEqual([
      { page: '/', href: '/raw/50%.txt', reason: 'missing-page' },
      { page: '/', href: '/#%E0%A4%A', reason: 'missing-anchor' },
    ]);
  });
});
