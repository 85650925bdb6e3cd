import type { Voucher } from '../../../../shared/api/ledger.js';
import type { VoucherPdfPrinter } from '../drafts/voucher-work-handlers.js';
import { voucherPrintHtml } from '../drafts/voucher-print-html.js';
import type { PdfPrinter, PrintDocument } from './print-document.js';

/** 记账凭证 on A5 landscape, saved as 「记账凭证-2024-03-记-0001.pdf」. */
export function voucherDocument(voucher: Voucher, accountSetName: string): PrintDocument {
  return {
    kind: 'voucher',
    title: '保存记账凭证 PDF',
    html: voucherPrintHtml(voucher, accountSetName),
    pageSize: 'A5',
    landscape: true,
    suggestedFileName: `记账凭证-${voucher.period}-${voucher.voucher_no}.pdf`.replace(/[\\/:*?"<>|\s]+/g, ''),
  };
}

/** The voucher editor's printer on top of the one PDF printer. */
export function voucherPdfPrinter(print: PdfPrinter): VoucherPdfPrinter {
  return (voucher, accountSetName) => print(voucherDocument(voucher, accountSetName));
}
