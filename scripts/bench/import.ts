/**
 * Import throughput for `npm run bench`: runs the pure pipeline (decode -> emit, no disk writes)
 * over the given files on one core and reports how long it took.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importText } from '../../src/lib/import/pipeline.ts';

export interface BenchResult {
  /** documents imported (successful or refused: both are work done) */
  docs: number;
  /** wall-clock milliseconds for the imports, excluding reading the files */
  ms: number;
}

/** Import every file `rounds` times (default: once, or enough rounds for 500 documents from a small set). */
export function benchImport(files: string[], rounds?: number): BenchResult {
  const inputs = files.map((f) => ({ f, bytes: readFileSync(f) }));
  if (!inputs.length) return { docs: 0, ms: 0 };
  const n = rounds ?? Math.max(1, Math.ceil(500 / inputs.length));
  for (const { f, bytes } of inputs.slice(0, 20)) importText(bytes, f); // warm up the JIT and lazy tables
  const t0 = performance.now();
  let docs = 0;
  for (let r = 0; r < n; r++)
    for (const { f, bytes } of inputs) {
      importText(bytes, f);
      docs++;
    }
  return { docs, ms: performance.now() - t0 };
}
