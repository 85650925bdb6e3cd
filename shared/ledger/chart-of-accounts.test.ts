import { describe, expect, test } from 'vitest';
import { DEFAULT_CHART, FIRST_LEVEL_COUNT, leafCodes } from './chart-of-accounts.js';

describe('default chart of accounts (小企业会计准则)', () => {
  test('has the 66 first-level accounts of the standard, each code once', () => {
    expect(FIRST_LEVEL_COUNT).toBe(66);
    expect(DEFAULT_CHART.filter((a) => !a.parent)).toHaveLength(66);
    const codes = DEFAULT_CHART.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('matches the API document example: 560203 办公费 is a leaf, 1002 银行存款 takes postings', () => {
    const leaves = leafCodes(DEFAULT_CHART);
    expect(DEFAULT_CHART.find((a) => a.code === '560203')).toMatchObject({ name: '办公费', parent: '5602' });
    expect(leaves.has('560203')).toBe(true);
    expect(leaves.has('1002')).toBe(true);
    expect(leaves.has('5602')).toBe(false);
    expect(leaves.has('2221')).toBe(false);
    expect(leaves.has('222101')).toBe(false);
    expect(leaves.has('22210101')).toBe(true);
  });

  test('children inherit class and side; contra accounts carry credit balances', () => {
    for (const account of DEFAULT_CHART.filter((a) => a.parent)) {
      const parent = DEFAULT_CHART.find((a) => a.code === account.parent);
      expect(parent).toBeDefined();
      expect(account.code.startsWith(account.parent ?? '')).toBe(true);
      expect(account.class).toBe(parent?.class);
      expect(account.side).toBe(parent?.side);
    }
    for (const contra of ['1407', '1602', '1622', '1702']) {
      expect(DEFAULT_CHART.find((a) => a.code === contra)?.side).toBe('credit');
    }
  });
});
