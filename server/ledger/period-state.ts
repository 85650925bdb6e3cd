import { z } from 'zod';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { ApiHttpError } from '../errors/api-http-error.js';

const nullablePeriod = z.string().nullable();

/**
 * The last closed period of the account set, or null. Periods close in order, so every period up
 * to this one is closed (or lies before the first period that ever had a voucher).
 */
export function latestClosedPeriod(db: EngineDb, accountSetId: string): string | null {
  const value: unknown = statement(
    db,
    'SELECT max(period) FROM periods WHERE account_set_id = ? AND closed_at IS NOT NULL',
  )
    .pluck()
    .get(accountSetId);
  return nullablePeriod.parse(value);
}

/** Writes into a closed period are refused with 403: the books of that month are locked. */
export function assertPeriodOpen(db: EngineDb, accountSetId: string, period: string): void {
  const latest = latestClosedPeriod(db, accountSetId);
  if (latest === null || period > latest) return;
  const closed = statement(
    db,
    'SELECT 1 FROM periods WHERE account_set_id = ? AND period = ? AND closed_at IS NOT NULL',
  ).get(accountSetId, period);
  throw new ApiHttpError(
    403,
    closed === undefined
      ? `权限不足：${period} 早于已结账的 ${latest}，不能再新增凭证`
      : `权限不足：${period} 期间已结账，不能新增凭证（如需修改请先反结账）`,
  );
}
