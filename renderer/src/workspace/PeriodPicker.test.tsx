// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { PeriodPicker } from './PeriodPicker';
import { periodContaining, periodLabel, shiftPeriod, type WorkspacePeriod } from './periods';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());

function Harness({ onChange, closed }: { onChange: (p: WorkspacePeriod) => void; closed?: Set<string> }) {
  const [value, setValue] = useState<WorkspacePeriod>(periodContaining('month', dayjs('2024-02-10')));
  return (
    <PeriodPicker
      value={value}
      closedMonths={closed}
      onChange={(p) => {
        onChange(p);
        setValue(p);
      }}
    />
  );
}

describe('periods', () => {
  test('month, quarter and year contain the anchor; leap February; shifting crosses years', () => {
    expect(periodContaining('month', dayjs('2024-02-10'))).toEqual({
      kind: 'month',
      startDate: '2024-02-01',
      endDate: '2024-02-29',
    });
    expect(periodContaining('quarter', dayjs('2024-05-31'))).toEqual({
      kind: 'quarter',
      startDate: '2024-04-01',
      endDate: '2024-06-30',
    });
    expect(periodContaining('year', dayjs('2024-05-31'))).toEqual({
      kind: 'year',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    expect(shiftPeriod({ kind: 'month', startDate: '2024-12-01', endDate: '2024-12-31' }, 1)).toEqual({
      kind: 'month',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
    });
    expect(
      shiftPeriod({ kind: 'quarter', startDate: '2024-01-01', endDate: '2024-03-31' }, -1).startDate,
    ).toBe('2023-10-01');
    expect(periodLabel({ kind: 'quarter', startDate: '2024-04-01', endDate: '2024-06-30' })).toBe(
      '2024年第2季度',
    );
  });
});

describe('PeriodPicker', () => {
  test('switches 月 → 季 → 年 around the same date, and steps with 上一期/下一期', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.click(screen.getByText('季'));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'quarter',
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    });
    await userEvent.click(screen.getByRole('button', { name: '下一期' }));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'quarter',
      startDate: '2024-04-01',
      endDate: '2024-06-30',
    });
    await userEvent.click(screen.getByText('年'));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'year',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    await userEvent.click(screen.getByText('月'));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'month',
      startDate: '2024-01-01',
      endDate: '2024-01-31',
    });
    await userEvent.click(screen.getByRole('button', { name: '上一期' }));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'month',
      startDate: '2023-12-01',
      endDate: '2023-12-31',
    });
    await userEvent.click(screen.getByText('自定义'));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'custom',
      startDate: '2023-12-01',
      endDate: '2023-12-31',
    });
  });

  test('marks a closed month as 已结账', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} closed={new Set(['2024-01'])} />);
    expect(screen.queryByTestId('period-closed')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '上一期' }));
    expect(screen.getByTestId('period-closed').textContent).toBe('已结账');
  });
});
