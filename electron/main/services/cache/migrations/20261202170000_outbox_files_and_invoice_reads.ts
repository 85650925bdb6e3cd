import type { CacheMigration } from '../cache-migrations.js';

/**
 * `outbox_files`: the bytes of an invoice dropped while the engine could not be reached, one row per
 * `invoice.recognize` outbox item, written in the same transaction as the item (never an item
 * without its file, never a file without its item) and deleted once the item is done or discarded.
 * Kept apart from `outbox` so listing the queue never reads megabytes.
 *
 * `invoice_records` / `invoice_pages` / `invoice_file_cache`: the 票据 list and the invoices opened
 * in it, for offline reads — each record once (the list's pages name them by id, like
 * `voucher_pages`), and the original files of opened invoices within a byte budget (least recently
 * used go first).
 */
export const outboxFilesAndInvoiceReads: CacheMigration = {
  id: '20261202170000_outbox_files_and_invoice_reads',
  sql: `
    CREATE TABLE outbox_files (
      outbox_id  INTEGER PRIMARY KEY,
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      bytes      BLOB NOT NULL
    ) STRICT;

    CREATE TABLE invoice_records (
      scope          TEXT NOT NULL,
      invoice_id     TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      payload        TEXT NOT NULL,
      fetched_at     TEXT NOT NULL,
      PRIMARY KEY (scope, invoice_id)
    ) STRICT;

    CREATE TABLE invoice_pages (
      scope       TEXT NOT NULL,
      list_key    TEXT NOT NULL,
      total       INTEGER NOT NULL CHECK (total >= 0),
      page        INTEGER NOT NULL,
      page_size   INTEGER NOT NULL,
      invoice_ids TEXT NOT NULL,
      fetched_at  TEXT NOT NULL,
      PRIMARY KEY (scope, list_key)
    ) STRICT;

    CREATE TABLE invoice_file_cache (
      scope      TEXT NOT NULL,
      invoice_id TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
      bytes      BLOB NOT NULL,
      fetched_at TEXT NOT NULL,
      used_at    TEXT NOT NULL,
      PRIMARY KEY (scope, invoice_id)
    ) STRICT;
    CREATE INDEX invoice_file_cache_lru ON invoice_file_cache (used_at);
  `,
};
