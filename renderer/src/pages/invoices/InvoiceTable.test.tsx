// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { invoiceListAmount, invoiceTotals } from './invoiceFields';
import { InvoiceTable } from './InvoiceTable';
import { invoiceFixture } from './testing/invoiceFixture';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());

const big = invoiceFixture({
  id: 'inv_0001',
  seller: '北京南枝方圆信息技术股份有限公司滨江分店',
  sellerTaxId: '91110000000000001X',
  net: 288079.49,
  tax: 37450.33,
  date: '2024-06-20',
});
const small = invoiceFixture({
  id: 'inv_0002',
  seller: '晨光文具',
  sellerTaxId: '91310000132200000X',
  net: 100,
  tax: 0,
  date: '2024-06-05',
});
const again = {
  ...small,
  invoice_id: 'inv_0003',
  duplicate: {
    invoice_id: 'inv_0002',
    matched_by: 'number' as const,
    created_at: '2024-06-06T00:00:00.000Z',
  },
};

describe('invoice list amounts', () => {
  test('thousands separators, 0.00 for no tax, — when unread', () => {
    expect(invoiceListAmount(325530.81)).toBe('325,530.81');
    expect(invoiceListAmount(1234567.8)).toBe('1,234,567.80');
    expect(invoiceListAmount(0)).toBe('0.00');
    expect(invoiceListAmount(-20)).toBe('-20.00');
    expect(invoiceListAmount(null)).toBe('—');
  });

  test('合计 adds up in fen and leaves duplicates out', () => {
    expect(invoiceTotals([big, small, again])).toEqual({
      count: 2,
      amount: '288,179.49',
      tax: '37,450.33',
      gross: '325,629.82',
    });
  });
});

describe('invoice table', () => {
  test('each row: formatted amounts, 凭证字号 when booked, 重复 for a duplicate, 未生成 otherwise', () => {
    const onOpen = vi.fn();
    render(
      <InvoiceTable
        rows={[big, small, again]}
        direction="purchase"
        loading={false}
        links={new Map([['inv_0001', { voucherId: 'v1', voucherNo: '记-12' }]])}
        selected={[]}
        onSelect={() => undefined}
        onOpen={onOpen}
      />,
    );
    const table = screen.getByTestId('invoice-table');
    const rows = table.querySelectorAll('tr.ant-table-row');
    expect(rows).toHaveLength(3);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByText('325,529.82')).toBeTruthy();
    expect(within(first).getByText('288,079.49')).toBeTruthy();
    expect(within(first).getByText('37,450.33')).toBeTruthy();
    expect(within(first).getByTestId('invoice-voucher-no').textContent).toBe('记-12');
    expect(within(rows[1] as HTMLElement).getByText('未生成')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('0.00')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByTestId('invoice-duplicate').textContent).toBe('重复');
    // A booked invoice cannot be selected for 批量生成凭证 again.
    const boxes = [...table.querySelectorAll<HTMLInputElement>('tr.ant-table-row input[type="checkbox"]')];
    expect(boxes.map((b) => b.disabled)).toEqual([true, false, false]);
    expect(within(screen.getByTestId('invoice-totals')).getByText('合计（2 张，不含重复）')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '销售方' })).toBeTruthy();
  });
});
