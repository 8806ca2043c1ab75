/**
 * The build must fail when a directive is dropped anywhere between the content folder, the
 * built pages and the Pagefind index. Exercised on a real generated corpus, real files and a
 * real Pagefind index, with one thing removed at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { writeCorpus } from '../../scripts/bench/write-corpus.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { checkBuild, compareCounts, listEntryIds } from '../../src/lib/build-integrity.ts';
import { buildCatalogue, CATALOGUE_FILE } from '../../src/lib/search/catalogue.ts';

const COUNT = 25;
const ids = generateCorpus(COUNT, 11).map((d) => d.id);

async function site(
  pageIds: readonly string[],
  indexIds: readonly string[],
  catalogueIds: readonly string[] = indexIds,
): Promise<{ content: string; out: string }> {
  const content = await mkdtemp(join(tmpdir(), 'integrity-content-'));
  await writeCorpus(content, COUNT, 11);
  const out = await mkdtemp(join(tmpdir(), 'integrity-out-'));
  await mkdir(join(out, 'van-ban'), { recursive: true });
  await writeFile(join(out, 'index.html'), '<html lang="vi"><body>Trang chủ</body></html>');
  for (const id of pageIds) {
    await mkdir(join(out, 'van-ban', id), { recursive: true });
    await writeFile(join(out, 'van-ban', id, 'index.html'), `<html lang="vi"><body><main>${id}</main></body></html>`);
  }
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (const id of indexIds)
    await index!.addCustomRecord({ url: `/van-ban/${id}/`, content: `Văn bản ${id}`, language: 'vi' });
  await index!.writeFiles({ outputPath: join(out, 'pagefind') });
  const row = { province: 'Hà Nội', docType: 'Công văn', issuer: 'UBND thành phố', date: '2021-11-08' };
  await writeFile(join(out, 'pagefind', CATALOGUE_FILE), JSON.stringify(buildCatalogue(catalogueIds.map(() => row))));
  return { content: join(content, 'directives'), out };
}

afterAll(async () => {
  await pagefind.close();
});

describe('build integrity check', () => {
  it('reads entry ids the way the content loader names them', async () => {
    const { content } = await site(ids, ids);
    expect(await listEntryIds(content)).toEqual([...ids].sort());
  }, 60_000);

  it('passes when entries, pages and index agree', async () => {
    const { content, out } = await site(ids, ids);
    const report = await checkBuild(content, out);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: COUNT, pages: COUNT, indexed: COUNT });
  }, 60_000);

  it('fails and names the entry when its page is missing', async () => {
    const dropped = ids[7]!;
    const { content, out } = await site(
      ids.filter((id) => id !== dropped),
      ids,
    );
    const report = await checkBuild(content, out);
    expect(report.ok).toBe(false);
    expect(report.missingPages).toEqual([dropped]);
    expect(report.problems.join('\n')).toContain(dropped);
  }, 60_000);

  it('fails when the search index lost a page', async () => {
    const { content, out } = await site(ids, ids.slice(1));
    const report = await checkBuild(content, out);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(
      `Pagefind indexed ${COUNT - 1} pages but there are ${COUNT} content entries`,
    );
  }, 60_000);

  it('fails when the search catalogue and the index disagree (results would be mislabelled)', async () => {
    const { content, out } = await site(ids, ids, ids.slice(2));
    const report = await checkBuild(content, out);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(
      `The search catalogue lists ${COUNT - 2} directives but Pagefind indexed ${COUNT} pages`,
    );
  }, 60_000);

  it('fails when a page exists for a directive that is no longer in the content folder', async () => {
    const { content, out } = await site(ids, ids);
    const removed = ids[3]!;
    await rm(join(content, `${removed}.mdx`));
    const report = await checkBuild(content, out);
    expect(report.ok).toBe(false);
    expect(report.strayPages).toEqual([removed]);
  }, 60_000);

  it('lists at most ten ids per problem so a mass failure stays readable', () => {
    const many = Array.from({ length: 40 }, (_, i) => `tinh/van-ban-${String(i).padStart(2, '0')}`);
    const report = compareCounts({ entries: many, pages: [], indexed: 0 });
    expect(report.problems[0]).toMatch(/^40 content entries have no page: .* … \(\+30\)$/);
    expect(report.missingPages).toHaveLength(40);
  });
});
