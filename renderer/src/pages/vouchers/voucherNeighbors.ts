import dayjs from 'dayjs';
import type { PeriodListResponse } from '../../../../shared/api/ledger';
import { bridge, unwrap } from '../../bridge';

/** The voucher numbered `number` in a month (YYYY-MM), found through the list's search. */
export async function findVoucherByNumber(
  accountSetId: string,
  period: string,
  number: number,
): Promise<string | undefined> {
  const month = dayjs(`${period}-01`);
  const { data } = unwrap(
    await bridge.listVouchers({
      accountSetId,
      startDate: month.format('YYYY-MM-DD'),
      endDate: month.endOf('month').format('YYYY-MM-DD'),
      search: `记-${String(number)}`,
      page: 1,
      pageSize: 100,
    }),
  );
  return data.vouchers.find((v) => v.voucher_no === `记-${String(number)}`)?.voucher_id;
}

function lastNumber(no: string | null): number {
  return no ? Number(/(\d+)$/.exec(no)?.[1] ?? '0') : 0;
}

/**
 * PgUp / PgDn: the voucher before or after 记-N of a month, crossing into the neighbouring months
 * that have vouchers. `number` undefined means "after the last" (a new, unsaved voucher).
 */
export async function neighbourVoucher(
  accountSetId: string,
  periods: PeriodListResponse,
  period: string,
  number: number | undefined,
  step: -1 | 1,
): Promise<string | undefined> {
  const withVouchers = periods.periods.filter((p) => p.voucher_count > 0);
  const here = withVouchers.find((p) => p.period === period);
  const last = lastNumber(here?.last_voucher_no ?? null);
  const target = number === undefined ? (step < 0 ? last : last + 1) : number + step;
  if (target >= 1 && target <= last) return findVoucherByNumber(accountSetId, period, target);
  const candidates =
    step < 0
      ? withVouchers.filter((p) => p.period < period).reverse()
      : withVouchers.filter((p) => p.period > period);
  const next = candidates[0];
  if (!next) return undefined;
  return findVoucherByNumber(accountSetId, next.period, step < 0 ? lastNumber(next.last_voucher_no) : 1);
}
