/**
 * The engine's merging on a small in-memory stand-in for Pagefind that behaves like it where
 * it matters here: every term prefix-matches folded words, all terms required, filters and a
 * date sort, counts per filter value.
 */
import { describe, expect, it } from 'vitest';
import { searchArchive, type PagefindLike, type PagefindResponse } from '../../src/lib/search/engine.ts';
import { buildSearchRecord, type SearchRecord } from '../../src/lib/search/record.ts';
import { syllables } from '../../src/lib/search/text.ts';
import type { DirectiveData } from '../../src/lib/directive-schema.ts';

const directive = (over: Partial<DirectiveData>): DirectiveData =>
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
    summary: null,
    source: { raw: 'content/raw/x.txt', sha256: 'a'.repeat(64), publisher: null, encoding: 'utf-8' },
    confidence: {},
    review: [],
    reviewed: false,
    ...over,
  }) as DirectiveData;

function fakePagefind(records: SearchRecord[]): PagefindLike & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  return {
    calls,
    async search(term, opts = {}): Promise<PagefindResponse> {
      calls.push(term);
      const terms = (term ?? '').split(' ').filter(Boolean);
      let hits = records.filter((r) => {
        const words = syllables(r.content).map((s) => s.fold);
        return terms.every((t) => words.some((w) => w.startsWith(t)));
      });
      hits = hits.filter((r) => Object.entries(opts.filters ?? {}).every(([k, v]) => r.filters[k]?.includes(v)));
      if (opts.sort?.date) hits.sort((a, b) => (a.sort.date! < b.sort.date! ? -1 : 1) * (opts.sort!.date === 'asc' ? 1 : -1));
      const filters: Record<string, Record<string, number>> = {};
      for (const r of hits) for (const [k, vs] of Object.entries(r.filters)) for (const v of vs) ((filters[k] ??= {})[v] = (filters[k]![v] ?? 0) + 1);
      return { results: hits.map((r) => ({ id: r.url, data: async () => ({ url: r.url, content: r.content, meta: r.meta }) })), filters };
    },
  };
}

const records = [
  buildSearchRecord('/a/', directive({ title: 'Tăng cường phòng, chống dịch', number: '469-CV/TU', province: 'Thanh Hóa', date: '2021-11' }), 'Tỉnh Thanh Hóa ghi nhận 98 ca dương tính.'),
  buildSearchRecord('/b/', directive({ title: 'Kế hoạch tiêm vắc xin', number: '470/KH-UBND', docType: 'Kế hoạch', issuer: 'UBND tỉnh', province: 'Thanh Hóa', date: '2021-11-30' }), 'Thực hiện Công văn số 469-CV/TU, tiêm vắc xin mũi 3.'),
  buildSearchRecord('/c/', directive({ title: 'Chấn chỉnh tổ liên gia', number: '907-CV/TU', province: 'Vĩnh Phúc', date: '2021-11-08' }), 'Hoạt động của tổ liên gia tự quản. Đồng chí Phạm Hoàng Anh.'),
  buildSearchRecord('/d/', directive({ title: 'Điện về Tết', docType: 'Điện', issuer: 'Thường trực Thành ủy', province: 'Hà Nội', date: '2022-01' }), 'Bí thư Đinh Tiến Dũng. Tổ chức liên hoan gia đình.'),
];

describe('searchArchive', () => {
  it('puts the directive with the typed number first, before one that only cites it', async () => {
    const out = await searchArchive(fakePagefind(records), { q: 'công văn 469', filters: {}, sort: 'relevance' });
    expect(out.items[0]!.url).toBe('/a/');
  });

  it('finds đ words typed with d, and the excerpt marks them', async () => {
    const out = await searchArchive(fakePagefind(records), { q: 'dinh tien dung', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/d/']);
    expect(out.items[0]!.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(expect.arrayContaining(['Đinh', 'Tiến', 'Dũng']));
  });

  it('keeps only directives where a quoted phrase stands together', async () => {
    const out = await searchArchive(fakePagefind(records), { q: '"tổ liên gia"', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/c/']);
  });

  it('browses with an empty query: all, newest first, with counts per filter', async () => {
    const out = await searchArchive(fakePagefind(records), { q: '', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.date)).toEqual(['2022-01', '2021-11-30', '2021-11-08', '2021-11']);
    expect(out.counts.province).toEqual({ 'Thanh Hóa': 2, 'Vĩnh Phúc': 1, 'Hà Nội': 1 });
  });

  it('counts a filter in use with that filter lifted, so the other values stay reachable', async () => {
    const out = await searchArchive(fakePagefind(records), { q: '', filters: { province: 'Thanh Hóa', docType: 'Kế hoạch' }, sort: 'oldest' });
    expect(out.items.map((i) => i.url)).toEqual(['/b/']);
    expect(out.counts.province).toEqual({ 'Thanh Hóa': 1 });
    expect(out.counts.docType).toEqual({ 'Công văn': 1, 'Kế hoạch': 1 });
  });

  it('sorts matches by date when asked', async () => {
    const out = await searchArchive(fakePagefind(records), { q: 'thanh hoa', filters: {}, sort: 'oldest' });
    expect(out.items.map((i) => i.url)).toEqual(['/a/', '/b/']);
  });

  it('does not ask the index for syllables most directives contain, and still checks them on the text', async () => {
    const pf = fakePagefind(records);
    const out = await searchArchive(pf, { q: 'tổ liên gia vĩnh phúc', filters: {}, sort: 'relevance' }, { common: new Set(['to', 'lien', 'gia']) });
    expect(pf.calls[0]).toBe('vinh phuc');
    expect(out.items[0]!.url).toBe('/c/');
    const only = await searchArchive(pf, { q: 'tổ liên gia', filters: {}, sort: 'relevance' }, { common: new Set(['to', 'lien', 'gia']) });
    expect(only.approximate).toBe(true);
    expect(only.items[0]!.url).toBe('/c/');
  });
});
