import type { EngineDb } from '../db/engine-db.js';
import { invoiceSuggestion, rememberAccount } from './invoice-records.js';

/** Input VAT and the usual counter-accounts never count as "the expense account" of a voucher. */
const NOT_EXPENSE = new Set(['22210101', '22210102', '2202', '1002', '1001', '1122', '2221']);

export interface VoucherLineForLearning {
  accountCode: string;
  debitFen: number;
}

/**
 * Learning from the bookkeeper: when a voucher is posted with recognised purchase invoices
 * attached and its expense account (the largest debit that is not VAT or a counter-account)
 * differs from what recognition suggested, the account set remembers (seller tax id, tax
 * category) → that account; the seller's next invoice gets it, with the reason reported.
 * Runs inside the voucher's transaction.
 */
export function learnFromVoucher(
  db: EngineDb,
  input: {
    accountSetId: string;
    voucherId: string;
    attachments: readonly string[];
    lines: readonly VoucherLineForLearning[];
  },
): void {
  if (input.attachments.length === 0) return;
  const expense = input.lines
    .filter((line) => line.debitFen > 0 && !NOT_EXPENSE.has(line.accountCode))
    .sort((a, b) => b.debitFen - a.debitFen)[0];
  if (!expense) return;
  for (const invoiceId of input.attachments) {
    const suggestion = invoiceSuggestion(db, invoiceId);
    if (!suggestion?.seller_tax_id || suggestion.direction !== 'purchase' || !suggestion.suggested_account)
      continue;
    if (suggestion.suggested_account === expense.accountCode) continue;
    rememberAccount(db, {
      accountSetId: input.accountSetId,
      sellerTaxId: suggestion.seller_tax_id,
      taxCategory: suggestion.tax_category ?? '',
      accountCode: expense.accountCode,
      voucherId: input.voucherId,
    });
  }
}
