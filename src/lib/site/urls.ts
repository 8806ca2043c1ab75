/**
 * Every internal URL is built here, under the configured base ("/" or "/sub/path/"), so the
 * archive works when published under a sub-path.
 */

/** Join the base ("/", "/archive", "/archive/") and a path without a leading slash. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** The words typed: the header's and the search page's GET forms send them under this name. */
export const QUERY_PARAM = 'q';
/** On a directive opened from a search result: the query whose words its text marks. */
export const HIGHLIGHT_PARAM = 'highlight';
/** The folder of the built site (and of the content) that holds the raw sources, byte for byte. */
export const RAW_DIR = 'raw';

const encodeSegments = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export const paths = {
  directive: (id: string) => `van-ban/${id}/`,
  directiveJson: (id: string) => `api/van-ban/${id}.json`,
  provinces: () => 'tinh/',
  province: (slug: string) => `tinh/${slug}/`,
  provinceType: (slug: string, typeSlug: string) => `tinh/${slug}/${typeSlug}/`,
  provinceFeed: (slug: string) => `tinh/${slug}/rss.xml`,
  national: (slug: string) => `dan-chieu/${slug}/`,
  nationalIndex: () => 'dan-chieu/',
  timeline: () => 'dong-thoi-gian/',
  feed: () => 'rss.xml',
  json: () => 'api/directives.json',
  csv: () => 'api/directives.csv',
  search: () => 'tim-kiem/',
  /** "content/raw/a/b#1.txt" -> "raw/a/b%231.txt" (each segment URL-encoded: names may hold # ? %) */
  raw: (rawPath: string) => `${RAW_DIR}/${encodeSegments(rawPath.replace(/^content\/raw\//, ''))}`,
  /** "content/raw/a/b.txt" -> "nguon/a/b/": the raw source's decoded text and checksum */
  rawPage: (rawPath: string) =>
    `nguon/${encodeSegments(rawPath.replace(/^content\/raw\//, '').replace(/\.txt$/i, ''))}/`,
  jsonLines: () => 'api/directives.jsonl',
  openData: () => 'du-lieu/',
  contribute: () => 'gop-y/',
  measures: () => 'bien-phap/',
  measure: (code: string) => `bien-phap/${code}/`,
  measuresCsv: () => 'api/measures.csv',
  measuresJson: () => 'api/measures.json',
};

/** Absolute URL for citations and feeds: site origin + base + path. */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string {
  const rel = withBase(base, path);
  return site ? new URL(rel, site).href : rel;
}
