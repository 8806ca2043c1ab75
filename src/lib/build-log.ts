/**
 * Folds Astro's one-line-per-route listing ("  ├─ /van-ban/…/index.html (+2ms)") into a count,
 * so a 10,000-directive build log stays readable. Every other line, warnings and errors
 * included, passes through unchanged. Routes the incremental build kept from the previous build
 * ("… (restored)", "… (cached)": not rendered again) are counted apart.
 *
 * Astro renders several pages at once (`build.concurrency`), so a route's "├─ path" and its
 * "(+2ms)" arrive apart: one line may hold several routes' starts, another only a timing. The
 * listing is read as fragments; text that is not a fragment is kept.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const FRAGMENTS = {
  route: /\s*(?:\d\d:\d\d:\d\d\s+)?[├└]─ \S+/y,
  kept: /\s*\((?:restored|cached)\)/y,
  time: /\s*\(\+[\d.]+m?s\)/y,
  empty: /\s*\(file not created, response body was empty\)/y,
};

interface Listing {
  routes: number;
  kept: number;
  /** what is left of the line once the listing's fragments are taken out ('' if nothing) */
  rest: string;
}

/** The listing's fragments at the start of a line, or null when the line does not start with one. */
function readListing(line: string): Listing | null {
  const text = line.replace(ANSI, '');
  const found: Listing = { routes: 0, kept: 0, rest: '' };
  let at = 0;
  let any = false;
  for (;;) {
    let matched = false;
    for (const [kind, re] of Object.entries(FRAGMENTS)) {
      re.lastIndex = at;
      if (!re.test(text)) continue;
      at = re.lastIndex;
      matched = any = true;
      if (kind === 'route') found.routes++;
      else if (kind === 'kept') found.kept++;
      break;
    }
    if (!matched) break;
  }
  if (!any) return null;
  found.rest = text.slice(at).trim() ? text.slice(at).trimStart() : '';
  return found;
}

/** A line made only of the route listing (route starts, timings, kept markers). */
export function isRouteLine(line: string): boolean {
  const listing = readListing(line);
  return listing !== null && listing.rest === '';
}

/** A line filter: returns the lines to print for each input line, counting folded routes. */
export function createRouteFolder(): { push(line: string): string[]; flush(): string[] } {
  let routes = 0;
  let kept = 0;
  const summary = (): string[] => {
    if (!routes) return [];
    const keptNote = kept ? `, ${kept.toLocaleString('en')} of them kept from the previous build` : '';
    const line =
      `  … ${routes.toLocaleString('en')} routes written${keptNote} ` +
      '(listing folded by scripts/build.ts; `npx astro build` shows it)';
    routes = 0;
    kept = 0;
    return [line];
  };
  return {
    push(line) {
      const listing = readListing(line);
      if (!listing) return [...summary(), line];
      routes += listing.routes;
      kept += listing.kept;
      // a warning printed while a route's line was open lands on that line: keep it
      return listing.rest ? [...summary(), listing.rest] : [];
    },
    flush: summary,
  };
}
