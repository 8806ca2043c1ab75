/**
 * `npm run lint:lines`, also run by `npm run lint` (the CI gate): lines over 120 characters outside
 * the data tables, which Biome's formatter cannot shorten (long strings and comments, .astro files).
 * Lists them with the file and line; exits 1 when there are any. Wrap such a line rather than list
 * its file here: a long string or regular expression in named pieces joined with `+`, a comment at
 * about 100 characters, in .astro a tag's attributes one a line and long expressions named in the
 * frontmatter (never a line break between text and a tag: it changes the HTML).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const LIMIT = 120;
// One row a line, as published (the same list as biome.jsonc's formatter override).
const DATA_TABLES = new Set([
  'src/lib/provinces.ts',
  'src/lib/import/legacy-encodings.ts',
  'scripts/bench/sentences.ts',
]);

const files = ['src', 'scripts', 'tests']
  .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
  .map((f) => f.split('\\').join('/'))
  .filter((f) => /\.(ts|mjs|astro)$/.test(f) && !f.startsWith('tests/fixtures/') && !DATA_TABLES.has(f))
  .sort();
let long = 0;
for (const f of files) {
  readFileSync(join(root, f), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      // Characters, not UTF-16 units or bytes: Vietnamese text counts as written.
      const length = [...line].length;
      if (length <= LIMIT) return;
      long++;
      console.log(`${relative(root, join(root, f))}:${i + 1}: ${length} characters`);
    });
}
console.log(long ? `${long} line(s) over ${LIMIT} characters.` : `No line over ${LIMIT} characters.`);
process.exit(long ? 1 : 0);
