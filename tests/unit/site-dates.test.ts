import { describe, expect, it } from 'vitest';
import { formatDate, dateSourceNote, toFeedDate, dayFraction, formatMonthHeading } from '../../src/lib/site/dates.ts';

describe('formatDate', () => {
  it('shows a known day as dd/mm/yyyy with leading zeros', () => {
    expect(formatDate('2021-11-08')).toBe('08/11/2021');
    expect(formatDate('2020-01-31')).toBe('31/01/2020');
  });
  it('shows a month-only date as "tháng m/yyyy"', () => {
    expect(formatDate('2021-11')).toBe('tháng 11/2021');
    expect(formatDate('2022-01')).toBe('tháng 1/2022');
  });
  it('refuses anything that is not an ISO date', () => {
    expect(() => formatDate('08/11/2021')).toThrow(/ISO date/);
    expect(() => formatDate('2021')).toThrow(/ISO date/);
  });
  it('month headings read "Tháng 11/2021"', () => {
    expect(formatMonthHeading(2021, 11)).toBe('Tháng 11/2021');
  });
});

describe('dates not taken from the document', () => {
  it('say where they come from; the document date needs no note', () => {
    expect(dateSourceNote('publication')).toMatch(/ngày báo đăng tin/);
    expect(dateSourceNote('inferred')).toMatch(/suy ra/);
    expect(dateSourceNote('document')).toBeNull();
  });
});

describe('time axis helpers', () => {
  it('put a month-only date mid-month and a day inside its month', () => {
    expect(dayFraction('2021-11')).toBe(0.5);
    expect(dayFraction('2021-11-01')).toBeLessThan(0.05);
    expect(dayFraction('2021-02-28')).toBeGreaterThan(0.95);
  });
  it('feed dates are UTC days; a month-only date is its first day', () => {
    expect(toFeedDate('2021-11-08').toISOString()).toBe('2021-11-08T00:00:00.000Z');
    expect(toFeedDate('2021-11').toISOString()).toBe('2021-11-01T00:00:00.000Z');
  });
});
