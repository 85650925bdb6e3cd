import type { PeriodListResponse, Voucher } from '../../../../shared/api/ledger';

export interface StatusLabel {
  text: string;
  color: string;
}

/** 状态 as the list and the view show it: 正常 / 已冲销 / 结转 / 红字冲销 / 已作废. */
export function voucherStatusLabel(voucher: Pick<Voucher, 'kind' | 'status'>): StatusLabel {
  if (voucher.status === 'voided') return { text: '已作废', color: 'default' };
  if (voucher.kind === 'closing') return { text: '结转', color: 'blue' };
  if (voucher.status === 'reversed') return { text: '已冲销', color: 'orange' };
  if (voucher.kind === 'reversal') return { text: '红字冲销', color: 'red' };
  return { text: '正常', color: 'green' };
}

/** Reversible from the view: posted, not a closing voucher, not itself a reversal. */
export function canReverse(voucher: Pick<Voucher, 'kind' | 'status'>): boolean {
  return voucher.status === 'posted' && voucher.kind === 'normal';
}

/**
 * Why a date cannot take a voucher, in the engine's words (periods close in order, so every month up
 * to the last closed one is closed); undefined when its month is open.
 */
export function closedPeriodMessage(
  date: string,
  periods: PeriodListResponse | undefined,
): string | undefined {
  if (!periods || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const month = date.slice(0, 7);
  const closed = periods.periods.filter((p) => p.status === 'closed').map((p) => p.period);
  const latest = closed.reduce<string | undefined>(
    (max, p) => (max === undefined || p > max ? p : max),
    undefined,
  );
  if (latest === undefined || month > latest) return undefined;
  return closed.includes(month)
    ? `权限不足：${month} 期间已结账，不能新增凭证（如需修改请先反结账）`
    : `权限不足：${month} 早于已结账的 ${latest}，不能再新增凭证`;
}

/** The number the next voucher of that month will get (assigned by the engine on save). */
export function nextVoucherNumber(date: string, periods: PeriodListResponse | undefined): number | undefined {
  if (!periods || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const info = periods.periods.find((p) => p.period === date.slice(0, 7));
  const last = info?.last_voucher_no ? Number(/(\d+)$/.exec(info.last_voucher_no)?.[1] ?? '0') : 0;
  return last + 1;
}
