/**
 * The rule machinery and the year inference, on their own: the first rule that proposes wins,
 * a strong rule that disagrees puts the winner under review, and a day and month without a year
 * take the year only from evidence around them, saying which.
 */
import { describe, expect, it } from 'vitest';
import { decide, type Rule } from '../../src/lib/import/extract/decide.ts';
import { findDates, inferYear } from '../../src/lib/import/extract/dates.ts';
import { none } from '../../src/lib/import/extract/types.ts';

const rule = (name: string, value: string | null, confidence: number): Rule<null, string | null> => ({
  name,
  propose: () => (value === null && confidence < 0 ? null : { value, confidence, evidence: `${name} text` }),
});

describe('decide', () => {
  it('the first rule that proposes wins and names itself', () => {
    const f = decide(
      [rule('so-line', null, -1), rule('headline', 'A', 0.75), rule('text-mentions', 'A', 0.9)],
      null,
      none(null),
    );
    expect(f).toMatchObject({ value: 'A', confidence: 0.75, rule: 'headline' });
  });
  it('a strong rule that disagrees lowers the winner below the review line, with both readings', () => {
    const f = decide(
      [rule('header', 'Bình Dương', 0.95), rule('metadata-table', 'Bình Phước', 0.95)],
      null,
      none(null),
    );
    expect(f.confidence).toBeLessThan(0.7);
    expect(f.reason).toBe('the header gives Bình Dương but the metadata-table gives Bình Phước');
  });
  it('a weak disagreeing rule, an option, or an honest null stay as they are', () => {
    expect(decide([rule('header', 'A', 0.95), rule('chrome', 'B', 0.5)], null, none(null)).confidence).toBe(0.95);
    expect(decide([rule('option', 'A', 1), rule('header', 'B', 0.95)], null, none(null)).confidence).toBe(1);
    expect(decide([rule('several', null, 0), rule('header', 'B', 0.95)], null, none(null)).value).toBeNull();
  });
  it('nothing proposed: the fallback, with its reason', () => {
    expect(decide([rule('x', null, -1)], null, none(null, 'the text names no province'))).toEqual(
      none(null, 'the text names no province'),
    );
  });
});

describe('year inference', () => {
  const hints = (publicationDate: string | null, pageDate: string | null = null) => ({
    pageDate,
    publicationDate,
    publisher: null,
  });
  const effectiveIn = (text: string) => (d: { index: number }) =>
    /(giờ|\dh)\s*(?:ngày\s*)?$/iu.test(text.slice(Math.max(0, d.index - 20), d.index));
  const yearless = (text: string) => findDates(text).find((d) => d.year === null)!;

  it('from the same day written in full elsewhere', () => {
    const t = 'Chiều 17/8, Ban Thường vụ đã gửi công văn. Tính đến sáng ngày 17/8/2021, toàn tỉnh có 12 ca.';
    expect(inferYear(yearless(t), findDates(t), hints(null), effectiveIn(t))).toEqual({
      year: 2021,
      from: 'the same day written in full ("17/8/2021")',
    });
  });
  it('from a posting stamp of the same day', () => {
    const t = 'Chiều ngày 7/9, Chủ tịch UBND thành phố ký văn bản.';
    expect(inferYear(yearless(t), findDates(t), hints('2021-09-07'), effectiveIn(t))?.year).toBe(2021);
  });
  it('from an effective time a day or so later, across a new year too', () => {
    const t = 'Ngày 31/12, UBND tỉnh có công văn khẩn, áp dụng từ 0 giờ ngày 1/1/2022.';
    expect(inferYear(yearless(t), findDates(t), hints(null), effectiveIn(t))).toEqual({
      year: 2021,
      from: 'the effective time 1 day(s) later ("1/1/2022")',
    });
  });
  it('an effective time weeks later or a date that is no effective time gives no year', () => {
    const late = 'Ngày 16/5, UBND tỉnh có công văn, áp dụng từ 0 giờ ngày 1/7/2021.';
    expect(inferYear(yearless(late), findDates(late), hints(null), effectiveIn(late))).toBeNull();
    const cited = 'Ngày 16/5, UBND tỉnh có công văn thực hiện Chỉ thị số 15/CT-TTg ngày 17/5/2021.';
    expect(inferYear(yearless(cited), findDates(cited), hints(null), effectiveIn(cited))).toBeNull();
  });
  it('from the page date: the last such day on or before it', () => {
    const t = 'Chiều 18/12, UBND tỉnh vừa ban hành công văn.';
    expect(inferYear(yearless(t), findDates(t), hints(null, '2022-01'), effectiveIn(t))).toEqual({
      year: 2021,
      from: 'the page date (2022-01)',
    });
  });
});
