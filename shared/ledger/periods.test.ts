import { describe, expect, test } from 'vitest';
import { isPeriod, isYearEnd, lastDayOfPeriod, nextPeriod, periodOfDate, previousPeriod } from './periods.js';

describe('accounting periods (months)', () => {
  test('accept YYYY-MM from 1900 on and nothing else', () => {
    for (const ok of ['2024-01', '2024-12', '1900-06']) expect(isPeriod(ok), ok).toBe(true);
    for (const bad of ['2024-13', '2024-00', '2024-3', '1899-12', '2024-03-01', '']) {
      expect(isPeriod(bad), bad).toBe(false);
    }
  });

  test('step across year ends and know the last day of each month', () => {
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(nextPeriod('2024-03')).toBe('2024-04');
    expect(lastDayOfPeriod('2024-02')).toBe('2024-02-29');
    expect(lastDayOfPeriod('2023-02')).toBe('2023-02-28');
    expect(lastDayOfPeriod('2024-04')).toBe('2024-04-30');
    expect(periodOfDate('2024-03-15')).toBe('2024-03');
    expect(isYearEnd('2024-12')).toBe(true);
    expect(isYearEnd('2024-11')).toBe(false);
  });
});
