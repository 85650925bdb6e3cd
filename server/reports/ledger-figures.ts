import type { Fen } from '../../shared/money.js';

/**
 * What a statement is computed from: per-leaf-account figures in fen, already aggregated (from the
 * per-month aggregates, never from voucher lines). Balances are debit-positive nets.
 */
export interface AccountTurnover {
  debit: Fen;
  credit: Fen;
}

export interface AccountInfo {
  code: string;
  /** First-level code the account rolls up to. */
  root: string;
  class: '资产' | '负债' | '所有者权益' | '成本' | '损益';
  tags: readonly string[];
}

/** Net balance (debit − credit) per leaf account at a point in time; absent = 0. */
export type Balances = ReadonlyMap<string, Fen>;

/** Turnover per leaf account over a range, closing vouchers excluded; absent = 0. */
export type Turnovers = ReadonlyMap<string, AccountTurnover>;

/** Σ of the balances of the accounts under these first-level codes. */
export function sumBalances(
  balances: Balances,
  accounts: readonly AccountInfo[],
  roots: readonly string[],
): Fen {
  let total = 0;
  for (const account of accounts) {
    if (roots.includes(account.root)) total += balances.get(account.code) ?? 0;
  }
  return total;
}
