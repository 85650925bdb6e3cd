import type { Migration } from '../migration.js';

/**
 * Invoice recognition: the recognised fields on `invoices` (the columns lists and duplicate checks
 * filter on, plus the whole answer as JSON), the original files kept once per SHA-256, and the
 * expense accounts learned per account set from the bookkeeper's corrections.
 */
export const invoiceRecognition: Migration = {
  id: '20261201222000_invoice_recognition',
  sql: `
    ALTER TABLE invoices ADD COLUMN page INTEGER NOT NULL DEFAULT 1 CHECK (page >= 1);
    ALTER TABLE invoices ADD COLUMN kind TEXT CHECK (kind IN ('vat', 'normal', 'receipt'));
    ALTER TABLE invoices ADD COLUMN invoice_code TEXT;
    ALTER TABLE invoices ADD COLUMN invoice_number TEXT;
    ALTER TABLE invoices ADD COLUMN issue_date TEXT;
    ALTER TABLE invoices ADD COLUMN period TEXT;
    ALTER TABLE invoices ADD COLUMN direction TEXT CHECK (direction IN ('purchase', 'sale'));
    ALTER TABLE invoices ADD COLUMN seller_tax_id TEXT;
    ALTER TABLE invoices ADD COLUMN tax_category TEXT;
    ALTER TABLE invoices ADD COLUMN suggested_account TEXT;
    ALTER TABLE invoices ADD COLUMN total_fen INTEGER;
    ALTER TABLE invoices ADD COLUMN duplicate_of TEXT REFERENCES invoices (id);
    ALTER TABLE invoices ADD COLUMN result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json));
    CREATE INDEX invoices_by_number ON invoices (account_set_id, invoice_number);
    CREATE INDEX invoices_by_period ON invoices (account_set_id, period, created_at);

    CREATE TABLE invoice_files (
      sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      media_type TEXT NOT NULL,
      size       INTEGER NOT NULL CHECK (size > 0),
      data       BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE invoice_learned_accounts (
      account_set_id  TEXT NOT NULL REFERENCES account_sets (id) ON DELETE CASCADE,
      seller_tax_id   TEXT NOT NULL,
      tax_category    TEXT NOT NULL,
      account_code    TEXT NOT NULL,
      voucher_id      TEXT,
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (account_set_id, seller_tax_id, tax_category)
    ) STRICT, WITHOUT ROWID;
  `,
};
