/**
 * The `cacheKey` of each page Astro's incremental build may skip (`experimental.incrementalBuild`
 * in astro.config.mjs). Astro re-renders a page when its key or the hash of its code (the page's
 * module graph, CSS included) differs from the previous build, and otherwise copies the page it
 * kept in the build cache. A page skipped whose content should have changed is a wrong page
 * shipped silently, so each key is a digest of every datum its page reads that is not code:
 *
 * - a directive page: its whole file (frontmatter and body: the body is read from the file at
 *   render time, which Astro's module hash does not see), how each of its references resolved
 *   (the target's frontmatter, or the national document, or why not), the frontmatter of the
 *   directives citing it and of its previous and next, the file's git history (commits and what
 *   each changed) and the repository address the page links to;
 * - its JSON file: the same, without git history and repository links (it shows neither);
 * - a raw-source page (/nguon/): the raw file's bytes and the directives made from it;
 * - a province's pages and feed: its directives' frontmatter and, for the pages, every directive
 *   citing a national document the province cites (the page ranks the province among all);
 * - a national document's page: the directives citing it;
 * - a measure's page (every province × month): the whole archive's frontmatter.
 *
 * Frontmatter is taken whole (any field may be shown), as parsed by the schema. Every key also
 * carries the environment the pages read outside Astro's config (site and base are in the config,
 * whose change makes Astro render everything): the repository URL and the Node version (dates and
 * numbers go through its ICU). A page with no key (`undefined`) is always rendered.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Archive, DirectiveRecord, NationalDocument } from './archive.ts';
import { directiveHistory } from './history.ts';
import { gitHistory, rawFilePath } from './provenance.ts';
import { repositoryUrl } from './repository.ts';

export interface PageCacheInputs {
  archive: Archive;
  /** digest of a directive's whole file (frontmatter and body), by entry id; undefined: unknown */
  fileDigest(id: string): string | undefined;
  /** a directive file's git history exactly as its page reads it (any JSON value) */
  history(filePath: string): unknown;
  /** SHA-256 of a raw file's bytes, by its path under content/raw ("ha-noi/x.txt") */
  rawDigest(rel: string): string;
  /** what pages read from the environment besides Astro's config */
  environment: Record<string, string | null>;
}

export interface PageCacheKeys {
  /** /van-ban/<id>/ */
  directive(id: string): string | undefined;
  /** /api/van-ban/<id>.json */
  directiveJson(id: string): string | undefined;
  /** /nguon/<name>/, by the raw file's path under content/raw */
  rawPage(rel: string): string;
  /** /tinh/<slug>/ and /tinh/<slug>/<type>/, by province name */
  province(name: string): string;
  /** /tinh/<slug>/rss.xml, by province name */
  provinceFeed(name: string): string;
  /** /dan-chieu/<slug>/ */
  national(slug: string): string | undefined;
  /** pages computed from every directive's frontmatter (/bien-phap/<code>/) */
  wholeArchive(): string;
}

const digestOf = (...parts: unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

export function createPageCacheKeys(inputs: PageCacheInputs): PageCacheKeys {
  const { archive } = inputs;
  const environment = digestOf(Object.entries(inputs.environment).sort(([a], [b]) => (a < b ? -1 : 1)));

  // One digest per directive's frontmatter (with its id and file), computed once.
  const recordDigests = new Map<string, string>();
  const rec = (d: DirectiveRecord | null): string | null => {
    if (!d) return null;
    let x = recordDigests.get(d.id);
    if (x === undefined) {
      x = digestOf(d.id, d.filePath ?? null, d.data);
      recordDigests.set(d.id, x);
    }
    return x;
  };
  // A national document's part of a key, once each (the most cited have thousands of citations).
  const nationalParts = new Map<string, string>();
  const nationalPart = (n: NationalDocument): string => {
    let x = nationalParts.get(n.slug);
    if (x === undefined) {
      x = digestOf(n.slug, n.key, n.number, n.docType, n.issuerName, n.citedBy.map(rec));
      nationalParts.set(n.slug, x);
    }
    return x;
  };

  // What a directive's page and its JSON both read besides history: itself and its neighbours
  // (once per directive; both keys ask for it).
  const neighbourhoods = new Map<string, string | undefined>();
  const neighbourhood = (id: string): string | undefined => {
    if (neighbourhoods.has(id)) return neighbourhoods.get(id);
    const self = archive.byId.get(id);
    const file = inputs.fileDigest(id);
    let near: string | undefined;
    if (self && file !== undefined) {
      const refs = archive
        .references(id)
        .map((r) => [r.status, r.ref, rec(r.target), r.national && [r.national.slug, r.national.key]]);
      near = digestOf(
        file,
        rec(self),
        refs,
        archive.citedBy(id).map(rec),
        rec(archive.previous(id)),
        rec(archive.next(id)),
      );
    }
    neighbourhoods.set(id, near);
    return near;
  };

  const nationalBySlug = new Map(archive.national.map((n) => [n.slug, n]));
  const provinceKeys = new Map<string, string>();
  let whole: string | undefined;

  return {
    directive(id) {
      const near = neighbourhood(id);
      if (near === undefined) return undefined;
      const { filePath } = archive.byId.get(id)!; // (a neighbourhood means the directive exists)
      const history = filePath ? inputs.history(filePath) : null;
      return digestOf('directive', environment, near, history);
    },
    directiveJson(id) {
      const near = neighbourhood(id);
      return near === undefined ? undefined : digestOf('directive-json', environment, near);
    },
    rawPage(rel) {
      return digestOf('raw', environment, rel, inputs.rawDigest(rel), archive.madeFrom(`content/raw/${rel}`).map(rec));
    },
    province(name) {
      let key = provinceKeys.get(name);
      if (key === undefined) {
        const all = archive.byProvince.get(name) ?? [];
        const national = archive.national
          .filter((n) => n.citedBy.some((d) => d.data.province === name))
          .map(nationalPart);
        key = digestOf('province', environment, name, all.map(rec), national);
        provinceKeys.set(name, key);
      }
      return key;
    },
    provinceFeed(name) {
      return digestOf('province-feed', environment, name, (archive.byProvince.get(name) ?? []).map(rec));
    },
    national(slug) {
      const n = nationalBySlug.get(slug);
      return n ? digestOf('national', environment, nationalPart(n)) : undefined;
    },
    wholeArchive() {
      whole ??= digestOf('archive', environment, archive.all.map(rec));
      return whole;
    },
  };
}

let current: Promise<PageCacheKeys> | undefined;

/**
 * The keys of this build, computed once from the content store (pages call this in their
 * `getStaticPaths`). The inputs are read by the same functions the pages call.
 */
export function pageCacheKeys(): Promise<PageCacheKeys> {
  current ??= (async () => {
    // Loaded here, not at the top: astro:content exists only inside an Astro build.
    const [{ getCollection }, { getArchive }] = await Promise.all([
      import('astro:content'),
      import('./from-collection.ts'),
    ]);
    const [entries, archive] = await Promise.all([getCollection('directives'), getArchive()]);
    const digests = new Map(entries.map((e) => [e.id, e.digest === undefined ? undefined : String(e.digest)]));
    return createPageCacheKeys({
      archive,
      fileDigest: (id) => digests.get(id),
      history: (filePath) => [gitHistory(filePath), directiveHistory(filePath)],
      rawDigest: (rel) =>
        createHash('sha256')
          .update(readFileSync(rawFilePath(rel)))
          .digest('hex'),
      environment: { repository: repositoryUrl(), node: process.version },
    });
  })();
  return current;
}
