/**
 * A small in-memory stand-in for Pagefind that behaves like it where it matters to the engine:
 * every term prefix-matches folded words (diacritics ignored, as Pagefind does), all terms
 * required, a term it does not hold answered with its longest held prefix, a search with no term lists
 * every page in the order added, content stored with newlines as spaces. Filters, counts and dates come
 * from the catalogue built from the same records, as the build makes it.
 */
import { buildCatalogue } from '../../src/lib/search/catalogue.ts';
import {
  openArchiveIndex,
  type ArchiveIndex,
  type PagefindLike,
  type PagefindResponse,
} from '../../src/lib/search/engine.ts';
import { buildSearchRecord, type SearchRecord } from '../../src/lib/search/record.ts';
import { variantCounts } from '../../src/lib/search/indexer.ts';
import { syllables } from '../../src/lib/search/text.ts';
import type { DirectiveData } from '../../src/lib/directive-schema.ts';

export const directive = (over: Partial<DirectiveData>): DirectiveData =>
  ({
    title: 'Văn bản',
    number: null,
    docType: 'Công văn',
    date: '2021-11',
    dateSource: 'document',
    issuer: 'Ban Thường vụ Tỉnh ủy',
    province: 'Thanh Hóa',
    signer: null,
    signerRole: null,
    subject: null,
    recipients: [],
    urgency: null,
    references: [],
    measures: [],
    summary: null,
    source: { raw: 'content/raw/x.txt', sha256: 'a'.repeat(64), publisher: null, encoding: 'utf-8' },
    confidence: {},
    review: [],
    reviewed: false,
    ...over,
  }) as DirectiveData;

export function fakePagefind(records: SearchRecord[]): PagefindLike & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  const words = records.map((r) => syllables(r.content).map((s) => s.fold));
  return {
    calls,
    async search(term): Promise<PagefindResponse> {
      calls.push(term);
      // A word the index does not hold is answered with its longest prefix that it does hold,
      // as Pagefind does ("so9999cvtu" finds every "so…"): the engine must not trust it.
      const held = (t: string): string => {
        for (let p = t; p.length >= 2; p = p.slice(0, -1))
          if (words.some((ws) => ws.some((w) => w.startsWith(p)))) return p;
        return t;
      };
      // A quoted term is matched exactly, as Pagefind's exact search does: no prefix, no fallback.
      const exact = /^"[^"\s]+"$/.test(term ?? '');
      const terms = exact ? [] : (term ?? '').split(' ').filter(Boolean).map(held);
      const hits = exact
        ? records.filter((_, i) => words[i]!.includes(term!.slice(1, -1)))
        : records.filter((_, i) => terms.every((t) => words[i]!.some((w) => w.startsWith(t))));
      const stored = (r: SearchRecord) => r.content.replace(/\n/g, ' ');
      return {
        results: hits.map((r) => ({
          id: `id:${r.url}`,
          data: async () => ({ url: r.url, content: stored(r), meta: r.meta }),
        })),
      };
    },
  };
}

export async function fakeArchive(
  records: SearchRecord[],
  common: string[] = [],
): Promise<ArchiveIndex & { pf: ReturnType<typeof fakePagefind> }> {
  const pf = fakePagefind(records);
  const index = await openArchiveIndex(
    pf,
    buildCatalogue(
      records.map((r) => r.meta),
      common,
      variantCounts(records),
    ),
    async () => records.map((r) => r.meta.number),
  );
  pf.calls.length = 0;
  return { ...index, pf };
}

export const record = (url: string, over: Partial<DirectiveData>, body: string): SearchRecord =>
  buildSearchRecord(url, directive(over), body);
