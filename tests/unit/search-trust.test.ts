/**
 * The trust set (scripts/bench/trust-set.ts) against the engine in Node, over the generated
 * corpus's real search records and the Pagefind stand-in: the same checks the browser test
 * makes on the real page (tests/site/search-trust.test.ts), in a second.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { searchArchive, type ArchiveIndex, type ResultItem } from '../../src/lib/search/engine.ts';
import { readSearchRecords } from '../../src/lib/search/corpus.ts';
import { writeGeneratedCorpus, type GeneratedDoc } from '../../scripts/bench/generated-corpus.ts';
import { trustSet } from '../../scripts/bench/trust-set.ts';
import { checkTrust, summariseTrust, type TrustOutcome } from '../../scripts/bench/trust-check.ts';
import { fakeArchive } from '../../scripts/bench/fake-pagefind.ts';

let work: string;
let docs: GeneratedDoc[];
let index: ArchiveIndex;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-trust-'));
  docs = await writeGeneratedCorpus(work);
  const records = await readSearchRecords(join(work, 'directives'), (id) => `/van-ban/${id}/`);
  index = await fakeArchive(records);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outcomes: TrustOutcome[] = [];

describe('trust set, engine in Node', () => {
  it('has at least 150 directives and 60 queries of every kind', () => {
    expect(docs.length).toBeGreaterThanOrEqual(150);
    const set = trustSet(docs);
    expect(set.length).toBeGreaterThanOrEqual(60);
    for (const k of [
      'topic',
      'spelling',
      'variant',
      'place',
      'person',
      'number',
      'number-missing',
      'cites',
      'urgency',
      'type',
      'issuer',
      'combined',
      'nothing',
      'partial',
    ]) {
      expect(
        set.some((s) => s.kind === k),
        k,
      ).toBe(true);
    }
  });

  it('every query: the right count, nothing falsely found, the right first result and headings', async () => {
    for (const item of trustSet(docs)) {
      const out = await searchArchive(index, {
        q: item.nfd ? item.q.normalize('NFD') : item.q,
        filters: {},
        sort: 'relevance',
      });
      // counted as the page counts it, after the first page; then every page read through "more"
      expect(await out.countAll(1000)).toBe(true);
      const found: ResultItem[] = [...out.items];
      while (out.hasMore()) found.push(...(await out.loadMore()));
      expect(new Set(found.map((i) => i.url)).size, `${item.q}: a directive listed twice`).toBe(found.length);
      outcomes.push(
        checkTrust(
          item,
          docs,
          {
            count: out.exact ? out.total : null,
            found: found.map((i) => i.url),
            citing: out.citing.map((i) => i.url),
            partial: out.partial.map((i) => i.url),
            missingNumber: out.missingNumber?.number ?? null,
          },
          { pageSize: 1000 },
        ),
      );
    }
    const report = summariseTrust(outcomes);
    const failed = outcomes.filter((o) => o.problems.length).map((o) => `${o.q}: ${o.problems.join('; ')}`);
    expect(failed).toEqual([]);
    expect(report.falseFound).toBe(0);
  });
});
