/**
 * `npm run bench:corpus -- --count 10000 --out DIR [--seed N]`: writes a synthetic archive of
 * COUNT directives to DIR (layout of content/), deterministic for the seed.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeCorpus } from './bench/write-corpus.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run bench:corpus -- --count N --out DIR [--seed N]');
  process.exit(2);
}
try {
  const t0 = performance.now();
  const r = await writeCorpus(resolve(values.out), count, seed);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `Wrote ${r.count} directives (seed ${r.seed}, ${(r.bytes / 1048576).toFixed(1)} MiB) to ${r.dir} in ${s} s`,
  );
} catch (e) {
  console.error(`bench:corpus: ${(e as Error).message}`);
  process.exit(1);
}
