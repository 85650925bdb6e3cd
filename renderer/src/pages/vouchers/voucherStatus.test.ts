import { describe, expect, test } from 'vitest';
import type { PeriodListResponse } from '../../../../shared/api/ledger';
import { canReverse, closedPeriodMessage, nextVoucherNumber, voucherStatusLabel } from './voucherStatus';
import { reversalPreview } from './reversalPreview';

const periods: PeriodListResponse = {
  account_id: 'acc_1',
  periods: [
    {
      period: '2024-01',
      status: 'closed',
      voucher_count: 3,
      last_voucher_no: '记-3',
      closed_at: '2024-02-01T00:00:00Z',
      closing_voucher_id: 'vch_c',
    },
    {
      period: '2024-03',
      status: 'closed',
      voucher_count: 9,
      last_voucher_no: '记-9',
      closed_at: '2024-04-01T00:00:00Z',
      closing_voucher_id: null,
    },
    {
      period: '2024-04',
      status: 'open',
      voucher_count: 12,
      last_voucher_no: '记-12',
      closed_at: null,
      closing_voucher_id: null,
    },
  ],
};

describe('voucher status, periods and numbers', () => {
  test('a date in or before the last closed month is refused at once, in the engine’s words', () => {
    expect(closedPeriodMessage('2024-03-31', periods)).toBe(
      '权限不足：2024-03 期间已结账，不能新增凭证（如需修改请先反结账）',
    );
    expect(closedPeriodMessage('2024-02-10', periods)).toBe(
      '权限不足：2024-02 早于已结账的 2024-03，不能再新增凭证',
    );
    expect(closedPeriodMessage('2024-04-01', periods)).toBeUndefined();
    expect(closedPeriodMessage('', periods)).toBeUndefined();
    expect(closedPeriodMessage('2024-03-31', undefined)).toBeUndefined();
  });

  test('the number shown before saving is the month’s last plus one', () => {
    expect(nextVoucherNumber('2024-04-20', periods)).toBe(13);
    expect(nextVoucherNumber('2024-05-01', periods)).toBe(1);
    expect(nextVoucherNumber('', periods)).toBeUndefined();
  });

  test('状态 labels and what may be reversed', () => {
    expect(voucherStatusLabel({ kind: 'normal', status: 'posted' }).text).toBe('正常');
    expect(voucherStatusLabel({ kind: 'normal', status: 'reversed' }).text).toBe('已冲销');
    expect(voucherStatusLabel({ kind: 'closing', status: 'posted' }).text).toBe('结转');
    expect(voucherStatusLabel({ kind: 'reversal', status: 'posted' }).text).toBe('红字冲销');
    expect(voucherStatusLabel({ kind: 'closing', status: 'voided' }).text).toBe('已作废');
    expect(canReverse({ kind: 'normal', status: 'posted' })).toBe(true);
    expect(canReverse({ kind: 'normal', status: 'reversed' })).toBe(false);
    expect(canReverse({ kind: 'closing', status: 'posted' })).toBe(false);
    expect(canReverse({ kind: 'reversal', status: 'posted' })).toBe(false);
  });

  test('the 红字冲销 preview: same accounts and sides, negative amounts, prefixed 摘要', () => {
    const lines = reversalPreview({
      voucher_id: 'vch_1',
      voucher_no: '记-5',
      account_id: 'acc_1',
      date: '2024-03-05',
      period: '2024-03',
      kind: 'normal',
      status: 'posted',
      reverses_voucher_id: null,
      reversed_by_voucher_id: null,
      entries: [
        { abstract: '买纸', account_code: '560203', account_name: '办公费', debit: 80, credit: 0 },
        { abstract: '买纸', account_code: '1001', account_name: '库存现金', debit: 0, credit: 80 },
      ],
      attachments: [],
      debit_total: 80,
      credit_total: 80,
      created_at: '2024-03-05T00:00:00Z',
      voided_at: null,
    });
    expect(lines).toEqual([
      {
        abstract: '冲销2024-03记-5：买纸',
        account_code: '560203',
        account_name: '办公费',
        debit: -80,
        credit: 0,
      },
      {
        abstract: '冲销2024-03记-5：买纸',
        account_code: '1001',
        account_name: '库存现金',
        debit: 0,
        credit: -80,
      },
    ]);
  });
});
