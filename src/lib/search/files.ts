/**
 * The files under <site>/pagefind/ that every first search loads before it can look anything
 * up: the search page preloads them, the header's box prefetches them (src/scripts/search/).
 */
export const SEARCH_FILES = {
  /** Pagefind's library */
  script: 'pagefind.js',
  /** Pagefind's WebAssembly; "unknown" because Pagefind has no Vietnamese stemmer */
  wasm: 'wasm.unknown.pagefind',
  /** the archive's catalogue (src/lib/search/catalogue.ts) */
  catalogue: 'catalogue.json',
} as const;

/** Files beside the index loaded only when a query needs them. */
export const SEARCH_FILES_ON_DEMAND = {
  /** every directive's own number (src/lib/search/numbers.ts), for a number the archive lacks */
  numbers: 'numbers.json',
} as const;
