import type { InvoiceRecord } from '../../../../shared/api/invoice';

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
