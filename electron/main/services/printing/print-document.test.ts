import { describe, expect, test } from 'vitest';
import { voucherSchema } from '../../../../shared/api/ledger.js';
import {
  documentUrl,
  printToPdfOptions,
  printWindowSize,
  saveDialogOptions,
  type PdfPrinter,
  type PrintDocument,
} from './print-document.js';
import { voucherDocument, voucherPdfPrinter } from './voucher-document.js';

const A4: PrintDocument = {
  kind: 'statement',
  title: '保存利润表 PDF',
  html: '<!doctype html><p>利润表 #1 & 100%</p>',
  pageSize: 'A4',
  landscape: false,
  suggestedFileName: '演示科技有限公司_利润表_2026年3月.pdf',
};

describe('the one PDF printer: what the Electron adapter is given', () => {
  test('printToPDF gets the sheet, orientation, backgrounds and 10 mm margins', () => {
    expect(printToPdfOptions(A4)).toEqual({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
    });
    expect(printToPdfOptions({ ...A4, pageSize: 'A5', landscape: true })).toMatchObject({
      pageSize: 'A5',
      landscape: true,
    });
  });

  test('the hidden window is the paper size at 96 dpi, turned for landscape', () => {
    expect(printWindowSize(A4)).toEqual({ width: 794, height: 1123 });
    expect(printWindowSize({ ...A4, landscape: true })).toEqual({ width: 1123, height: 794 });
    expect(printWindowSize({ ...A4, pageSize: 'A5', landscape: true })).toEqual({ width: 794, height: 559 });
  });

  test('the save dialog proposes the document name and only PDF', () => {
    expect(saveDialogOptions(A4)).toEqual({
      title: '保存利润表 PDF',
      defaultPath: '演示科技有限公司_利润表_2026年3月.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  test('the page is loaded as a data: URL that decodes back to the exact HTML', () => {
    const url = documentUrl(A4);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[#&% ](?![0-9A-F]{2})/);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(A4.html);
  });

  test('the voucher still prints as 记账凭证 on A5 landscape through the same printer', async () => {
    const voucher = voucherSchema.parse({
      voucher_id: 'vch_1',
      voucher_no: '记-0001',
      account_id: 'acc_demo',
      date: '2026-03-15',
      period: '2026-03',
      kind: 'normal',
      status: 'posted',
      reverses_voucher_id: null,
      reversed_by_voucher_id: null,
      entries: [
        { abstract: '提现', account_code: '1001', account_name: '库存现金', debit: 500, credit: 0 },
        { abstract: '提现', account_code: '1002', account_name: '银行存款', debit: 0, credit: 500 },
      ],
      attachments: [],
      debit_total: 500,
      credit_total: 500,
      created_at: '2026-03-15T08:00:00Z',
      voided_at: null,
    });
    const seen: PrintDocument[] = [];
    const printer: PdfPrinter = (doc) => {
      seen.push(doc);
      return Promise.resolve({ status: 'saved', fileName: doc.suggestedFileName });
    };
    await expect(voucherPdfPrinter(printer)(voucher, '演示科技有限公司')).resolves.toEqual({
      status: 'saved',
      fileName: '记账凭证-2026-03-记-0001.pdf',
    });
    expect(seen[0]).toMatchObject({
      kind: 'voucher',
      pageSize: 'A5',
      landscape: true,
      title: '保存记账凭证 PDF',
    });
    expect(seen[0]?.html).toBe(voucherDocument(voucher, '演示科技有限公司').html);
    expect(seen[0]?.html).toContain('核算单位：演示科技有限公司');
  });
});
