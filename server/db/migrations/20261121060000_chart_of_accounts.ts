import { defaultChartValuesSql } from '../../ledger/chart-rows.js';
import type { Migration } from '../migration.js';

/**
 * The chart of accounts of each account set, and a backfill giving every account set created
 * before it the default chart. The backfill reads the shared DEFAULT_CHART when it runs: a database
 * records only this migration's id, so a later change to the default chart reaches new account sets
 * and never rewrites the charts of databases that already ran it.
 */
export const chartOfAccounts: Migration = {
  id: '20261121060000_chart_of_accounts',
  sql: `
    CREATE TABLE accounts (
      account_set_id TEXT NOT NULL REFERENCES account_sets (id) ON DELETE CASCADE,
      code           TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9][0-9]*'),
      name           TEXT NOT NULL,
      class          TEXT NOT NULL CHECK (class IN ('资产', '负债', '所有者权益', '成本', '损益')),
      side           TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
      parent         TEXT,
      is_leaf        INTEGER NOT NULL CHECK (is_leaf IN (0, 1)),
      tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
      PRIMARY KEY (account_set_id, code)
    ) STRICT, WITHOUT ROWID;

    WITH chart (code, name, class, side, parent, tags, is_leaf) AS (
      ${defaultChartValuesSql()}
    )
    INSERT INTO accounts (account_set_id, code, name, class, side, parent, is_leaf, tags)
    SELECT s.id, chart.code, chart.name, chart.class, chart.side, chart.parent, chart.is_leaf, chart.tags
    FROM account_sets AS s CROSS JOIN chart;
  `,
};
