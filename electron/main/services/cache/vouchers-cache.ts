import { z } from 'zod';
import { voucherSchema, type Voucher, type VoucherListResponse } from '../../../../shared/api/ledger.js';
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

const rowSchema = z.object({ voucher_id: z.string(), payload: z.string() });
const pageRowSchema = z.object({
  total: z.number().int().nonnegative(),
  voucher_ids: z.string(),
  fetched_at: z.iso.datetime(),
});
const voucherIdsSchema = z.array(z.string());

/**
 * Vouchers one row each, as the engine last showed them, and each page as the engine served it:
 * which vouchers in which order, with the engine's total for the query. A page read offline is
 * exactly a page that was read online (its vouchers as last seen, since a later read may have
 * updated one), with the total the engine gave; a page never read is not in the cache at all —
 * never an empty or shifted slice cut out of whatever happens to be cached.
 */
export class VouchersCache {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  storePage(scope: string, key: VoucherPageKey, page: VoucherListResponse, fetchedAt: string): void {
    // A search is answered live only: how the engine matches is the engine's business.
    if (key.search !== undefined) return;
    this.#db.transaction(() => {
      for (const voucher of page.vouchers) this.store(scope, voucher, fetchedAt);
      this.#db
        .prepare(
          `INSERT INTO voucher_pages (scope, list_key, total, voucher_ids, fetched_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (scope, list_key) DO UPDATE SET
             total = excluded.total, voucher_ids = excluded.voucher_ids, fetched_at = excluded.fetched_at`,
        )
        .run(
          scope,
          listKey(key),
          page.total,
          JSON.stringify(page.vouchers.map((voucher) => voucher.voucher_id)),
          fetchedAt,
        );
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
    const page = pageRowSchema.safeParse(
      this.#db
        .prepare('SELECT total, voucher_ids, fetched_at FROM voucher_pages WHERE scope = ? AND list_key = ?')
        .get(scope, listKey(key)),
    );
    if (!page.success) return undefined;
    const ids = parseJsonColumn(page.data.voucher_ids, voucherIdsSchema);
    if (!ids) return undefined;
    const byId = new Map<string, Voucher>();
    if (ids.length > 0) {
      const rows = this.#db
        .prepare(
          `SELECT voucher_id, payload FROM vouchers
            WHERE scope = ? AND voucher_id IN (SELECT value FROM json_each(?))`,
        )
        .all(scope, page.data.voucher_ids);
      for (const raw of rows) {
        const row = rowSchema.safeParse(raw);
        const voucher = row.success ? parseJsonColumn(row.data.payload, voucherSchema) : undefined;
        if (!voucher) return undefined;
        byId.set(voucher.voucher_id, voucher);
      }
    }
    const vouchers: Voucher[] = [];
    for (const id of ids) {
      const voucher = byId.get(id);
      // A page with a row missing is not the page the engine served: no cached copy rather than a gap.
      if (!voucher) return undefined;
      vouchers.push(voucher);
    }
    return {
      data: { vouchers, total: page.data.total, page: key.page, page_size: key.pageSize },
      fetchedAt: page.data.fetched_at,
    };
  }
}

/** The page's whole query in a fixed field order: one key per (filters, page, page size). */
function listKey(key: VoucherPageKey): string {
  return JSON.stringify([
    key.accountSetId,
    key.period ?? null,
    key.startDate ?? null,
    key.endDate ?? null,
    key.page,
    key.pageSize,
  ]);
}

/** 记-2 before 记-10: the number part padded, after the period. */
function sortKey(voucher: Voucher): string {
  const number = /(\d+)$/.exec(voucher.voucher_no)?.[1] ?? '0';
  return `${voucher.period}:${number.padStart(10, '0')}:${voucher.voucher_no}`;
}
