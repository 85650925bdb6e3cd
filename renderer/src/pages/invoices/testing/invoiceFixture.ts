import type { InvoiceRecord } from '../../../../../shared/api/invoice';

/** A recognised purchase invoice as the engine answers it, with the parts a test changes. */
export function invoiceFixture(over: {
  id: string;
  seller: string;
  sellerTaxId: string;
  net: number;
  tax: number;
  date?: string;
}): InvoiceRecord {
  const gross = Math.round((over.net + over.tax) * 100) / 100;
  return {
    invoice_id: over.id,
    amount: gross,
    category: '办公费',
    entries: [
      { abstract: `${over.seller} 办公用品`, account_code: '560203', debit: over.net, credit: 0 },
      { abstract: `${over.seller} 办公用品`, account_code: '22210101', debit: over.tax, credit: 0 },
      { abstract: `${over.seller} 办公用品`, account_code: '2202', debit: 0, credit: gross },
    ],
    account_id: 'acc_1',
    kind: 'vat',
    kind_name: '电子发票（增值税专用发票）',
    type_code: '31',
    type_hint: null,
    invoice_code: null,
    invoice_number: `2432000000000000${over.id.slice(-4).padStart(4, '0')}`,
    issue_date: over.date ?? '2024-03-12',
    check_code: null,
    buyer: { name: '示例科技有限公司', tax_id: '91310000MA1FL0XX0X' },
    seller: { name: over.seller, tax_id: over.sellerTaxId },
    items: [],
    total_amount: over.net,
    total_tax: over.tax,
    total_with_tax: gross,
    amount_in_words: null,
    direction: 'purchase',
    category_account_code: '560203',
    category_reason: { source: 'rule', detail: '办公用品' },
    confidence: 0.95,
    fields: {},
    checks: [],
    duplicate: null,
    source: 'pdf-text',
    qr_payload: null,
    file: { sha256: 'a'.repeat(64), media_type: 'application/pdf', size: 1000 },
    page: 1,
    page_count: 1,
    pages: null,
    warnings: [],
    created_at: '2024-03-12T08:00:00.000Z',
  };
}
