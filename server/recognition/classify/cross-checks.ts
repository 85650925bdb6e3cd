import Nzh from 'nzh';
import type { InvoiceCheck } from '../../../shared/api/invoice.js';
import { formatFenPlain } from '../../../shared/money.js';
import type { ExtractedInvoice } from '../extract/invoice-fields.js';
import { creditCodeValid } from './credit-code.js';

const yuan = (fen: number): string => formatFenPlain(fen);

/** 大写 compared without the characters printers vary on (圆/元, 整/正, 零, 人民币, ⊗). */
function wordsKey(words: string): string {
  return words
    .replace(/圆/g, '元')
    .replace(/[整正零\s⊗ⓧ×]|人民币|\(|\)|（|）/g, '')
    .replace(/^负数/, '负');
}

export function amountInWords(fen: number): string {
  return Nzh.cn.toMoney(formatFenPlain(fen), { outSymbol: false });
}

/** Every cross-check that applies to what was read; a failed one is reported, never hidden. */
export function crossChecks(x: ExtractedInvoice): InvoiceCheck[] {
  const checks: InvoiceCheck[] = [];
  const amount = x.totalAmount?.value;
  const tax = x.totalTax?.value;
  const total = x.totalWithTax?.value;
  if (x.items.length > 0 && amount !== undefined) {
    const sum = x.items.reduce((s, item) => s + item.amountFen, 0);
    checks.push({
      name: 'items_sum',
      passed: sum === amount,
      detail: `明细金额合计 ${yuan(sum)}，票面合计金额 ${yuan(amount)}`,
    });
  }
  if (x.items.length > 0 && tax !== undefined) {
    const sum = x.items.reduce((s, item) => s + item.taxFen, 0);
    checks.push({
      name: 'items_tax_sum',
      passed: sum === tax,
      detail: `明细税额合计 ${yuan(sum)}，票面合计税额 ${yuan(tax)}`,
    });
  }
  if (amount !== undefined && tax !== undefined && total !== undefined) {
    checks.push({
      name: 'amount_plus_tax',
      passed: amount + tax === total,
      detail: `合计金额 ${yuan(amount)} + 合计税额 ${yuan(tax)} = ${yuan(amount + tax)}，价税合计 ${yuan(total)}`,
    });
  }
  if (x.totalInWords && total !== undefined) {
    const expected = amountInWords(total);
    checks.push({
      name: 'amount_in_words',
      passed: wordsKey(x.totalInWords.value) === wordsKey(expected),
      detail: `大写「${x.totalInWords.value}」，小写 ${yuan(total)} 应为「${expected}」`,
    });
  }
  if (x.qr) {
    const qrAmount = x.qr.amountFen;
    // Either way round: 金额 on older invoices, 价税合计 on 数电票 and some older ones.
    const matches = qrAmount === amount || qrAmount === total;
    if (amount !== undefined || total !== undefined) {
      checks.push({
        name: 'qr_amount',
        passed: matches,
        detail: `二维码金额 ${yuan(qrAmount)}，票面金额 ${amount === undefined ? '—' : yuan(amount)}、价税合计 ${total === undefined ? '—' : yuan(total)}`,
      });
    }
    const differences: string[] = [];
    if (x.invoiceNumber && x.invoiceNumber.source !== 'qr' && x.invoiceNumber.value !== x.qr.invoiceNumber) {
      differences.push(`发票号码 ${x.invoiceNumber.value} ≠ ${x.qr.invoiceNumber}`);
    }
    if (
      x.invoiceCode &&
      x.invoiceCode.source !== 'qr' &&
      x.qr.invoiceCode &&
      x.invoiceCode.value !== x.qr.invoiceCode
    ) {
      differences.push(`发票代码 ${x.invoiceCode.value} ≠ ${x.qr.invoiceCode}`);
    }
    if (x.date && x.date.source !== 'qr' && x.date.value !== x.qr.date) {
      differences.push(`开票日期 ${x.date.value} ≠ ${x.qr.date}`);
    }
    checks.push({
      name: 'qr_fields',
      passed: differences.length === 0,
      detail:
        differences.length === 0
          ? '二维码中的号码、代码与日期与票面一致'
          : `二维码与票面不一致：${differences.join('；')}`,
    });
  }
  for (const [name, party, id] of [
    ['buyer_tax_id', '购买方', x.buyerTaxId],
    ['seller_tax_id', '销售方', x.sellerTaxId],
  ] as const) {
    if (!id) continue;
    const valid = creditCodeValid(id.value);
    if (valid === null) continue;
    checks.push({
      name,
      passed: valid,
      detail: valid
        ? `${party}统一社会信用代码校验位正确`
        : `${party}统一社会信用代码 ${id.value} 校验位不正确`,
    });
  }
  return checks;
}
