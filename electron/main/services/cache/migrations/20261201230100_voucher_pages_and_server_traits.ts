import type { CacheMigration } from '../cache-migrations.js';

/**
 * `voucher_pages`: each voucher page as the engine served it — which vouchers, in which order, and
 * the engine's total for the query — so that a page read offline is the page that was seen online,
 * not a slice of whatever happens to be cached. `list_key` is the page's query (account set,
 * filters, page, page size) as canonical JSON; `voucher_ids` a JSON array into `vouchers`.
 *
 * `server_traits`: what a server said about itself, per scope — for now whether its API answers
 * carry `Idempotency-Key-Honoured: true`. Not tenant data: it is kept when a key changes.
 */
export const voucherPagesAndServerTraits: CacheMigration = {
  id: '20261201230100_voucher_pages_and_server_traits',
  sql: `
    CREATE TABLE voucher_pages (
      scope       TEXT NOT NULL,
      list_key    TEXT NOT NULL,
      total       INTEGER NOT NULL CHECK (total >= 0),
      voucher_ids TEXT NOT NULL,
      fetched_at  TEXT NOT NULL,
      PRIMARY KEY (scope, list_key)
    ) STRICT;

    CREATE TABLE server_traits (
      scope                   TEXT PRIMARY KEY,
      honours_idempotency_key INTEGER NOT NULL CHECK (honours_idempotency_key IN (0, 1)),
      seen_at                 TEXT NOT NULL
    ) STRICT;
  `,
};
