import { z } from 'zod';
import { voucherSchema, type Voucher, type VoucherListResponse } from '../../../../shared/api/ledger.js';
import { listFetchedAt, recordListFetch } from './account-sets-cache.js';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn, type CachedCopy } from './json-column.js';

export interface VoucherPageKey {
  accountSetId: string;
  /** YYYY-MM, or every period. */
  period?: string;
  /** Voucher dates from / to (inclusive). */
  startDate?: string;
  endDate?: string;
  /** A search is answered live only: the cache does not know how the engine matches. */
  search?: string;
  page: number;
  pageSize: number;
}

const rowSchema = z.object({ payload: z.string() });
const countSchema = z.object({ total: z.number().int().nonnegative() });

/**
 * Vouchers one row each, as the engine last showed them. Vouchers are never deleted from a ledger
 * (reversal and voiding change their status), so a page read live updates its rows in place and a
 * page served from the cache is cut from the rows in the engine's order: period, then number.
 */
export class VouchersCache {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  storePage(scope: string, key: VoucherPageKey, page: VoucherListResponse, fetchedAt: string): void {
    this.#db.transaction(() => {
      for (const voucher of page.vouchers) this.store(scope, voucher, fetchedAt);
      recordListFetch(this.#db, scope, listName(key), fetchedAt);
    })();
  }

  store(scope: string, voucher: Voucher, fetchedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO vouchers (scope, voucher_id, account_set_id, period, sort_key, payload, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, voucher_id) DO UPDATE SET
           account_set_id = excluded.account_set_id, period = excluded.period,
           sort_key = excluded.sort_key, payload = excluded.payload, fetched_at = excluded.fetched_at`,
      )
      .run(
        scope,
        voucher.voucher_id,
        voucher.account_id,
        voucher.period,
        sortKey(voucher),
        JSON.stringify(voucher),
        fetchedAt,
      );
  }

  loadPage(scope: string, key: VoucherPageKey): CachedCopy<VoucherListResponse> | undefined {
    if (key.search !== undefined) return undefined;
    const fetchedAt = listFetchedAt(this.#db, scope, listName(key));
    if (!fetchedAt) return undefined;
    let where = key.period === undefined ? '' : 'AND period = ?';
    const params: unknown[] = [scope, key.accountSetId, ...(key.period === undefined ? [] : [key.period])];
    if (key.startDate !== undefined) {
      where += " AND json_extract(payload, '$.date') >= ?";
      params.push(key.startDate);
    }
    if (key.endDate !== undefined) {
      where += " AND json_extract(payload, '$.date') <= ?";
      params.push(key.endDate);
    }
    const total = countSchema.safeParse(
      this.#db
        .prepare(`SELECT count(*) AS total FROM vouchers WHERE scope = ? AND account_set_id = ? ${where}`)
        .get(...params),
    );
    const rows = this.#db
      .prepare(
        `SELECT payload FROM vouchers WHERE scope = ? AND account_set_id = ? ${where}
          ORDER BY period, sort_key LIMIT ? OFFSET ?`,
      )
      .all(...params, key.pageSize, (key.page - 1) * key.pageSize);
    const vouchers: Voucher[] = [];
    for (const raw of rows) {
      const row = rowSchema.safeParse(raw);
      const voucher = row.success ? parseJsonColumn(row.data.payload, voucherSchema) : undefined;
      if (!voucher) return undefined;
      vouchers.push(voucher);
    }
    if (!total.success) return undefined;
    return {
      data: { vouchers, total: total.data.total, page: key.page, page_size: key.pageSize },
      fetchedAt,
    };
  }
}

function listName(key: VoucherPageKey): string {
  const range =
    key.startDate === undefined && key.endDate === undefined
      ? ''
      : `:${key.startDate ?? ''}~${key.endDate ?? ''}`;
  return `vouchers:${key.accountSetId}:${key.period ?? '*'}${range}:${String(key.page)}:${String(key.pageSize)}`;
}

/** 记-2 before 记-10: the number part padded, after the period. */
function sortKey(voucher: Voucher): string {
  const number = /(\d+)$/.exec(voucher.voucher_no)?.[1] ?? '0';
  return `${voucher.period}:${number.padStart(10, '0')}:${voucher.voucher_no}`;
}
