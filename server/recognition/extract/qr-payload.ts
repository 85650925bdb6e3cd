import { parseAmountFen } from './amounts.js';
import { parseInvoiceDate } from './dates.js';
import type { QrPayload } from './invoice-fields.js';

/**
 * The tax bureau's invoice QR: `01,<type>,<代码>,<号码>,<amount>,<YYYYMMDD>,<校验码>,<hex>[,]`.
 * 数电票 leave 代码 and 校验码 empty. Parsed tolerantly (trailing comma or not, extra fields),
 * but every field that is there must have its shape: anything else is not this QR.
 */
export function parseQrPayload(raw: string): QrPayload | null {
  const fields = raw
    .trim()
    .split(/[,，]/)
    .map((f) => f.trim());
  if (fields.length < 6 || fields[0] !== '01') return null;
  const [, typeCode = '', code = '', number = '', amount = '', date = '', check = ''] = fields;
  if (!/^\d{2}$/.test(typeCode)) return null;
  if (code && !/^\d{10}(\d{2})?$/.test(code)) return null;
  if (!/^(\d{8}|\d{20})$/.test(number)) return null;
  const amountFen = parseAmountFen(amount);
  const isoDate = parseInvoiceDate(date);
  if (amountFen === undefined || !isoDate) return null;
  return {
    raw: raw.trim(),
    typeCode,
    invoiceCode: code || null,
    invoiceNumber: number,
    amountFen,
    date: isoDate,
    checkCode: /^\d{20}$/.test(check) ? check : null,
  };
}
