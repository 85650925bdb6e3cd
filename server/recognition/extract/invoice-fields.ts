import type { TextSource } from '../positioned-text.js';

/** One read value, with how sure the reader is and where it came from. */
export interface Field<T> {
  value: T;
  confidence: number;
  /** `computed`: derived from other fields (价税合计 = 金额 + 税额 when one is unreadable). */
  source: TextSource | 'computed';
}

export type TaxReason = '免税' | '不征税' | '***';

export interface ExtractedItem {
  /** Full name as printed, with its `*税收分类*` prefix. */
  name: string;
  /** The short name between the asterisks, or null. */
  taxCategory: string | null;
  spec: string;
  unit: string;
  /** As printed (trailing zeros dropped), or null when the row leaves it empty. */
  quantity: string | null;
  unitPrice: string | null;
  amountFen: number;
  /** As printed in the rate column: "13%", "免税", "不征税"; "" when absent. */
  rate: string;
  taxFen: number;
  taxReason: TaxReason | null;
  discount: boolean;
  confidence: number;
}

/** The tax bureau's QR payload, parsed. */
export interface QrPayload {
  raw: string;
  typeCode: string;
  invoiceCode: string | null;
  invoiceNumber: string;
  /** Fen; 金额 on older invoices, 价税合计 on 数电票 (and on some older ones). */
  amountFen: number;
  date: string;
  checkCode: string | null;
}

/** Everything field extraction read from one invoice page, before any judgement. */
export interface ExtractedInvoice {
  /** The printed kind (title), e.g. 电子发票（普通发票）. */
  title: Field<string> | null;
  invoiceCode: Field<string> | null;
  invoiceNumber: Field<string> | null;
  date: Field<string> | null;
  checkCode: Field<string> | null;
  buyerName: Field<string> | null;
  buyerTaxId: Field<string> | null;
  sellerName: Field<string> | null;
  sellerTaxId: Field<string> | null;
  items: ExtractedItem[];
  totalAmount: Field<number> | null;
  totalTax: Field<number> | null;
  totalWithTax: Field<number> | null;
  totalInWords: Field<string> | null;
  qr: QrPayload | null;
  /** Words that mark a document as a receipt or look-alike (行程单, 收款凭证, 医疗收费 …). */
  receiptMarkers: string[];
  drawer: string | null;
  remark: string;
  /** The reader this came from. */
  source: TextSource;
}

export function emptyExtraction(source: TextSource): ExtractedInvoice {
  return {
    title: null,
    invoiceCode: null,
    invoiceNumber: null,
    date: null,
    checkCode: null,
    buyerName: null,
    buyerTaxId: null,
    sellerName: null,
    sellerTaxId: null,
    items: [],
    totalAmount: null,
    totalTax: null,
    totalWithTax: null,
    totalInWords: null,
    qr: null,
    receiptMarkers: [],
    drawer: null,
    remark: '',
    source,
  };
}

/** The short tax-category name of an item: `*办公用品*A4纸` → 办公用品. */
export function taxCategoryOf(name: string): string | null {
  const match = /^\*([^*]{1,30})\*/.exec(name.trim());
  return match?.[1] ?? null;
}
