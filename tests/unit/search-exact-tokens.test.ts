/**
 * Regression guard: index-only tokens are asked of Pagefind exactly. Unquoted, an index (or a
 * shard of a sharded index) that lacks "dc469cvtu" answers with its longest held prefix ("dc46…",
 * every directive citing a number starting 46…): each of those was fetched and checked on its
 * text before the engine could say so, which doubled a number query's time with four shards.
 */
import { describe, expect, it } from 'vitest';
import { asked, searchArchive } from '../../src/lib/search/engine.ts';
import { buildSearchRecord } from '../../src/lib/search/record.ts';
import { directive, fakeArchive } from '../../scripts/bench/fake-pagefind.ts';

const day = (i: number) => `2021-0${1 + (i % 9)}-1${i % 10}`;
// 30 directives citing 46x-CV/TU numbers, none citing 469-CV/TU; one carries 469-CV/TU itself
const records = [
  ...Array.from({ length: 30 }, (_, i) =>
    buildSearchRecord(
      `/d-${i}/`,
      directive({ title: `Công văn ${i}`, date: day(i), number: `${700 + i}-CV/TU` }),
      `Thực hiện Công văn số 46${i % 9}-CV/TU của Ban Thường vụ Tỉnh ủy về phòng, chống dịch.`,
    ),
  ),
  buildSearchRecord(
    '/own/',
    directive({ title: 'Công văn về tiêm vắc xin', date: '2021-08-02', number: '469-CV/TU' }),
    'Ban Thường vụ Tỉnh ủy yêu cầu đẩy nhanh tiêm vắc xin.',
  ),
];

describe('index-only tokens are asked exactly', () => {
  it('quotes a lone variant, cite or number token, and nothing a reader types', () => {
    expect(asked('dc469cvtu')).toBe('"dc469cvtu"');
    expect(asked('vxvacxin')).toBe('"vxvacxin"');
    expect(asked('so469cvtu')).toBe('"so469cvtu"');
    expect(asked('so')).toBe('so'); // "sở", "số" folded
    expect(asked('dich')).toBe('dich');
    expect(asked('phong chong dich')).toBe('phong chong dich');
  });

  it('a number cited by nobody loads no directive citing a number with the same first digits', async () => {
    const index = await fakeArchive(records);
    const loads: string[] = [];
    for (const p of index.pages) {
      const data = p.data.bind(p);
      p.data = async () => {
        const f = await data();
        loads.push(f.url);
        return f;
      };
    }
    const out = await searchArchive(index, { q: '469-CV/TU', filters: {}, sort: 'relevance' });
    expect(out.items.map((i) => i.url)).toEqual(['/own/']);
    expect(out.citing).toEqual([]);
    // only the directive carrying the number is read: no "dc46…" prefix candidates
    expect(loads).toEqual(['/own/']);
  });
});
