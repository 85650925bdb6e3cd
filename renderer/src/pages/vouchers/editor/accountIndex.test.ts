import { describe, expect, test } from 'vitest';
import { defaultChartView } from '../testing/chartFixture';
import { accountLabel, buildAccountIndex, searchAccounts } from './accountIndex';

const index = buildAccountIndex(defaultChartView());
const codes = (query: string, limit?: number) => searchAccounts(index, query, limit).map((a) => a.code);

describe('account picker search over the chart', () => {
  test('by code: exact first, a parent code lists its leaf children, never the parent itself', () => {
    expect(codes('1002')[0]).toBe('1002');
    const children = codes('5602');
    expect(children).not.toContain('5602');
    expect(children.slice(0, 3)).toEqual(['560201', '560202', '560203']);
    expect(children.every((code) => code.startsWith('5602'))).toBe(true);
    expect(codes('2221')).toEqual([
      '22210101',
      '22210102',
      '22210103',
      '22210104',
      '222102',
      '222103',
      '222104',
      '222105',
      '222106',
      '222107',
    ]);
  });

  test('by name, including the parent’s name', () => {
    expect(codes('办公费')[0]).toBe('560203');
    expect(codes('银行')).toContain('1002');
    expect(codes('管理费用')).toContain('560203');
    expect(codes('进项税额')).toEqual(['22210101']);
  });

  test('by pinyin initials: bgf → 办公费, yhck → 银行存款, kcxj → 库存现金', () => {
    expect(codes('bgf')[0]).toBe('560203');
    expect(codes('yhck')[0]).toBe('1002');
    expect(codes('KCXJ')[0]).toBe('1001');
    expect(codes('glfybgf')).toEqual(['560203']);
  });

  test('only leaf accounts; nothing for text that matches nothing; empty query lists leaves', () => {
    const leaves = new Set(index.accounts.filter((a) => a.isLeaf).map((a) => a.code));
    for (const query of ['1', '5', 'g', '费'])
      for (const code of codes(query, 500)) expect(leaves.has(code), code).toBe(true);
    expect(codes('没有这个科目')).toEqual([]);
    expect(codes('', 5)).toEqual(['1001', '1002', '1012', '1101', '1121']);
  });

  test('labels show code and full name', () => {
    expect(accountLabel(index.byCode.get('560203'), '560203')).toBe('560203 管理费用-办公费');
    expect(accountLabel(undefined, '999999')).toBe('999999');
  });
});
