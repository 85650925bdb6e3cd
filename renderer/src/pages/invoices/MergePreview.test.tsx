// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MergePreview, type MergePreviewProps } from './BatchVoucherModal';
import { planVouchers, plannedEntries, plannedTotals, type MergeRule } from './mergePlan';
import { invoiceFixture } from './testing/invoiceFixture';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());

const invoices = [
  invoiceFixture({
    id: 'inv_0001',
    seller: '晨光文具',
    sellerTaxId: '91310000132200000X',
    net: 100,
    tax: 13,
    date: '2024-03-05',
  }),
  invoiceFixture({
    id: 'inv_0002',
    seller: '晨光文具',
    sellerTaxId: '91310000132200000X',
    net: 50.5,
    tax: 6.57,
    date: '2024-03-20',
  }),
  invoiceFixture({
    id: 'inv_0003',
    seller: '顺丰速运',
    sellerTaxId: '91440300000000000X',
    net: 20,
    tax: 1.2,
    date: '2024-03-08',
  }),
];

describe('merge plan', () => {
  test('one voucher per invoice keeps each invoice’s own entries', () => {
    const plan = planVouchers(invoices, 'per-invoice');
    expect(plan.map((v) => v.invoiceIds)).toEqual([['inv_0001'], ['inv_0002'], ['inv_0003']]);
    expect(plan.map((v) => plannedTotals(v).debit)).toEqual(['113.00', '57.07', '21.20']);
    expect(plan[0]?.date).toBe('2024-03-05');
  });

  test('one voucher per seller adds up same account and side, dated at the latest invoice', () => {
    const plan = planVouchers(invoices, 'per-seller');
    expect(plan).toHaveLength(2);
    const chenguang = plan.find((v) => v.invoiceIds.length === 2);
    expect(chenguang?.date).toBe('2024-03-20');
    expect(chenguang?.abstract).toBe('晨光文具 等2张票据');
    expect(chenguang && plannedEntries(chenguang)).toEqual([
      { abstract: '晨光文具 等2张票据', account_code: '560203', debit: 150.5, credit: 0 },
      { abstract: '晨光文具 等2张票据', account_code: '22210101', debit: 19.57, credit: 0 },
      { abstract: '晨光文具 等2张票据', account_code: '2202', debit: 0, credit: 170.07 },
    ]);
    expect(chenguang && plannedTotals(chenguang)).toEqual({
      debit: '170.07',
      credit: '170.07',
      balanced: true,
    });
  });
});

function Harness() {
  const [rule, setRule] = useState<MergeRule>('per-invoice');
  const [edits, setEdits] = useState<MergePreviewProps['edits']>({});
  return (
    <MergePreview
      invoices={invoices}
      rule={rule}
      onRule={setRule}
      edits={edits}
      onEdit={(key, edit) => setEdits((all) => ({ ...all, [key]: { ...all[key], ...edit } }))}
      outcomes={{ inv_0001: { status: 'created', voucherNo: '记-7' } }}
    />
  );
}

describe('merge preview', () => {
  test('switching the rule regroups the vouchers; 摘要 and date are editable; results show 凭证字号', () => {
    render(<Harness />);
    expect(screen.getByTestId('merge-summary').textContent).toBe('3 张票据 → 3 张凭证');
    expect(screen.getByText('记-7')).toBeTruthy();
    fireEvent.click(screen.getByText('同一销售方合并为一张凭证'));
    expect(screen.getByTestId('merge-summary').textContent).toBe('3 张票据 → 2 张凭证');
    const abstracts = screen.getAllByLabelText<HTMLInputElement>('凭证摘要');
    expect(abstracts.map((i) => i.value)).toContain('晨光文具 等2张票据');
    const first = abstracts.find((i) => i.value === '晨光文具 等2张票据');
    if (!first) throw new Error('no merged row');
    fireEvent.change(first, { target: { value: '3月办公用品' } });
    expect(screen.getAllByLabelText<HTMLInputElement>('凭证摘要').map((i) => i.value)).toContain(
      '3月办公用品',
    );
    const table = screen.getByTestId('merge-preview');
    expect(within(table).getByText('170.07')).toBeTruthy();
    expect(within(table).getByText('借 560203 150.50')).toBeTruthy();
  });
});
