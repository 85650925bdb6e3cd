import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { VoucherEntry } from '../api/voucher.js';
import { DEFAULT_CHART, leafCodes } from './chart-of-accounts.js';
import { checkVoucherEntries, voucherTotals, type ChartLookup } from './voucher-rules.js';

const leaves = leafCodes(DEFAULT_CHART);
const chart: ChartLookup = {
  nameOf: (code) => DEFAULT_CHART.find((a) => a.code === code)?.name,
  isLeaf: (code) => leaves.has(code),
};
const line = (account_code: string, debit: number, credit: number): VoucherEntry => ({
  abstract: '测试',
  account_code,
  debit,
  credit,
});

describe('voucher rules', () => {
  test("the API document's own example passes", () => {
    expect(checkVoucherEntries([line('560203', 500, 0), line('1002', 0, 500)], chart)).toEqual([]);
  });

  test('balance is checked in fen, not floats: 0.1 + 0.2 = 0.3', () => {
    const entries = [line('560203', 0.1, 0), line('560204', 0.2, 0), line('1002', 0, 0.3)];
    expect(checkVoucherEntries(entries, chart)).toEqual([]);
    expect(voucherTotals(entries)).toEqual({ debitFen: 30, creditFen: 30 });
  });

  test('each broken rule is reported with its field', () => {
    const messages = (entries: VoucherEntry[]) => checkVoucherEntries(entries, chart).map((p) => p.message);
    expect(messages([line('560203', 500, 0), line('1002', 0, 499.99)])).toEqual([
      '借贷不平衡：借方合计 500.00，贷方合计 499.99',
    ]);
    expect(messages([line('560203', 500, 500), line('1002', 0, 0)])).toContain(
      'entries[0] 借方和贷方不能同时有金额',
    );
    expect(messages([line('560203', 500, 0), line('1002', 0, 0)])).toContain(
      'entries[1] 借方或贷方必须有一方金额大于0',
    );
    expect(messages([line('560203', 500, 0), line('9999', 0, 500)])).toEqual([
      'entries[1].account_code 不存在',
    ]);
    expect(messages([line('5602', 500, 0), line('1002', 0, 500)])[0]).toContain('不是末级科目');
    expect(messages([line('560203', 500, 0), line('1002', 500, 0)])).toContain(
      'entries 至少需要一条借方分录和一条贷方分录',
    );
    expect(messages([line('560203', 500, 0)])).toContain('entries 至少需要两条分录');
    const huge = 999_999_999_999.99;
    expect(messages([line('560203', huge, 0), line('560204', huge, 0), line('1002', 0, huge)])).toEqual([
      'entries 借方合计和贷方合计都不能超过 999999999999.99',
    ]);
  });

  test('any balanced set of one-sided lines on leaf accounts is valid', () => {
    const leafList = [...leaves];
    const amount = fc.integer({ min: 1, max: 10_000_000 }).map((fen) => fen / 100);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...leafList), amount), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...leafList),
        (debits, creditAccount) => {
          const totalFen = debits.reduce((sum, [, a]) => sum + Math.round(a * 100), 0);
          const entries = [
            ...debits.map(([code, a]) => line(code, a, 0)),
            line(creditAccount, 0, totalFen / 100),
          ];
          expect(checkVoucherEntries(entries, chart)).toEqual([]);
        },
      ),
    );
  });
});
