import type { VoucherEntry } from '../api/voucher.js';
import { decimalToFen, formatFenPlain, MAX_AMOUNT_FEN, type Fen } from '../money.js';

/**
 * The voucher rules (docs/ledger.md) that need no database, written once and used
 * by the engine (before posting) and by the renderer's voucher editor (as the user types).
 * Shape rules (dates, two decimals, required fields) live in the zod schema; these are the
 * bookkeeping rules on top.
 */

export interface VoucherProblem {
  /** Field path as in the API's 400 messages: `entries[1].account_code`. */
  field: string;
  message: string;
}

export interface ChartLookup {
  /** Name of the account, or undefined when this account set has no such account. */
  nameOf(code: string): string | undefined;
  isLeaf(code: string): boolean;
}

export interface VoucherTotals {
  debitFen: Fen;
  creditFen: Fen;
}

/** Σ debit and Σ credit in integer fen (amounts are assumed schema-valid). */
export function voucherTotals(entries: readonly Pick<VoucherEntry, 'debit' | 'credit'>[]): VoucherTotals {
  let debitFen = 0;
  let creditFen = 0;
  for (const entry of entries) {
    debitFen += decimalToFen(entry.debit) ?? 0;
    creditFen += decimalToFen(entry.credit) ?? 0;
  }
  return { debitFen, creditFen };
}

/** Every problem with the lines, in reading order; empty when the voucher may be posted. */
export function checkVoucherEntries(entries: readonly VoucherEntry[], chart?: ChartLookup): VoucherProblem[] {
  const problems: VoucherProblem[] = [];
  let debitLines = 0;
  let creditLines = 0;

  entries.forEach((entry, index) => {
    const at = `entries[${String(index)}]`;
    const debit = decimalToFen(entry.debit) ?? 0;
    const credit = decimalToFen(entry.credit) ?? 0;
    if (debit > 0 && credit > 0) {
      problems.push({ field: at, message: `${at} 借方和贷方不能同时有金额` });
    } else if (debit === 0 && credit === 0) {
      problems.push({ field: at, message: `${at} 借方或贷方必须有一方金额大于0` });
    }
    if (debit > 0) debitLines += 1;
    if (credit > 0) creditLines += 1;

    if (chart) {
      const code = entry.account_code;
      const name = chart.nameOf(code);
      if (name === undefined) {
        problems.push({ field: `${at}.account_code`, message: `${at}.account_code 不存在` });
      } else if (!chart.isLeaf(code)) {
        problems.push({
          field: `${at}.account_code`,
          message: `${at}.account_code ${code}（${name}）不是末级科目，请选择其明细科目`,
        });
      }
    }
  });

  if (entries.length < 2) problems.push({ field: 'entries', message: 'entries 至少需要两条分录' });
  if (entries.length >= 2 && (debitLines === 0 || creditLines === 0)) {
    problems.push({ field: 'entries', message: 'entries 至少需要一条借方分录和一条贷方分录' });
  }
  const { debitFen, creditFen } = voucherTotals(entries);
  // Past this cap the sums would leave the range where JS numbers count fen exactly (2^53).
  if (debitFen > MAX_AMOUNT_FEN || creditFen > MAX_AMOUNT_FEN) {
    problems.push({
      field: 'entries',
      message: `entries 借方合计和贷方合计都不能超过 ${formatFenPlain(MAX_AMOUNT_FEN)}`,
    });
  } else if (debitFen !== creditFen) {
    problems.push({
      field: 'entries',
      message: `借贷不平衡：借方合计 ${formatFenPlain(debitFen)}，贷方合计 ${formatFenPlain(creditFen)}`,
    });
  }
  return problems;
}
