import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { forgetChart } from './chart-cache.js';

/** A row of `accounts` as written; `tags` is a JSON array. */
export interface ChartRow {
  code: string;
  name: string;
  class: string;
  side: string;
  parent: string | null;
  is_leaf: 0 | 1;
  tags: string;
}

function buildDefaultChartRows(): readonly ChartRow[] {
  const leaves = leafCodes(DEFAULT_CHART);
  return DEFAULT_CHART.map((account) => ({
    code: account.code,
    name: account.name,
    class: account.class,
    side: account.side,
    parent: account.parent ?? null,
    is_leaf: leaves.has(account.code) ? 1 : 0,
    tags: JSON.stringify(account.tags ?? []),
  }));
}

/** The shared DEFAULT_CHART as rows, leaf flags computed once. */
export const DEFAULT_CHART_ROWS: readonly ChartRow[] = buildDefaultChartRows();

/** Gives a new account set the default chart (its caller holds the transaction). */
export function insertDefaultChart(db: EngineDb, accountSetId: string): void {
  const insert = statement(
    db,
    `INSERT INTO accounts (account_set_id, code, name, class, side, parent, is_leaf, tags)
     VALUES (@account_set_id, @code, @name, @class, @side, @parent, @is_leaf, @tags)`,
  );
  for (const row of DEFAULT_CHART_ROWS) insert.run({ account_set_id: accountSetId, ...row });
  forgetChart(db, accountSetId);
}

function sqlText(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}

/** `VALUES (…), (…)` of the default chart, for the migration that backfills existing account sets. */
export function defaultChartValuesSql(): string {
  const rows = DEFAULT_CHART_ROWS.map(
    (row) =>
      `(${[row.code, row.name, row.class, row.side, row.parent, row.tags].map(sqlText).join(', ')}, ${String(row.is_leaf)})`,
  );
  return `VALUES\n${rows.join(',\n')}`;
}
