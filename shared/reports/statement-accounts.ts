/**
 * First-level accounts that more than one statement line or reader groups together: the engine
 * computes the lines from them and the renderer's drill-down lists them, so both read them here.
 */

/** 货币资金 (balance sheet line 1) and the cash of the cash-flow statement. */
export const CASH_ACCOUNTS = ['1001', '1002', '1012'] as const;

/** 存货 (balance sheet line 9). */
export const INVENTORY_ACCOUNTS = [
  '1401',
  '1402',
  '1403',
  '1404',
  '1405',
  '1407',
  '1408',
  '1411',
  '1421',
  '4001',
  '4101',
  '4401',
  '4403',
] as const;
