/**
 * The site's URLs as the benchmark and the test harness need them, built only from the site's
 * own rules (src/lib/site/urls.ts for paths, src/lib/search/url-state.ts for the search page's
 * parameters), at the root base the harness builds with.
 */
import { paths, withBase } from '../../src/lib/site/urls.ts';
import { stateToParams } from '../../src/lib/search/url-state.ts';

/** "/van-ban/": what every directive page's path starts with. */
export const DIRECTIVES_PREFIX = withBase('/', paths.directive('')).replace(/\/+$/, '/');

/** "/van-ban/<id>/": a directive page (also the URL stored in its search record). */
export const directivePath = (id: string): string => withBase('/', paths.directive(id));

/** "?q=…": the search page's query string for a plain query. */
export const searchQueryString = (q: string): string => `?${stateToParams({ q, filters: {}, sort: 'relevance' })}`;

/** "/tim-kiem/?q=…": the search page showing the results of a query. */
export const searchPageUrl = (q: string): string => `${withBase('/', paths.search())}${searchQueryString(q)}`;
