import type { InvoiceRecord } from '../../../shared/api/invoice.js';
import { decimalToFen, formatFenPlain } from '../../../shared/money.js';
import type { InvoiceTruth } from '../../../tests/fixtures/invoices/invoice-truth.js';

/** One field of one invoice: what the corpus says it is and what the engine read. */
export interface FieldComparison {
  field: string;
  expected: unknown;
  actual: unknown;
  exact: boolean;
}

const amount = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : formatFenPlain(decimalToFen(value) ?? Number.NaN);

/**
 * Field-by-field comparison of a recognition answer with the ground truth: the core fields, both
 * parties, every item column, the totals and 大写, kind and category. Receipts are compared on
 * what a receipt has (no invented invoice number, no VAT).
 */
export function compareWithTruth(record: InvoiceRecord, truth: InvoiceTruth): FieldComparison[] {
  const out: FieldComparison[] = [];
  const add = (field: string, expected: unknown, actual: unknown): void => {
    out.push({ field, expected, actual, exact: JSON.stringify(expected) === JSON.stringify(actual) });
  };
  add('kind', truth.apiType, record.kind);
  add('invoice_number', truth.invoiceNumber, record.invoice_number);
  add('issue_date', truth.date, record.issue_date);
  add('total_with_tax', truth.totalWithTax, amount(record.total_with_tax));
  add('seller.name', truth.seller.name, record.seller.name);
  add('category', truth.expected.category, record.category);
  add('category_account_code', truth.expected.accountCode, record.category_account_code);
  if (truth.apiType === 'receipt') {
    add('invoice_code', null, record.invoice_code);
    add(
      'entries_without_vat',
      true,
      record.entries.every((e) => !e.account_code.startsWith('222101')),
    );
    return out;
  }
  add('type_code', truth.typeCode, record.type_code);
  add('kind_name', truth.kindName, record.kind_name);
  add('invoice_code', truth.invoiceCode, record.invoice_code);
  add('check_code', truth.checkCode, record.check_code);
  add('buyer.name', truth.buyer?.name ?? null, record.buyer.name);
  add('buyer.tax_id', truth.buyer?.taxId ?? null, record.buyer.tax_id);
  add('seller.tax_id', truth.seller.taxId, record.seller.tax_id);
  add('total_amount', truth.totalAmount, amount(record.total_amount));
  add('total_tax', truth.totalTax, amount(record.total_tax));
  add('amount_in_words', truth.totalInWords, record.amount_in_words);
  add('items.count', truth.items.length, record.items.length);
  truth.items.forEach((item, index) => {
    const got = record.items[index];
    const p = `items[${String(index)}]`;
    add(`${p}.name`, item.name, got?.name);
    add(`${p}.tax_category`, item.taxCategory, got?.tax_category);
    add(`${p}.spec`, item.spec, got?.spec);
    add(`${p}.unit`, item.unit, got?.unit);
    add(`${p}.quantity`, item.quantity, got?.quantity);
    add(`${p}.unit_price`, item.unitPrice, got?.unit_price);
    add(`${p}.amount`, item.amount, amount(got?.amount));
    add(`${p}.tax_rate`, item.rate, got?.tax_rate);
    add(`${p}.tax`, item.tax, amount(got?.tax));
    add(`${p}.tax_note`, item.taxReason, got?.tax_note);
    add(`${p}.discount`, item.discount, got?.discount);
  });
  return out;
}
