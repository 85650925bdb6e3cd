import type { VoucherEntry } from '../../../shared/api/voucher.js';
import { fenToDecimal } from '../../../shared/money.js';

export interface EntryInput {
  direction: 'purchase' | 'sale';
  /** Input VAT is deductible: 专票, or passenger transport on an electronic 普票. */
  deductible: boolean;
  expenseAccount: string;
  /** Fen; signs as printed (a red invoice is negative). */
  amountFen: number;
  taxFen: number;
  totalFen: number;
  abstract: string;
  accounts: { payable: string; receivable: string; revenue: string; inputVat: string; outputVat: string };
}

function line(abstract: string, account: string, fen: number, side: 'debit' | 'credit'): VoucherEntry {
  // A negative amount (red invoice) moves to the other side: vouchers take positive amounts only.
  const onDebit = (side === 'debit') === fen >= 0;
  const value = fenToDecimal(Math.abs(fen));
  return { abstract, account_code: account, debit: onDebit ? value : 0, credit: onDebit ? 0 : value };
}

/**
 * Balanced entries ready for voucher/create. Purchase: 专票 Dr expense 金额 + Dr 进项税额 税额 /
 * Cr 应付账款 价税合计; 普票 and receipts Dr expense 价税合计. Sale: Dr 应收账款 价税合计 /
 * Cr 主营业务收入 金额 + Cr 销项税额 税额. Zero lines are left out.
 */
export function buildEntries(input: EntryInput): VoucherEntry[] {
  const { accounts: a, abstract } = input;
  const lines: VoucherEntry[] = [];
  if (input.direction === 'sale') {
    lines.push(line(abstract, a.receivable, input.totalFen, 'debit'));
    lines.push(line(abstract, a.revenue, input.totalFen - input.taxFen, 'credit'));
    if (input.taxFen !== 0) lines.push(line(abstract, a.outputVat, input.taxFen, 'credit'));
  } else if (input.deductible && input.taxFen !== 0) {
    lines.push(line(abstract, input.expenseAccount, input.totalFen - input.taxFen, 'debit'));
    lines.push(line(abstract, a.inputVat, input.taxFen, 'debit'));
    lines.push(line(abstract, a.payable, input.totalFen, 'credit'));
  } else {
    lines.push(line(abstract, input.expenseAccount, input.totalFen, 'debit'));
    lines.push(line(abstract, a.payable, input.totalFen, 'credit'));
  }
  return lines.filter((entry) => entry.debit > 0 || entry.credit > 0);
}
