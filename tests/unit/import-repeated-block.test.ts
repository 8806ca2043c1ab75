/**
 * Repeated-block detection (a scraped page holding the text twice) does linear work whatever
 * the text: it used to compare every line with every earlier one and extend each match, so one
 * line repeated 3,000 times took 20 s and 1 MB never finished. The work is counted here in line
 * comparisons (the benchmark times it: scripts/bench-import-attacks.ts); on texts whose lines
 * recur at most nine times it finds exactly what the exhaustive search found.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRepeatedBlock } from '../../src/lib/import/clean.ts';

/** The earlier, exhaustive search (cubic on repetitive text), kept as the reference. */
function exhaustive(lines: string[]): { start: number; len: number; chars: number } | null {
  const n = lines.length;
  let best = { len: 0, chars: 0, start: 0 };
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (lines[j] !== lines[i]) continue;
      let len = 0,
        chars = 0;
      while (i + len < n && j + len < i && lines[j + len] === lines[i + len]) {
        chars += lines[i + len]!.length;
        len++;
      }
      if (len >= 3 && chars > best.chars) best = { len, chars, start: i };
    }
  }
  return best.len ? best : null;
}

const comparisonsFor = (lines: string[]): number => {
  const stats = { comparisons: 0 };
  findRepeatedBlock(lines, stats);
  return stats.comparisons;
};

describe('repeated-block detection', () => {
  it('finds what the exhaustive search finds (property, lines recurring up to nine times)', () => {
    const line = fc.constantFrom(
      'Điều 1.',
      'Các sở, ngành thực hiện.',
      'Giao Sở Y tế theo dõi.',
      'Thực hiện nghiêm 5K.',
      'a',
      'Nơi nhận:',
      'UBND tỉnh',
      'Báo cáo kết quả về Văn phòng.',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const counts = new Map<string, number>();
        for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
        fc.pre([...counts.values()].every((c) => c <= 9));
        const got = findRepeatedBlock(lines);
        const want = exhaustive(lines);
        expect(got && { start: got.start, len: got.len, chars: got.chars }).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a body copied in full after its first copy', () => {
    const body = Array.from({ length: 50 }, (_, i) => `Đoạn ${i} của văn bản chỉ đạo về phòng, chống dịch.`);
    const got = findRepeatedBlock(['Tiêu đề', ...body, 'Tin liên quan', ...body]);
    expect(got).toMatchObject({ start: 52, first: 1, len: 50 });
  });

  it('regression: a line repeated 3,000 or 100,000 times costs the same comparisons per line (linear, not n³)', () => {
    const small = comparisonsFor(Array.from({ length: 3000 }, () => 'Thực hiện nghiêm các biện pháp.'));
    const large = comparisonsFor(Array.from({ length: 100_000 }, () => 'Thực hiện nghiêm các biện pháp.'));
    expect(small / 3000).toBeLessThanOrEqual(16);
    expect(large / 100_000).toBeLessThanOrEqual(16);
    // the exhaustive search made ~n³/6 comparisons here: 4.5 billion for 3,000 lines
  });

  it('regression: unique paragraphs (5 MB) cost next to nothing, and any text stays within the budget', () => {
    const unique = Array.from(
      { length: 80_000 },
      (_, i) => `Đoạn ${i}: các sở, ngành thực hiện nghiêm biện pháp tại địa phương.`,
    );
    expect(comparisonsFor(unique)).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3000 }), (lines) => {
        expect(comparisonsFor(lines)).toBeLessThanOrEqual(64 * lines.length + 1000);
      }),
      { numRuns: 50 },
    );
  });
});
