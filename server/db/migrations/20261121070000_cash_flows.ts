import { backfillCashFlows } from '../../reports/cash-flow-postings.js';
import type { Migration } from '../migration.js';

/**
 * Cash-flow figures kept with every posting, like `account_period_totals`: each voucher's cash
 * movement classified into 现金流量表 lines (`voucher_cash_flows`, for partial months) and summed
 * per month (`cash_flow_period_totals`), so the statement never re-reads voucher lines.
 */
export const cashFlows: Migration = {
  id: '20261121070000_cash_flows',
  sql: `
    CREATE TABLE voucher_cash_flows (
      voucher_id     TEXT NOT NULL REFERENCES vouchers (id),
      line_no        INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 22),
      account_set_id TEXT NOT NULL,
      date           TEXT NOT NULL,
      amount_fen     INTEGER NOT NULL,
      PRIMARY KEY (voucher_id, line_no)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX voucher_cash_flows_by_date ON voucher_cash_flows (account_set_id, date);

    CREATE TABLE cash_flow_period_totals (
      account_set_id TEXT NOT NULL,
      period         TEXT NOT NULL,
      line_no        INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 22),
      amount_fen     INTEGER NOT NULL,
      PRIMARY KEY (account_set_id, period, line_no)
    ) STRICT, WITHOUT ROWID;

    CREATE INDEX vouchers_by_date ON vouchers (account_set_id, date);
  `,
  run: backfillCashFlows,
};
