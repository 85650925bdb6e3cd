// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Statement, StatementLine } from '../../../../../shared/api/statements';
import { StatementTable } from './StatementTable';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());

const item = (
  line_no: number,
  text: string,
  cur: number,
  ytd: number,
  kind: StatementLine['kind'] = 'item',
): StatementLine => ({
  line_no,
  item: text,
  kind,
  values: { current_period: cur, year_to_date: ytd },
});

const profit: Statement = {
  title: '利润表',
  form_no: '会小企02表',
  account_set_id: 'acc_1',
  account_set_name: '甲科技有限公司',
  unit: '元',
  columns: [
    { key: 'current_period', label: '本期金额' },
    { key: 'year_to_date', label: '本年累计金额' },
  ],
  lines: [
    item(1, '一、营业收入', 10_000, 25_000),
    item(14, '管理费用', 10_500, 12_000),
    item(15, '其中：开办费', 0, 0),
    item(16, '业务招待费', 1_234.5, 1_234.5),
    item(21, '二、营业利润（亏损以"-"号填列）', -500, 13_000, 'total'),
  ],
};

const balance: Statement = {
  title: '资产负债表',
  form_no: '会小企01表',
  account_set_id: 'acc_1',
  account_set_name: '甲科技有限公司',
  unit: '元',
  columns: [
    { key: 'ending_balance', label: '期末余额' },
    { key: 'beginning_balance', label: '年初余额' },
  ],
  lines: [
    { line_no: null, item: '流动资产：', kind: 'heading', section: '资产', values: {} },
    {
      line_no: 1,
      item: '货币资金',
      kind: 'item',
      section: '资产',
      values: { ending_balance: 99_500, beginning_balance: 0 },
    },
    {
      line_no: 30,
      item: '资产总计',
      kind: 'total',
      section: '资产',
      values: { ending_balance: 99_500, beginning_balance: 0 },
    },
    { line_no: null, item: '流动负债：', kind: 'heading', section: '负债和所有者权益', values: {} },
    {
      line_no: 36,
      item: '应交税费',
      kind: 'item',
      section: '负债和所有者权益',
      values: { ending_balance: -300, beginning_balance: 0 },
    },
  ],
};

const march = { startDate: '2024-03-01', endDate: '2024-03-31', label: '2024年3月', singleMonth: true };

describe('StatementTable', () => {
  test('prints the header block and the form columns in order: 本年累计金额, then 本月金额', () => {
    render(<StatementTable statement={profit} period={march} />);
    expect(screen.getByRole('heading', { name: '利润表' })).toBeTruthy();
    expect(screen.getByText('会小企02表')).toBeTruthy();
    expect(screen.getByTestId('statement-field-编制单位').textContent).toBe('编制单位：甲科技有限公司');
    expect(screen.getByTestId('statement-field-所属期').textContent).toBe('所属期：2024年3月');
    expect(screen.getByTestId('statement-field-单位').textContent).toBe('单位：元');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['项目', '行次', '本年累计金额', '本月金额']);
  });

  test('indents 其中 lines and their continuation, bolds totals, shows negatives in red with a minus, zero blank', () => {
    const { container } = render(<StatementTable statement={profit} period={march} />);
    const row = (no: number) => container.querySelector(`tr[data-line="${String(no)}"]`) as HTMLElement;
    expect(row(15).querySelector('td.zxe-item')?.className).toContain('zxe-indent-2');
    expect(row(16).querySelector('td.zxe-item')?.className).toContain('zxe-indent-2');
    expect(row(14).querySelector('td.zxe-item')?.className).toContain('zxe-indent-0');
    const total = within(row(21)).getAllByRole('cell');
    expect(total[0]?.className).toContain('zxe-cell-total');
    expect(total[3]?.textContent).toBe('-500.00');
    expect(total[3]?.className).toContain('zxe-negative');
    expect(total[2]?.textContent).toBe('13,000.00');
    expect(within(row(16)).getAllByRole('cell')[3]?.textContent).toBe('1,234.50');
    expect(within(row(15)).getAllByRole('cell')[3]?.textContent).toBe('');
  });

  test('the balance sheet prints two sides, 日期 as a date, and drills from a line', async () => {
    const onLineClick = vi.fn();
    const { container } = render(
      <StatementTable
        statement={balance}
        period={march}
        onLineClick={onLineClick}
        canDrill={(l) => l.line_no === 1}
      />,
    );
    expect(screen.getByTestId('statement-field-日期').textContent).toBe('日期：2024年3月31日');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '资产',
      '行次',
      '期末余额',
      '年初余额',
      '负债和所有者权益',
      '行次',
      '期末余额',
      '年初余额',
    ]);
    const first = container.querySelector('tr[data-line-left="1"]') as HTMLElement;
    expect(first.getAttribute('data-line-right')).toBe('36');
    const cells = within(first)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['货币资金', '1', '99,500.00', '', '应交税费', '36', '-300.00', '']);
    expect(screen.queryByRole('button', { name: '资产总计' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '货币资金' }));
    expect(onLineClick).toHaveBeenCalledWith(expect.objectContaining({ line_no: 1 }));
  });
});
