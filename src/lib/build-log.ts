/**
 * Folds Astro's one-line-per-route listing ("  ├─ /van-ban/…/index.html (+2ms)") into a count,
 * so a 10,000-directive build log stays readable. Every other line, warnings and errors
 * included, passes through unchanged. Routes the incremental build kept from the previous build
 * ("… (restored)", "… (cached)": not rendered again) are counted apart.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE_LINE = /^(\d\d:\d\d:\d\d\s+)?\s*[├└]─ \S/;
const KEPT = / \((?:restored|cached)\)\s*$/;

export function isRouteLine(line: string): boolean {
  return ROUTE_LINE.test(line.replace(ANSI, ''));
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
      if (isRouteLine(line)) {
        routes++;
        if (KEPT.test(line.replace(ANSI, ''))) kept++;
        return [];
      }
      return [...summary(), line];
    },
    flush: summary,
  };
}
