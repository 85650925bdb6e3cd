import type { CacheMigration } from '../cache-migrations.js';

/**
 * Everything is keyed by `scope` — which engine the data came from ('local' or the cloud base URL) —
 * so switching connections never shows one engine's data as another's. JSON columns hold API
 * payloads exactly as the shared schemas describe them, and are parsed with those schemas on read.
 */
export const cacheFoundation: CacheMigration = {
  id: '20261121140000_cache_foundation',
  sql: `
    CREATE TABLE list_fetches (
      scope      TEXT NOT NULL,
      list       TEXT NOT NULL,
      fetched_at TEXT NOT NULL,
      PRIMARY KEY (scope, list)
    ) STRICT;

    CREATE TABLE account_sets (
      scope      TEXT NOT NULL,
      id         TEXT NOT NULL,
      name       TEXT NOT NULL,
      status     TEXT NOT NULL,
      created_at TEXT NOT NULL,
      position   INTEGER NOT NULL,
      fetched_at TEXT NOT NULL,
      PRIMARY KEY (scope, id)
    ) STRICT;

    CREATE TABLE chart_accounts (
      scope          TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      code           TEXT NOT NULL,
      position       INTEGER NOT NULL,
      payload        TEXT NOT NULL,
      fetched_at     TEXT NOT NULL,
      PRIMARY KEY (scope, account_set_id, code)
    ) STRICT;

    CREATE TABLE vouchers (
      scope          TEXT NOT NULL,
      voucher_id     TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      period         TEXT NOT NULL,
      sort_key       TEXT NOT NULL,
      payload        TEXT NOT NULL,
      fetched_at     TEXT NOT NULL,
      PRIMARY KEY (scope, voucher_id)
    ) STRICT;
    CREATE INDEX vouchers_in_order ON vouchers (scope, account_set_id, period, sort_key);

    CREATE TABLE invoices (
      scope          TEXT NOT NULL,
      invoice_id     TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      file_sha256    TEXT NOT NULL,
      file_name      TEXT NOT NULL,
      stored_file    TEXT NOT NULL,
      result         TEXT NOT NULL,
      fetched_at     TEXT NOT NULL,
      PRIMARY KEY (scope, invoice_id)
    ) STRICT;
    CREATE INDEX invoices_by_hash ON invoices (scope, account_set_id, file_sha256);

    CREATE TABLE reports (
      scope          TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      type           TEXT NOT NULL,
      start_date     TEXT NOT NULL,
      end_date       TEXT NOT NULL,
      payload        TEXT NOT NULL,
      fetched_at     TEXT NOT NULL,
      PRIMARY KEY (scope, account_set_id, type, start_date, end_date)
    ) STRICT;

    CREATE TABLE outbox (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      scope           TEXT NOT NULL,
      kind            TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      payload         TEXT NOT NULL,
      state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      message         TEXT,
      result          TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_by_scope_state ON outbox (scope, state, id);
  `,
};
