/**
 * Raw text accuracy of OCR against an invoice's ground truth: for each field-bearing string
 * (number, code, date, names, tax ids, totals, 大写, item amounts and taxes), whether it occurs
 * verbatim inside one OCR run. Whitespace is ignored and both yen signs count as one; nothing
 * else is forgiven. This is what field extraction can at best achieve from the runs.
 */
import type { TextRun } from '../../positioned-text.js';

export interface TruthInvoice {
  invoiceCode: string | null;
  invoiceNumber: string | null;
  checkCode: string | null;
  date: string;
  buyer: { name: string; taxId: string | null } | null;
  seller: { name: string; taxId: string | null } | null;
  totalAmount: string;
  totalTax: string;
  totalWithTax: string;
  totalInWords: string;
  items: { amount: string; tax: string; taxReason: string | null }[];
}

export interface KeyString {
  field: string;
  text: string;
}

function canonical(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/￥/g, '¥');
}

export function keyStrings(truth: TruthInvoice): KeyString[] {
  const keys: KeyString[] = [];
  const add = (field: string, text: string | null | undefined) => {
    if (text) keys.push({ field, text: canonical(text) });
  };
  add('invoiceCode', truth.invoiceCode);
  add('invoiceNumber', truth.invoiceNumber);
  add('checkCode', truth.checkCode);
  const [y, m, d] = truth.date.split('-');
  add('date', `${y ?? ''}年${m ?? ''}月${d ?? ''}日`);
  add('buyerName', truth.buyer?.name);
  add('buyerTaxId', truth.buyer?.taxId);
  add('sellerName', truth.seller?.name);
  add('sellerTaxId', truth.seller?.taxId);
  add('totalAmount', truth.totalAmount);
  add('totalTax', truth.totalTax);
  add('totalWithTax', truth.totalWithTax);
  add('totalInWords', truth.totalInWords);
  truth.items.forEach((item) => {
    add('itemAmount', item.amount);
    if (!item.taxReason) add('itemTax', item.tax);
  });
  return keys;
}

export interface AccuracyResult {
  found: number;
  total: number;
  missing: KeyString[];
}

export function textAccuracy(truth: TruthInvoice, runs: TextRun[]): AccuracyResult {
  const texts = runs.map((r) => canonical(r.text));
  const keys = keyStrings(truth);
  const missing = keys.filter((key) => !texts.some((t) => t.includes(key.text)));
  return { found: keys.length - missing.length, total: keys.length, missing };
}
