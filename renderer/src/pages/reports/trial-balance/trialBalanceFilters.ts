import type { TrialBalanceResponse } from '../../../../../shared/api/trial-balance';

export type TrialBalanceRow = TrialBalanceResponse['rows'][number];

export interface TrialBalanceFilters {
  /** Show accounts down to this level (1 = first-level only). */
  maxLevel: number;
  /** Hide rows whose opening and closing balances are both zero. */
  hideZeroBalance: boolean;
  /** Hide rows without debit or credit in the period. */
  hideNoMovement: boolean;
}

export const DEFAULT_TRIAL_BALANCE_FILTERS: TrialBalanceFilters = {
  maxLevel: 1,
  hideZeroBalance: false,
  hideNoMovement: false,
};

const AMOUNT_KEYS = [
  'opening_debit',
  'opening_credit',
  'period_debit',
  'period_credit',
  'year_debit',
  'year_credit',
  'closing_debit',
  'closing_credit',
] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

export function filterTrialBalance(
  rows: readonly TrialBalanceRow[],
  filters: TrialBalanceFilters,
): TrialBalanceRow[] {
  return rows.filter((row) => {
    if (row.level > filters.maxLevel) return false;
    const zeroBalance =
      row.opening_debit === 0 &&
      row.opening_credit === 0 &&
      row.closing_debit === 0 &&
      row.closing_credit === 0;
    if (filters.hideZeroBalance && zeroBalance) return false;
    if (filters.hideNoMovement && row.period_debit === 0 && row.period_credit === 0) return false;
    return true;
  });
}

/**
 * The 合计 row: sums of the first-level rows (children are already inside their parents), so it
 * does not change with the level filter; hidden rows are still counted, as the totals must agree
 * with the engine's. Returns the totals in fen-exact yuan.
 */
export function trialBalanceTotals(rows: readonly TrialBalanceRow[]): Record<AmountKey, number> {
  const totals = Object.fromEntries(AMOUNT_KEYS.map((k) => [k, 0])) as Record<AmountKey, number>;
  for (const row of rows) {
    if (row.level !== 1) continue;
    for (const key of AMOUNT_KEYS) totals[key] += Math.round(row[key] * 100);
  }
  for (const key of AMOUNT_KEYS) totals[key] /= 100;
  return totals;
}

/** Whether 借 = 贷 in each of 期初, 本期, 本年累计 and 期末. */
export function totalsAgree(totals: Record<AmountKey, number>): boolean {
  return (
    totals.opening_debit === totals.opening_credit &&
    totals.period_debit === totals.period_credit &&
    totals.year_debit === totals.year_credit &&
    totals.closing_debit === totals.closing_credit
  );
}

export function maxLevelOf(rows: readonly TrialBalanceRow[]): number {
  return rows.reduce((m, r) => Math.max(m, r.level), 1);
}
