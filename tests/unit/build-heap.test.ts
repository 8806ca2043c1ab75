/**
 * Astro's heap limit grows with the archive (a fixed limit would make a larger archive's build
 * run out of memory) and yields to a limit the user sets.
 */
import { describe, expect, it } from 'vitest';
import { astroHeapLimit, heapMegabytes } from '../../src/lib/build-heap.ts';

describe("Astro's heap limit in npm run build", () => {
  it('leaves room for the live set measured at 10,000 directives (about 0.5 GiB) and grows with the archive', () => {
    expect(heapMegabytes(10_000)).toBeGreaterThan(2 * 512);
    expect(heapMegabytes(10_000) * 1024 * 1024).toBeLessThan(2.5e9 - 400 * 1024 * 1024);
    expect(heapMegabytes(20_000)).toBeGreaterThan(heapMegabytes(10_000) + 500);
    expect(heapMegabytes(0)).toBeGreaterThanOrEqual(768);
  });

  it('is passed as a Node flag unless NODE_OPTIONS already sets one', () => {
    expect(astroHeapLimit(10_000, '')).toEqual([`--max-old-space-size=${heapMegabytes(10_000)}`]);
    expect(astroHeapLimit(10_000, '--enable-source-maps')).toHaveLength(1);
    expect(astroHeapLimit(10_000, '--max-old-space-size=8192')).toEqual([]);
  });
});
