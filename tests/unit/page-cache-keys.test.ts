/**
 * The incremental build's page keys (src/lib/site/page-cache-keys.ts) on the fixture corpus,
 * whose Vĩnh Phúc directives form a chain (12-CT/TU ← 907-CV/TU ← the third-dose letter: each
 * cites the one before, which is also its previous). A change must reach the key of every page
 * that shows it (else the build ships a stale page) and, for the cache to be worth keeping, leave
 * the keys of pages that do not show it alone. The real build's guard is
 * tests/site/incremental-build.test.ts.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, type DirectiveRecord } from '../../src/lib/site/archive.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { createPageCacheKeys, type PageCacheInputs, type PageCacheKeys } from '../../src/lib/site/page-cache-keys.ts';

const records = loadDirectives(resolve(import.meta.dirname, '../fixtures/site-content'));
const VP12 = 'vinh-phuc/2021-05-10-chi-thi-12-ct-tu';
const VP907 = 'vinh-phuc/2021-11-08-cong-van-907-cv-tu';
const VP3 = 'vinh-phuc/2022-01-cong-van-tiem-mui-3';
const DB = 'dien-bien/2021-06-cong-van-240-cv-tu';
const HN = 'ha-noi/2021-07-23-chi-thi-17-ct-ubnd';

interface Variant {
  records?: DirectiveRecord[];
  digests?: Record<string, string | undefined>;
  history?: Record<string, unknown>;
  raw?: Record<string, string>;
  repository?: string | null;
}

function keysOf(v: Variant = {}): PageCacheKeys {
  const recs = v.records ?? structuredClone(records);
  const inputs: PageCacheInputs = {
    archive: buildArchive(recs),
    fileDigest: (id) => (v.digests && id in v.digests ? v.digests[id] : `file:${id}`),
    history: (filePath) => v.history?.[filePath] ?? [],
    rawDigest: (rel) => v.raw?.[rel] ?? `raw:${rel}`,
    environment: { repository: v.repository === undefined ? 'https://example.org/a' : v.repository, node: 'v22' },
  };
  return createPageCacheKeys(inputs);
}

/** Every page's key, by a readable name. */
function allKeys(k: PageCacheKeys): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const r of records) {
    out.set(`page ${r.id}`, k.directive(r.id));
    out.set(`json ${r.id}`, k.directiveJson(r.id));
    out.set(`raw ${r.data.source.raw}`, k.rawPage(r.data.source.raw.replace(/^content\/raw\//, '')));
  }
  for (const p of new Set(records.map((r) => r.data.province))) {
    out.set(`province ${p}`, k.province(p));
    out.set(`feed ${p}`, k.provinceFeed(p));
  }
  for (const slug of ['15-ct-ttg', '16-ct-ttg', '128-nq-cp', '780-cd-ttg'])
    out.set(`national ${slug}`, k.national(slug));
  out.set('whole archive', k.wholeArchive());
  return out;
}

/** The names of the pages whose key differs between two builds. */
function changed(a: PageCacheKeys, b: PageCacheKeys): string[] {
  const x = allKeys(a);
  const y = allKeys(b);
  return [...x.keys()].filter((name) => x.get(name) !== y.get(name)).sort();
}

const edit = (id: string, f: (d: DirectiveRecord) => void): DirectiveRecord[] => {
  const recs = structuredClone(records);
  f(recs.find((r) => r.id === id)!);
  return recs;
};

describe('page cache keys', () => {
  it('are the same for the same content, and differ between pages', () => {
    expect(changed(keysOf(), keysOf())).toEqual([]);
    const keys = [...allKeys(keysOf()).values()];
    expect(keys.every((k) => typeof k === 'string' && k.length > 20)).toBe(true);
    const directivePages = records.map((r) => keysOf().directive(r.id));
    expect(new Set(directivePages).size).toBe(records.length);
  });

  it('carry a title edit to every page that shows it: neighbours, citing and cited pages, province, feeds', () => {
    const after = keysOf({ records: edit(VP907, (d) => (d.data.title = 'Tiêu đề đã sửa')) });
    const diff = changed(keysOf(), after);
    for (const name of [
      `page ${VP907}`,
      `json ${VP907}`,
      `page ${VP12}`, // its next, and cited by it
      `json ${VP12}`,
      `page ${VP3}`, // its previous, and cites it
      `json ${VP3}`,
      'raw content/raw/vp-907.txt', // "made from this source"
      'province Vĩnh Phúc',
      'feed Vĩnh Phúc',
      'national 128-nq-cp', // 907 cites it
      'whole archive',
    ]) {
      expect(diff).toContain(name);
    }
    // pages that never show 907's title keep their keys
    for (const name of [`page ${DB}`, `page ${HN}`, 'province Điện Biên', 'feed Hà Nội', 'national 15-ct-ttg']) {
      expect(diff).not.toContain(name);
    }
  });

  it('carry a body edit (the file, not the frontmatter) to its own page and JSON only', () => {
    const diff = changed(keysOf(), keysOf({ digests: { [VP907]: 'edited body' } }));
    expect(diff).toEqual([`json ${VP907}`, `page ${VP907}`]);
  });

  it('carry a commit to a file to its page (history) and not its JSON, which shows no history', () => {
    const file = records.find((r) => r.id === VP907)!.filePath!;
    const diff = changed(keysOf(), keysOf({ history: { [file]: [{ hash: 'abc', date: '2024-01-02' }] } }));
    expect(diff).toEqual([`page ${VP907}`]);
  });

  it('carry a new directive that makes a citation ambiguous to the citing page', () => {
    const twin = structuredClone(records.find((r) => r.id === VP12)!);
    twin.id = `${VP12}-ban-sao`;
    twin.filePath = `${twin.filePath}-ban-sao`;
    const before = keysOf();
    const after = keysOf({ records: [...structuredClone(records), twin] });
    expect(
      buildArchive([...records, twin])
        .references(VP907)
        .find((r) => r.ref.number === '12-CT/TU')?.status,
    ).toBe('ambiguous');
    expect(after.directive(VP907)).not.toBe(before.directive(VP907));
    expect(after.directiveJson(VP907)).not.toBe(before.directiveJson(VP907));
    expect(after.province('Vĩnh Phúc')).not.toBe(before.province('Vĩnh Phúc'));
    expect(after.directive(DB)).toBe(before.directive(DB));
  });

  it('carry a citation from another province to the provinces citing the same national document', () => {
    // Điện Biên cites 15/CT-TTg, as Vĩnh Phúc's 12-CT/TU does: the ranking on both pages moves.
    const recs = edit(HN, (d) => d.data.references.push({ number: '15/CT-TTg', docType: 'Chỉ thị', date: null }));
    const diff = changed(keysOf(), keysOf({ records: recs }));
    expect(diff).toContain('province Điện Biên');
    expect(diff).toContain('province Vĩnh Phúc');
    expect(diff).toContain('national 15-ct-ttg');
    expect(diff).not.toContain('feed Điện Biên');
  });

  it('carry the raw bytes to the raw page, and the repository address to every directive page', () => {
    expect(changed(keysOf(), keysOf({ raw: { 'vp-907.txt': 'other bytes' } }))).toEqual(['raw content/raw/vp-907.txt']);
    const diff = changed(keysOf(), keysOf({ repository: null }));
    for (const r of records) expect(diff).toContain(`page ${r.id}`);
  });

  it('leave a page without a key (always rendered) when its file digest is unknown', () => {
    const k = keysOf({ digests: { [VP907]: undefined } });
    expect(k.directive(VP907)).toBeUndefined();
    expect(k.directiveJson(VP907)).toBeUndefined();
    expect(k.directive('no/such-directive')).toBeUndefined();
    expect(k.national('no-such-document')).toBeUndefined();
  });
});
