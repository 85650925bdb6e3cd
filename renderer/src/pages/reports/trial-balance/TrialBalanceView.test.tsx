// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TrialBalanceTable } from './TrialBalanceTable';
import {
  DEFAULT_TRIAL_BALANCE_FILTERS,
  filterTrialBalance,
  totalsAgree,
  trialBalanceTotals,
  type TrialBalanceFilters,
  type TrialBalanceRow,
} from './trialBalanceFilters';
import { TrialBalanceFilterBar } from './TrialBalanceView';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());

const zero = {
  opening_debit: 0,
  opening_credit: 0,
  period_debit: 0,
  period_credit: 0,
  year_debit: 0,
  year_credit: 0,
  closing_debit: 0,
  closing_credit: 0,
};
const row = (code: string, name: string, level: number, figures: Partial<typeof zero>): TrialBalanceRow => ({
  code,
  name,
  level,
  is_leaf: level > 1 || code === '3001',
  ...zero,
  ...figures,
});

/** Opening: bank 1,000 against capital; this period: office 500 paid from the bank; 1001 emptied last year. */
const ROWS: TrialBalanceRow[] = [
  row('1001', '库存现金', 1, { year_debit: 200, year_credit: 200 }),
  row('1002', '银行存款', 1, {
    opening_debit: 1_000,
    period_credit: 500,
    year_debit: 1_000,
    year_credit: 500,
    closing_debit: 500,
  }),
  row('3001', '实收资本', 1, { opening_credit: 1_000, year_credit: 1_000, closing_credit: 1_000 }),
  row('5602', '管理费用', 1, { period_debit: 500, year_debit: 500, closing_debit: 500 }),
  row('560203', '办公费', 2, { period_debit: 500, year_debit: 500, closing_debit: 500 }),
];

function Harness() {
  const [filters, setFilters] = useState<TrialBalanceFilters>(DEFAULT_TRIAL_BALANCE_FILTERS);
  return (
    <>
      <TrialBalanceFilterBar filters={filters} maxLevel={2} onChange={setFilters} />
      <TrialBalanceTable rows={filterTrialBalance(ROWS, filters)} allRows={ROWS} />
    </>
  );
}

const shownCodes = () =>
  [...document.querySelectorAll('tr[data-code]')]
    .map((r) => r.getAttribute('data-code'))
    .filter((c) => c !== 'total');

describe('科目余额表 filters', () => {
  test('level, hide zero balances and hide accounts without movement; the 合计 row never moves and agrees', async () => {
    render(<Harness />);
    expect(shownCodes()).toEqual(['1001', '1002', '3001', '5602']);
    const totalText = () =>
      within(document.querySelector('tr[data-code="total"]') as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const totals = totalText();
    expect(totals).toEqual([
      '合计',
      '1,000.00',
      '1,000.00',
      '500.00',
      '500.00',
      '1,700.00',
      '1,700.00',
      '1,000.00',
      '1,000.00',
    ]);

    await userEvent.click(screen.getByRole('combobox', { name: '科目级次' }));
    await userEvent.click(await screen.findByText('至2级科目'));
    expect(shownCodes()).toEqual(['1001', '1002', '3001', '5602', '560203']);

    await userEvent.click(screen.getByRole('checkbox', { name: '隐藏余额为零的科目' }));
    expect(shownCodes()).toEqual(['1002', '3001', '5602', '560203']);

    await userEvent.click(screen.getByRole('checkbox', { name: '隐藏本期无发生额的科目' }));
    expect(shownCodes()).toEqual(['1002', '5602', '560203']);
    expect(totalText()).toEqual(totals);
  });

  test('totals sum first-level rows only and report disagreement', () => {
    const totals = trialBalanceTotals(ROWS);
    expect(totals.period_debit).toBe(500);
    expect(totalsAgree(totals)).toBe(true);
    expect(
      totalsAgree(trialBalanceTotals([...ROWS, row('1122', '应收账款', 1, { period_debit: 0.01 })])),
    ).toBe(false);
  });
});
