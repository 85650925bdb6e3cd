import { z } from 'zod';
import {
  chartParamsSchema,
  chartResponseSchema,
  periodListQuerySchema,
  periodListResponseSchema,
  voucherListQuerySchema,
  voucherListResponseSchema,
  voucherSchema,
  type ChartResponse,
  type PeriodListResponse,
  type Voucher,
  type VoucherListResponse,
} from '../../shared/api/index.js';
import type { Caller } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseRequestPart } from '../errors/parse-request.js';
import { accountSetForRead } from './account-set-access.js';
import { chartOf } from './charts-in-memory.js';
import {
  findVoucherOfTenant,
  pageOfVouchers,
  toVoucherView,
  VOUCHER_NOT_FOUND_MESSAGE,
  withLines,
} from './voucher-records.js';
import { voucherNo } from './voucher-writer.js';

// Every answer is parsed on the way out, so the engine cannot drift from what the client checks.

/** GET /api/v2/accounts/{account_id}/chart */
export function readChart(db: EngineDb, caller: Caller, params: unknown): ChartResponse {
  const { account_id } = parseRequestPart(chartParamsSchema, params);
  const set = accountSetForRead(db, caller, account_id);
  return chartResponseSchema.parse({ account_id: set.id, accounts: chartOf(db, set.id).accounts });
}

/** GET /api/v2/voucher/{voucher_id} */
export function readVoucher(db: EngineDb, caller: Caller, voucherId: string): Voucher {
  const record = findVoucherOfTenant(db, caller.tenantId, voucherId);
  const [voucher] = record ? withLines(db, [record]) : [];
  if (!voucher) throw new ApiHttpError(404, VOUCHER_NOT_FOUND_MESSAGE);
  return voucherSchema.parse(toVoucherView(db, voucher));
}

/** GET /api/v2/voucher/list */
export function readVoucherList(db: EngineDb, caller: Caller, query: unknown): VoucherListResponse {
  const request = parseRequestPart(voucherListQuerySchema, query);
  const set = accountSetForRead(db, caller, request.account_id);
  const filter = {
    period: request.period,
    startDate: request.start_date,
    endDate: request.end_date,
    q: request.q,
  };
  const { vouchers, total } = pageOfVouchers(db, set.id, filter, request.page, request.page_size);
  return voucherListResponseSchema.parse({
    vouchers: withLines(db, vouchers).map((voucher) => toVoucherView(db, voucher)),
    total,
    page: request.page,
    page_size: request.page_size,
  });
}

const periodRowSchema = z.object({
  period: z.string(),
  last_number: z.number().int().min(0),
  closed_at: z.string().nullable(),
  closing_voucher_id: z.string().nullable(),
  voucher_count: z.number().int().min(0),
});

/** GET /api/v2/period/list */
export function readPeriodList(db: EngineDb, caller: Caller, query: unknown): PeriodListResponse {
  const { account_id } = parseRequestPart(periodListQuerySchema, query);
  const set = accountSetForRead(db, caller, account_id);
  const rows = statement(
    db,
    `SELECT p.period, p.last_number, p.closed_at, p.closing_voucher_id,
            (SELECT count(*) FROM vouchers AS v
             WHERE v.account_set_id = p.account_set_id AND v.period = p.period) AS voucher_count
     FROM periods AS p WHERE p.account_set_id = ? ORDER BY p.period`,
  ).all(set.id);
  return periodListResponseSchema.parse({
    account_id: set.id,
    periods: z
      .array(periodRowSchema)
      .parse(rows)
      .map((row) => ({
        period: row.period,
        status: row.closed_at === null ? 'open' : 'closed',
        voucher_count: row.voucher_count,
        last_voucher_no: row.last_number > 0 ? voucherNo(row.last_number) : null,
        closed_at: row.closed_at,
        closing_voucher_id: row.closing_voucher_id,
      })),
  });
}
