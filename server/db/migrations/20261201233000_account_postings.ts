import type { Migration } from '../migration.js';

/**
 * 明细账 reads one account's postings in date order, page by page. Voucher lines are keyed by
 * voucher, so `account_postings` keeps each counted line again with its voucher's date and number,
 * indexed by (account set, account, date, number): a page is one index range. The per-(account,
 * month) posting counts and sums in `account_period_postings` lay out the pages without reading the
 * postings. Triggers keep both in step with `voucher_lines` and with voiding, in the same
 * transaction as the write, whichever code path writes.
 */
export const accountPostings: Migration = {
  id: '20261201233000_account_postings',
  sql: `
    CREATE TABLE account_postings (
      voucher_id     TEXT NOT NULL,
      line_no        INTEGER NOT NULL,
      account_set_id TEXT NOT NULL,
      account_code   TEXT NOT NULL,
      date           TEXT NOT NULL,
      number         INTEGER NOT NULL,
      debit_fen      INTEGER NOT NULL,
      credit_fen     INTEGER NOT NULL,
      PRIMARY KEY (voucher_id, line_no)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX account_postings_by_account
      ON account_postings (account_set_id, account_code, date, number, line_no, debit_fen, credit_fen);

    CREATE TRIGGER account_postings_on_line AFTER INSERT ON voucher_lines
    BEGIN
      INSERT INTO account_postings
        (voucher_id, line_no, account_set_id, account_code, date, number, debit_fen, credit_fen)
      SELECT NEW.voucher_id, NEW.line_no, NEW.account_set_id, NEW.account_code, v.date, v.number,
             NEW.debit_fen, NEW.credit_fen
      FROM vouchers AS v WHERE v.id = NEW.voucher_id AND v.status <> 'voided';
    END;

    CREATE TRIGGER account_postings_on_void AFTER UPDATE OF status ON vouchers
    WHEN NEW.status = 'voided' AND OLD.status <> 'voided'
    BEGIN
      DELETE FROM account_postings WHERE voucher_id = NEW.id;
    END;

    CREATE TABLE account_period_postings (
      account_set_id TEXT NOT NULL,
      account_code   TEXT NOT NULL,
      period         TEXT NOT NULL,
      postings       INTEGER NOT NULL CHECK (postings >= 0),
      debit_fen      INTEGER NOT NULL,
      credit_fen     INTEGER NOT NULL,
      PRIMARY KEY (account_set_id, account_code, period)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER account_period_postings_in AFTER INSERT ON account_postings
    BEGIN
      INSERT INTO account_period_postings
        (account_set_id, account_code, period, postings, debit_fen, credit_fen)
      VALUES (NEW.account_set_id, NEW.account_code, substr(NEW.date, 1, 7), 1, NEW.debit_fen, NEW.credit_fen)
      ON CONFLICT (account_set_id, account_code, period) DO UPDATE SET
        postings = postings + 1,
        debit_fen = debit_fen + excluded.debit_fen,
        credit_fen = credit_fen + excluded.credit_fen;
    END;

    CREATE TRIGGER account_period_postings_out AFTER DELETE ON account_postings
    BEGIN
      UPDATE account_period_postings SET
        postings = postings - 1,
        debit_fen = debit_fen - OLD.debit_fen,
        credit_fen = credit_fen - OLD.credit_fen
      WHERE account_set_id = OLD.account_set_id AND account_code = OLD.account_code
        AND period = substr(OLD.date, 1, 7);
    END;

    INSERT INTO account_postings
      (voucher_id, line_no, account_set_id, account_code, date, number, debit_fen, credit_fen)
    SELECT l.voucher_id, l.line_no, l.account_set_id, l.account_code, v.date, v.number,
           l.debit_fen, l.credit_fen
    FROM voucher_lines AS l JOIN vouchers AS v ON v.id = l.voucher_id
    WHERE v.status <> 'voided';
  `,
};
