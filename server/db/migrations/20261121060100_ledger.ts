import type { Migration } from '../migration.js';

/**
 * Vouchers and what they need. Amounts are integer fen. `periods.last_number` is the numbering
 * counter of 记-N: it only ever grows, so a number is never handed out twice, even when the voucher
 * that had it is voided. `account_period_totals` keeps per-(account, month) turnover in the same
 * transaction as the lines, so closing a period and the statements read O(accounts × months).
 * `invoices` is the minimal table attachments are checked against; the invoice issue extends it.
 */
export const ledger: Migration = {
  id: '20261121060100_ledger',
  sql: `
    CREATE TABLE invoices (
      id             TEXT PRIMARY KEY,
      account_set_id TEXT NOT NULL REFERENCES account_sets (id),
      file_sha256    TEXT NOT NULL CHECK (length(file_sha256) = 64),
      created_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX invoices_account_set_file ON invoices (account_set_id, file_sha256);

    CREATE TABLE periods (
      account_set_id     TEXT NOT NULL REFERENCES account_sets (id) ON DELETE CASCADE,
      period             TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      last_number        INTEGER NOT NULL CHECK (last_number >= 0),
      closed_at          TEXT,
      closing_voucher_id TEXT,
      PRIMARY KEY (account_set_id, period)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE vouchers (
      id                     TEXT PRIMARY KEY,
      account_set_id         TEXT NOT NULL REFERENCES account_sets (id),
      period                 TEXT NOT NULL,
      number                 INTEGER NOT NULL CHECK (number > 0),
      date                   TEXT NOT NULL,
      kind                   TEXT NOT NULL CHECK (kind IN ('normal', 'reversal', 'closing')),
      status                 TEXT NOT NULL CHECK (status IN ('posted', 'reversed', 'voided')),
      reverses_voucher_id    TEXT REFERENCES vouchers (id),
      reversed_by_voucher_id TEXT REFERENCES vouchers (id),
      debit_total_fen        INTEGER NOT NULL,
      credit_total_fen       INTEGER NOT NULL CHECK (credit_total_fen = debit_total_fen),
      created_at             TEXT NOT NULL,
      voided_at              TEXT,
      UNIQUE (account_set_id, period, number),
      CHECK (substr(date, 1, 7) = period)
    ) STRICT;

    CREATE TABLE voucher_lines (
      voucher_id     TEXT NOT NULL REFERENCES vouchers (id),
      line_no        INTEGER NOT NULL CHECK (line_no >= 0),
      account_set_id TEXT NOT NULL,
      abstract       TEXT NOT NULL,
      account_code   TEXT NOT NULL,
      debit_fen      INTEGER NOT NULL,
      credit_fen     INTEGER NOT NULL,
      CHECK ((debit_fen = 0) <> (credit_fen = 0)),
      PRIMARY KEY (voucher_id, line_no),
      FOREIGN KEY (account_set_id, account_code) REFERENCES accounts (account_set_id, code)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE voucher_attachments (
      voucher_id TEXT NOT NULL REFERENCES vouchers (id),
      invoice_id TEXT NOT NULL REFERENCES invoices (id),
      position   INTEGER NOT NULL,
      PRIMARY KEY (voucher_id, invoice_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX voucher_attachments_invoice ON voucher_attachments (invoice_id);

    CREATE TABLE account_period_totals (
      account_set_id     TEXT NOT NULL,
      period             TEXT NOT NULL,
      account_code       TEXT NOT NULL,
      debit_fen          INTEGER NOT NULL,
      credit_fen         INTEGER NOT NULL,
      closing_debit_fen  INTEGER NOT NULL,
      closing_credit_fen INTEGER NOT NULL,
      PRIMARY KEY (account_set_id, period, account_code),
      FOREIGN KEY (account_set_id, account_code) REFERENCES accounts (account_set_id, code)
    ) STRICT, WITHOUT ROWID;
  `,
};
