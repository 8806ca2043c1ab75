/**
 * A directive page's h1: "<type> số <number>: <title>", except that a title which already
 * begins with the type ("Thông báo kết luận của Ban Thường vụ …") must not read
 * "Thông báo: Thông báo kết luận …". Guards docHeading() on the real seed that showed the
 * repetition, on every document type in the list, and on titles typed any way.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { docHeading } from '../../src/lib/site/text.ts';
import { DOC_TYPE_NAMES } from '../../src/lib/doc-types.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');

/** How many times the type's words occur at word starts in the heading. */
const typeCount = (heading: string, type: string): number =>
  heading.split(new RegExp(`(?<![\\p{L}\\p{N}])${type}(?![\\p{L}\\p{N}])`, 'giu')).length - 1;

describe('directive heading (docHeading)', () => {
  it('names the type once on the seed whose title begins with its type', () => {
    const seed = loadDirectives(CONTENT).find((r) => r.id === 'ninh-thuan/2021-11-11-thong-bao-89761cd9');
    expect(seed, 'seed ninh-thuan/2021-11-11-thong-bao-89761cd9').toBeDefined();
    const h = docHeading(seed!.data);
    expect(h).toBe(seed!.data.title);
    expect(typeCount(h, 'Thông báo')).toBe(1);
  });

  it('never repeats the type, and never drops the title or the number, for any seed', () => {
    for (const { data } of loadDirectives(CONTENT)) {
      const h = docHeading(data);
      expect(typeCount(h, data.docType), h).toBeLessThanOrEqual(Math.max(1, typeCount(data.title, data.docType)));
      if (data.number) expect(h, data.title).toContain(data.number);
      // every word of the title is still in the heading
      for (const w of data.title.split(/\s+/)) expect(h.toLowerCase(), data.title).toContain(w.toLowerCase());
    }
  });

  it.each(DOC_TYPE_NAMES)(
    '"%s": a title starting with the type is shown as written, the number after the type',
    (type) => {
      expect(docHeading({ docType: type, number: null, title: `${type} về công tác phòng, chống dịch` })).toBe(
        `${type} về công tác phòng, chống dịch`,
      );
      expect(docHeading({ docType: type, number: '12/XX-UBND', title: `${type} về công tác phòng, chống dịch` })).toBe(
        `${type} số 12/XX-UBND về công tác phòng, chống dịch`,
      );
      expect(docHeading({ docType: type, number: '12/XX-UBND', title: 'Về việc tăng cường phòng, chống dịch' })).toBe(
        `${type} số 12/XX-UBND: Về việc tăng cường phòng, chống dịch`,
      );
    },
  );

  it('compares folded: case, missing diacritics, decomposed text', () => {
    const d = { docType: 'Thông báo' as const, number: null };
    expect(docHeading({ ...d, title: 'THÔNG BÁO kết luận' })).toBe('THÔNG BÁO kết luận');
    expect(docHeading({ ...d, title: 'Thong bao ket luan' })).toBe('Thong bao ket luan');
    expect(docHeading({ ...d, title: 'Thông báo kết luận'.normalize('NFD') })).toBe('Thông báo kết luận');
    expect(docHeading({ docType: 'Kế hoạch', number: null, title: 'Kế hoạch tiêm chủng' })).toBe('Kế hoạch tiêm chủng');
    expect(docHeading({ docType: 'Công văn', number: '5/UBND', title: 'Công văn: hỏa tốc' })).toBe(
      'Công văn số 5/UBND hỏa tốc',
    );
  });

  it('keeps the type when the title only starts with the same letters, or states its own number', () => {
    expect(docHeading({ docType: 'Thông báo', number: null, title: 'Thông báoX' })).toBe('Thông báo: Thông báoX');
    expect(
      docHeading({ docType: 'Công văn', number: '907-CV/TU', title: 'Công văn số 907-CV/TU về việc cách ly' }),
    ).toBe('Công văn số 907-CV/TU về việc cách ly');
  });
});
