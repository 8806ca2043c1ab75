/**
 * The search step `npm run build` runs after `astro build` (scripts/search-index.ts), as a real
 * process over a built site: it writes the index, and fails the build when a directive has no
 * page or a page has no directive (nothing dropped silently).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listEntryIds } from '../../src/lib/build-integrity.ts';

const root = resolve(import.meta.dirname, '../..');
const content = join(root, 'content');

async function fakeSite(): Promise<{ out: string; ids: string[] }> {
  const out = mkdtempSync(join(tmpdir(), 'search-step-'));
  const ids = await listEntryIds(join(content, 'directives'));
  for (const id of ids) {
    mkdirSync(join(out, 'van-ban', id), { recursive: true });
    writeFileSync(join(out, 'van-ban', id, 'index.html'), '<!doctype html><title>x</title>');
  }
  return { out, ids };
}

const run = (out: string) =>
  spawnSync(process.execPath, [join(root, 'scripts/search-index.ts')], {
    cwd: root,
    env: { ...process.env, OUT_DIR: out, CONTENT_DIR: content },
    encoding: 'utf8',
  });

describe('npm run build: the search step after astro build', () => {
  it('indexes every directive and reports entries = pages = indexed', async () => {
    const { out, ids } = await fakeSite();
    const r = run(out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `${ids.length} content entries = ${ids.length} directive pages = ${ids.length} pages in the search index`,
    );
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.vi?.page_count).toBe(ids.length);
    const catalogue = JSON.parse(readFileSync(join(out, 'pagefind/catalogue.json'), 'utf8')) as { documents: number };
    expect(catalogue.documents).toBe(ids.length);
    // Index chunks end every ~4,000 word locations (Pagefind's default, 20,000, would make the
    // seeds one chunk): a rare word is fetched without a frequent neighbour's postings.
    expect(readdirSync(join(out, 'pagefind/index')).length).toBeGreaterThanOrEqual(2);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it('fails, naming the directive, when a directive has no page, and writes no index', async () => {
    const { out, ids } = await fakeSite();
    rmSync(join(out, 'van-ban', ids[0]!), { recursive: true });
    const r = run(out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`no page built for /van-ban/${ids[0]}/`);
    expect(existsSync(join(out, 'pagefind/pagefind-entry.json'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it('fails the integrity check when a directive page has no content entry', async () => {
    const { out, ids } = await fakeSite();
    cpSync(join(out, 'van-ban', ids[0]!), join(out, 'van-ban', 'ha-noi/khong-co-van-ban-nay'), { recursive: true });
    const r = run(out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Build integrity check failed[\s\S]*ha-noi\/khong-co-van-ban-nay/);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});
