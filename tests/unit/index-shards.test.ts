/**
 * The search index in shards (src/lib/search/shards.ts, build-index.ts): a stable shard per
 * directive, shards cached in the build cache by content, a rebuild after one change indexing
 * one shard, the output the same with or without the cache, written in one rename, and the
 * integrity check counting every shard. Real Pagefind on a generated corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../scripts/bench/write-corpus.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { checkBuild, listEntryIds } from '../../src/lib/build-integrity.ts';
import { indexBuiltSite, shardCacheDir } from '../../src/lib/search/build-index.ts';
import { Catalogue, type CatalogueFile } from '../../src/lib/search/catalogue.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { splitIntoShards } from '../../src/lib/search/indexer.ts';
import { SHARD_RECORDS, SHARD_RECORDS_ENV, shardCount, shardOf } from '../../src/lib/search/shards.ts';

const COUNT = 25;
const PER_SHARD = 8; // 25 directives in 4 shards
let work: string;
let content: string;
const saved = { cache: process.env.CACHE_DIR, per: process.env[SHARD_RECORDS_ENV] };

async function site(name: string): Promise<string> {
  const out = join(work, name);
  for (const id of await listEntryIds(join(content, 'directives'))) {
    mkdirSync(join(out, 'van-ban', id), { recursive: true });
    writeFileSync(join(out, 'van-ban', id, 'index.html'), '<!doctype html><title>x</title>');
  }
  return out;
}

/** Every file under a folder with its bytes' hash: equal trees have equal maps. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = join(dir, f);
    try {
      out[f] = createHash('sha256').update(readFileSync(p)).digest('hex');
    } catch {
      // a folder
    }
  }
  return out;
}

const useCache = (dir: string): void => {
  process.env.CACHE_DIR = dir;
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'index-shards-'));
  content = join(work, 'content');
  await writeCorpus(content, COUNT, 11);
  process.env[SHARD_RECORDS_ENV] = String(PER_SHARD);
}, 60_000);

afterAll(() => {
  for (const [k, v] of [
    ['CACHE_DIR', saved.cache],
    [SHARD_RECORDS_ENV, saved.per],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('which shard a directive goes to', () => {
  const urls = generateCorpus(2000, 3).map((d) => `/van-ban/${d.id}/`);

  it('depends on its URL alone, so adding one directive moves no other', () => {
    const before = splitIntoShards(
      urls.slice(1).map((url) => ({ url })),
      4,
    );
    const after = splitIntoShards(
      urls.map((url) => ({ url })),
      4,
    );
    const changed = before.filter((s, k) => JSON.stringify(s) !== JSON.stringify(after[k]));
    expect(changed).toHaveLength(1);
    expect(after[shardOf(urls[0]!, 4)]!.map((r) => r.url)).toContain(urls[0]);
  });

  it('spreads directives evenly and keeps their file order inside a shard', () => {
    const shards = splitIntoShards(
      urls.map((url) => ({ url })),
      4,
    );
    for (const s of shards) expect(s.length).toBeGreaterThan(400);
    for (const s of shards)
      expect(s.map((r) => urls.indexOf(r.url))).toEqual(s.map((r) => urls.indexOf(r.url)).sort((a, b) => a - b));
  });

  it('uses one shard up to one shard worth of directives, then powers of two that change rarely', () => {
    expect(shardCount(0, 3000)).toBe(1);
    expect(shardCount(3000, 3000)).toBe(1);
    expect(shardCount(3001, 3000)).toBe(2);
    expect(shardCount(6001, 3000)).toBe(4);
    // the archive at 10,000 and after one more directive: the same shards, so one is rewritten
    expect(shardCount(10_000, SHARD_RECORDS)).toBe(2);
    expect(shardCount(10_001, SHARD_RECORDS)).toBe(2);
    expect(shardCount(12_001, SHARD_RECORDS)).toBe(4);
  });
});

describe('the sharded index in the build cache', () => {
  let first: string;

  it('writes every shard, lists them in the catalogue, rows shard after shard', async () => {
    useCache(join(work, 'cache'));
    first = await site('out-1');
    const report = await indexBuiltSite(join(content, 'directives'), first);
    expect(report.directives).toBe(COUNT);
    expect(report.shards.map((s) => s.cached)).toEqual([false, false, false, false]);
    const file = JSON.parse(readFileSync(join(first, 'pagefind/catalogue.json'), 'utf8')) as CatalogueFile;
    expect(file.shards!.map((s) => s.path)).toEqual(['', 'shard-1/', 'shard-2/', 'shard-3/']);
    expect(file.shards!.reduce((n, s) => n + s.pages, 0)).toBe(COUNT);
    // each shard's own index holds its pages; only the first carries Pagefind's library
    for (const s of file.shards!) {
      const entry = JSON.parse(readFileSync(join(first, 'pagefind', s.path, 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.vi.page_count).toBe(s.pages);
    }
    expect(existsSync(join(first, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(first, 'pagefind/shard-1/pagefind.js'))).toBe(false);
    // the catalogue's rows are the shards' records, shard after shard, each in file order
    const records = await readSearchRecords(join(content, 'directives'), (id) => `/van-ban/${id}/`);
    const merged = splitIntoShards(records, 4).flat();
    const catalogue = new Catalogue(file);
    merged.forEach((r, row) => {
      expect(catalogue.value('province', row)).toBe(r.meta.province);
      expect(catalogue.date(row)).toBe(r.meta.date);
    });
    const numbers = JSON.parse(readFileSync(join(first, 'pagefind/numbers.json'), 'utf8')) as { numbers: string[] };
    expect(numbers.numbers).toEqual(merged.map((r) => r.meta.number));
    expect((await checkBuild(join(content, 'directives'), first)).ok).toBe(true);
  }, 60_000);

  it('copies unchanged shards from the cache: the same files as written', async () => {
    const again = await site('out-2');
    const report = await indexBuiltSite(join(content, 'directives'), again);
    expect(report.shards.every((s) => s.cached)).toBe(true);
    expect(tree(join(again, 'pagefind'))).toEqual(tree(join(first, 'pagefind')));
  }, 60_000);

  it('after one directive is edited, indexes its shard only, and builds what a clean build builds', async () => {
    const dir = join(content, 'directives');
    const ids = await listEntryIds(dir);
    const edited = ids[5]!;
    const file = join(dir, `${edited}.mdx`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nMột đoạn mới được bổ sung vào văn bản.\n`);
    const out = await site('out-3');
    const report = await indexBuiltSite(dir, out);
    expect(report.shards.filter((s) => !s.cached).map((s) => s.k)).toEqual([shardOf(`/van-ban/${edited}/`, 4)]);
    // the cache keeps only the entries of this build
    expect(readdirSync(shardCacheDir()).filter((n) => !n.startsWith('.'))).toHaveLength(4);
    useCache(join(work, 'cache-clean'));
    const clean = await site('out-4');
    await indexBuiltSite(dir, clean);
    expect(tree(join(out, 'pagefind'))).toEqual(tree(join(clean, 'pagefind')));
    useCache(join(work, 'cache'));
  }, 60_000);

  it('removes what interrupted builds left: a half-written cache entry, an index never put in place', async () => {
    const cache = shardCacheDir();
    // a pid that is not running: the process that wrote it is gone
    const stale = join(cache, '.tmp-0123456789abcdef-999999999');
    mkdirSync(join(stale, 'pagefind'), { recursive: true });
    const out = await site('out-5');
    mkdirSync(join(out, '.pagefind-partial/shard-9'), { recursive: true });
    writeFileSync(join(out, '.pagefind-partial/shard-9/pagefind-entry.json'), '{}');
    await indexBuiltSite(join(content, 'directives'), out);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(out, '.pagefind-partial'))).toBe(false);
    expect(existsSync(join(out, 'pagefind/shard-9'))).toBe(false);
    expect((await checkBuild(join(content, 'directives'), out)).ok).toBe(true);
  }, 60_000);

  it('leaves the previous index whole when the build stops before putting the new one in place', async () => {
    const dir = join(content, 'directives');
    const out = await site('out-6');
    await indexBuiltSite(dir, out);
    const before = tree(join(out, 'pagefind'));
    const ids = await listEntryIds(dir);
    rmSync(join(out, 'van-ban', ids[0]!), { recursive: true });
    await expect(indexBuiltSite(dir, out)).rejects.toThrow(`no page built for /van-ban/${ids[0]}/`);
    expect(tree(join(out, 'pagefind'))).toEqual(before);
  }, 60_000);
});

describe('the integrity check over shards', () => {
  it('fails when a shard the catalogue lists is missing, or an index is not a listed shard', async () => {
    useCache(join(work, 'cache'));
    const dir = join(content, 'directives');
    const out = await site('out-7');
    await indexBuiltSite(dir, out);
    const file = JSON.parse(readFileSync(join(out, 'pagefind/catalogue.json'), 'utf8')) as CatalogueFile;
    const lost = file.shards![2]!;
    // the shard's index moved to a folder the catalogue does not list
    renameSync(join(out, 'pagefind', lost.path), join(out, 'pagefind/shard-stray'));
    const report = await checkBuild(dir, out);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(`lists shard pagefind/${lost.path} but it has no index`);
    expect(report.problems.join('\n')).toContain('pagefind/shard-stray/ is not a shard the catalogue lists');
    rmSync(join(out, 'pagefind/shard-stray'), { recursive: true });
    const gone = await checkBuild(dir, out);
    expect(gone.problems.join('\n')).toContain(`Pagefind indexed ${COUNT - lost.pages} pages but there are ${COUNT}`);
  }, 60_000);

  it('fails when a shard holds another number of pages than its rows in the catalogue', async () => {
    const dir = join(content, 'directives');
    const out = await site('out-8');
    await indexBuiltSite(dir, out);
    const path = join(out, 'pagefind/catalogue.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as CatalogueFile;
    file.shards![0]!.pages += 1;
    file.shards![1]!.pages -= 1;
    writeFileSync(path, JSON.stringify(file));
    const report = await checkBuild(dir, out);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/Search shard pagefind\/: the catalogue gives it \d+ rows/);
  }, 60_000);
});
