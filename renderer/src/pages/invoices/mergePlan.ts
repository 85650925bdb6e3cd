import type { InvoiceRecord } from '../../../../shared/api/invoice';
import { decimalToFen, formatFenPlain } from '../../../../shared/money';

/** 批量生成凭证: one voucher per invoice, or one per seller (their entries merged line by line). */
export type MergeRule = 'per-invoice' | 'per-seller';

export interface PlannedLine {
  abstract: string;
  accountCode: string;
  debitFen: number;
  creditFen: number;
}

export interface PlannedVoucher {
  key: string;
  date: string;
  abstract: string;
  invoiceIds: string[];
  lines: PlannedLine[];
}

function sellerKey(invoice: InvoiceRecord): string {
  return invoice.seller.tax_id ?? invoice.seller.name ?? invoice.invoice_id;
}

/**
 * The vouchers the selected invoices become. Merging by seller adds up lines with the same account
 * and side; the date is the latest issue date of the group, the 摘要 names the seller.
 */
export function planVouchers(invoices: readonly InvoiceRecord[], rule: MergeRule): PlannedVoucher[] {
  const groups = new Map<string, InvoiceRecord[]>();
  for (const invoice of invoices) {
    const key = rule === 'per-invoice' ? invoice.invoice_id : sellerKey(invoice);
    groups.set(key, [...(groups.get(key) ?? []), invoice]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const first = group[0];
    const party =
      (first?.direction === 'sale' ? first.buyer.name : first?.seller.name) ?? first?.category ?? '';
    const abstract =
      group.length === 1 && first
        ? (first.entries[0]?.abstract ?? party)
        : `${party} 等${String(group.length)}张票据`.slice(0, 200);
    const merged = new Map<string, PlannedLine>();
    for (const invoice of group) {
      for (const entry of invoice.entries) {
        const debitFen = decimalToFen(entry.debit) ?? 0;
        const creditFen = decimalToFen(entry.credit) ?? 0;
        const side = debitFen !== 0 ? 'D' : 'C';
        const lineKey = rule === 'per-invoice' ? String(merged.size) : `${entry.account_code}:${side}`;
        const existing = merged.get(lineKey);
        if (existing) {
          existing.debitFen += debitFen;
          existing.creditFen += creditFen;
        } else {
          merged.set(lineKey, {
            abstract: group.length === 1 ? entry.abstract : abstract,
            accountCode: entry.account_code,
            debitFen,
            creditFen,
          });
        }
      }
    }
    const date =
      group
        .map((i) => i.issue_date ?? '')
        .sort()
        .at(-1) ?? '';
    return { key, date, abstract, invoiceIds: group.map((i) => i.invoice_id), lines: [...merged.values()] };
  });
}

export function plannedTotals(voucher: PlannedVoucher): { debit: string; credit: string; balanced: boolean } {
  const debit = voucher.lines.reduce((s, l) => s + l.debitFen, 0);
  const credit = voucher.lines.reduce((s, l) => s + l.creditFen, 0);
  return { debit: formatFenPlain(debit), credit: formatFenPlain(credit), balanced: debit === credit };
}

/** voucher/create's entries for a planned voucher. */
export function plannedEntries(voucher: PlannedVoucher) {
  return voucher.lines
    .filter((l) => l.debitFen !== 0 || l.creditFen !== 0)
    .map((l) => ({
      abstract: l.abstract.trim() || voucher.abstract,
      account_code: l.accountCode,
      debit: Number(formatFenPlain(l.debitFen)),
      credit: Number(formatFenPlain(l.creditFen)),
    }));
}
