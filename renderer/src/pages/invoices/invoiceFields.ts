import type { InvoiceRecord } from '../../../../shared/api/invoice';
import { decimalToFen } from '../../../../shared/money';
import { formatAmount } from '../vouchers/amountText';

/** Below this a field is highlighted for the bookkeeper to check. */
export const LOW_CONFIDENCE = 0.85;

export interface InvoiceFieldRow {
  key: string;
  label: string;
  value: string;
}

function amountText(value: number | null): string {
  return value === null ? '' : value.toFixed(2);
}

/** The fields the drawer shows (and lets the bookkeeper correct), keyed as the engine's `fields`. */
export function invoiceFieldRows(invoice: InvoiceRecord): InvoiceFieldRow[] {
  return [
    { key: 'kind_name', label: '票种', value: invoice.kind_name ?? '' },
    { key: 'invoice_code', label: '发票代码', value: invoice.invoice_code ?? '' },
    { key: 'invoice_number', label: '发票号码', value: invoice.invoice_number ?? '' },
    { key: 'issue_date', label: '开票日期', value: invoice.issue_date ?? '' },
    { key: 'buyer.name', label: '购买方名称', value: invoice.buyer.name ?? '' },
    { key: 'buyer.tax_id', label: '购买方税号', value: invoice.buyer.tax_id ?? '' },
    { key: 'seller.name', label: '销售方名称', value: invoice.seller.name ?? '' },
    { key: 'seller.tax_id', label: '销售方税号', value: invoice.seller.tax_id ?? '' },
    { key: 'total_amount', label: '金额', value: amountText(invoice.total_amount) },
    { key: 'total_tax', label: '税额', value: amountText(invoice.total_tax) },
    { key: 'total_with_tax', label: '价税合计', value: amountText(invoice.total_with_tax) },
  ];
}

export function fieldConfidence(invoice: InvoiceRecord, key: string): number | undefined {
  return invoice.fields[key]?.confidence;
}

export function isLowConfidence(invoice: InvoiceRecord, key: string, value: string): boolean {
  const confidence = fieldConfidence(invoice, key);
  if (confidence === undefined) return value === '' && key !== 'invoice_code' && key !== 'kind_name';
  return confidence < LOW_CONFIDENCE;
}

const REASONS: Record<InvoiceRecord['category_reason']['source'], string> = {
  learned: '按本账套记住的对应关系',
  rule: '按税收分类 / 销售方规则',
  default: '未能判断，默认科目（请核对）',
};

export function categoryReasonText(invoice: InvoiceRecord): string {
  return `${REASONS[invoice.category_reason.source]}：${invoice.category_reason.detail}`;
}

/** An amount in the invoice list: "1,234.50" (thousands separators), "0.00" for no tax, "—" when unread. */
export function invoiceListAmount(value: number | null): string {
  if (value === null) return '—';
  const fen = decimalToFen(value);
  if (fen === undefined) return '—';
  return fen === 0 ? '0.00' : formatAmount(fen);
}

/** The list's 合计: amounts summed in fen, duplicates left out (they are the same money twice). */
export function invoiceTotals(rows: readonly InvoiceRecord[]): {
  count: number;
  amount: string;
  tax: string;
  gross: string;
} {
  let count = 0;
  let amount = 0;
  let tax = 0;
  let gross = 0;
  for (const r of rows) {
    if (r.duplicate) continue;
    count += 1;
    amount += decimalToFen(r.total_amount ?? 0) ?? 0;
    tax += decimalToFen(r.total_tax ?? 0) ?? 0;
    gross += decimalToFen(r.amount) ?? 0;
  }
  const text = (fen: number) => (fen === 0 ? '0.00' : formatAmount(fen));
  return { count, amount: text(amount), tax: text(tax), gross: text(gross) };
}
