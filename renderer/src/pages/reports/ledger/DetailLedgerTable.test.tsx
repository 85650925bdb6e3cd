// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DetailLedgerRow } from '../../../../../shared/api/detail-ledger';
import { DetailLedgerTable } from './DetailLedgerTable';
import { pagesFor } from './DetailLedgerView';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // happy-dom lays nothing out: give the scroll area the size its style asks for, as a browser would.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number.parseInt(this.style.height, 10) || 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 960 });
});
afterEach(() => cleanup());

const summary = (
  kind: DetailLedgerRow['kind'],
  abstract: string,
  debit: number,
  credit: number,
  direction: DetailLedgerRow['direction'],
  balance: number,
): DetailLedgerRow => ({
  kind,
  date: '2024-03-31',
  voucher_id: null,
  voucher_no: null,
  account_code: null,
  abstract,
  debit,
  credit,
  direction,
  balance,
});
const posting = (
  no: number,
  abstract: string,
  debit: number,
  credit: number,
  direction: DetailLedgerRow['direction'],
  balance: number,
): DetailLedgerRow => ({
  kind: 'posting',
  date: `2024-03-${String(no).padStart(2, '0')}`,
  voucher_id: `vch_${String(no)}`,
  voucher_no: `记-${String(no)}`,
  account_code: '1002',
  abstract,
  debit,
  credit,
  direction,
  balance,
});

/** A bank account that starts at 300, pays 500 (overdrawn: 贷 200), then receives 1,000. */
const ROWS: DetailLedgerRow[] = [
  { ...summary('opening', '期初余额', 0, 0, '借', 300), date: '2024-03-01' },
  posting(1, '支付货款', 0, 500, '贷', 200),
  posting(2, '收到货款', 1_000, 0, '借', 800),
  summary('month_total', '本月合计', 1_000, 500, '借', 800),
  summary('year_total', '本年累计', 4_000, 3_200, '借', 800),
  summary('closing', '期末余额', 0, 0, '借', 800),
];

describe('明细账 table', () => {
  test('shows each row with direction and running balance, summary lines with their totals', () => {
    render(<DetailLedgerTable totalRows={ROWS.length} rowAt={(i) => ROWS[i]} />);
    const rendered = [...document.querySelectorAll('[role="row"][data-index]')];
    expect(rendered.map((r) => r.getAttribute('data-kind'))).toEqual([
      'opening',
      'posting',
      'posting',
      'month_total',
      'year_total',
      'closing',
    ]);
    const balances = screen.getAllByTestId('ledger-balance').map((c) => c.textContent);
    expect(balances).toEqual(['300.00', '200.00', '800.00', '800.00', '800.00', '800.00']);
    const texts = rendered.map((r) => r.textContent);
    expect(texts[1]).toBe('2024-03-01记-1支付货款500.00贷200.00');
    expect(texts[3]).toContain('本月合计1,000.00500.00借800.00');
    expect(texts[4]).toContain('本年累计4,000.003,200.00借');
  });

  test('only the rows on screen are rendered for a long ledger; unloaded rows say so; 凭证字号 opens the voucher', async () => {
    const onVoucherClick = vi.fn();
    render(
      <DetailLedgerTable
        totalRows={100_000}
        height={300}
        rowAt={(i) => (i < 3 ? ROWS[i] : undefined)}
        onVoucherClick={onVoucherClick}
      />,
    );
    const rendered = document.querySelectorAll('[role="row"][data-index]');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getAllByText('加载中…').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: '记-1' }));
    expect(onVoucherClick).toHaveBeenCalledWith(expect.objectContaining({ voucher_id: 'vch_1' }));
  });

  test('the pages a window of rows needs', () => {
    expect(pagesFor(0, 40)).toEqual([1]);
    expect(pagesFor(190, 230)).toEqual([1, 2]);
    expect(pagesFor(99_990, 100_020)).toEqual([500, 501]);
  });
});
