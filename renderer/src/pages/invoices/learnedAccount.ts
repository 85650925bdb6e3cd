import type { InvoiceRecord } from '../../../../shared/api/invoice';
import type { DraftLine } from '../../../../shared/vouchers/voucher-drafts';

/** Input VAT and the usual counter-accounts are never "the expense account" (the engine's rule). */
const NOT_EXPENSE = new Set(['22210101', '22210102', '2202', '1002', '1001', '1122', '2221']);

/**
 * The account the engine will remember for this invoice's seller when the voucher is saved: the
 * largest debit that is not VAT or a counter-account, when it differs from the suggestion.
 */
export function learnedExpenseAccount(
  invoice: InvoiceRecord,
  lines: readonly DraftLine[],
): string | undefined {
  if (invoice.direction !== 'purchase' || !invoice.seller.tax_id) return undefined;
  const expense = lines
    .map((l) => ({ code: l.accountCode, debit: Number(l.debit || '0') }))
    .filter((l) => l.debit > 0 && l.code !== '' && !NOT_EXPENSE.has(l.code))
    .sort((a, b) => b.debit - a.debit)[0];
  if (!expense || expense.code === invoice.category_account_code) return undefined;
  return expense.code;
}
