/**
 * Folds Astro's one-line-per-route listing ("  ├─ /van-ban/…/index.html (+2ms)") into a count,
 * so a 10,000-directive build log stays readable. Every other line, warnings and errors
 * included, passes through unchanged.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE_LINE = /^(\d\d:\d\d:\d\d\s+)?\s*[├└]─ \S/;

export function isRouteLine(line: string): boolean {
  return ROUTE_LINE.test(line.replace(ANSI, ''));
}

/** A line filter: returns the lines to print for each input line, counting folded routes. */
export function createRouteFolder(): { push(line: string): string[]; flush(): string[] } {
  let routes = 0;
  const summary = (): string[] => {
    if (!routes) return [];
    const line =
      `  … ${routes.toLocaleString('en')} routes written (listing folded by scripts/build.ts; \`npx ` +
      `astro build\` shows it)`;
    routes = 0;
    return [line];
  };
  return {
    push(line) {
      if (isRouteLine(line)) {
        routes++;
        return [];
      }
      return [...summary(), line];
    },
    flush: summary,
  };
}
