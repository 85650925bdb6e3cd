import { describe, expect, test } from 'vitest';
import type { Voucher } from '../../../../shared/api/ledger.js';
import { capitalOf, voucherPrintHtml } from './voucher-print-html.js';

const voucher: Voucher = {
  voucher_id: 'vch_1',
  voucher_no: '记-12',
  account_id: 'acc_1',
  date: '2024-03-05',
  period: '2024-03',
  kind: 'normal',
  status: 'posted',
  reverses_voucher_id: null,
  reversed_by_voucher_id: null,
  entries: [
    {
      abstract: '<script>alert(1)</script>买纸',
      account_code: '560203',
      account_name: '办公费',
      debit: 1234.5,
      credit: 0,
    },
    { abstract: '买纸', account_code: '1002', account_name: '银行存款', debit: 0, credit: 1234.5 },
  ],
  attachments: ['inv_1'],
  debit_total: 1234.5,
  credit_total: 1234.5,
  created_at: '2024-03-05T08:00:00Z',
  voided_at: null,
};

describe('the printed 记账凭证 (HTML for printToPDF)', () => {
  test('A5 landscape, header, lines, totals and 大写; user text escaped; no script allowed', () => {
    const html = voucherPrintHtml(voucher, '演示&科技');
    expect(html).toContain('size: A5 landscape');
    expect(html).toContain('记字第 12 号 · 附单据 1 张');
    expect(html).toContain('核算单位：演示&#38;科技');
    expect(html).toContain('560203 办公费');
    expect(html).toContain('1,234.50');
    expect(html).toContain('合计：壹仟贰佰叁拾肆元伍角整');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain("default-src 'none'");
  });

  test('red figures print red and negative', () => {
    const red = voucherPrintHtml(
      {
        ...voucher,
        kind: 'reversal',
        entries: voucher.entries.map((e) => ({ ...e, debit: -e.debit, credit: -e.credit })),
      },
      '',
    );
    expect(red).toContain('class="amount red">-1,234.50');
    expect(capitalOf(-123450)).toBe('负壹仟贰佰叁拾肆元伍角整');
  });
});
