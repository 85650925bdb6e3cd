import { z } from 'zod';
import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { forgetChart } from './charts-in-memory.js';

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

const parentRowSchema = z.object({ class: z.string(), side: z.string(), tags: z.string() });

export interface NewChartAccount {
  code: string;
  name: string;
  parent: string;
}

/**
 * Adds a sub-account (客户、供应商、银行账户 …) under an existing account; the parent stops being
 * a leaf. Refused when the parent already carries postings: its balance would be stranded on a
 * non-leaf account. The caller holds the transaction.
 */
export function addChartAccount(db: EngineDb, accountSetId: string, account: NewChartAccount): void {
  const parent = parentRowSchema
    .optional()
    .parse(
      statement(db, 'SELECT class, side, tags FROM accounts WHERE account_set_id = ? AND code = ?').get(
        accountSetId,
        account.parent,
      ),
    );
  if (!parent) throw new Error(`上级科目 ${account.parent} 不存在`);
  if (!account.code.startsWith(account.parent) || account.code.length <= account.parent.length) {
    throw new Error(`科目编码 ${account.code} 应以上级科目编码 ${account.parent} 开头`);
  }
  const used = statement(
    db,
    'SELECT 1 FROM voucher_lines WHERE account_set_id = ? AND account_code = ? LIMIT 1',
  ).get(accountSetId, account.parent);
  if (used) throw new Error(`上级科目 ${account.parent} 已有凭证，不能再增加下级科目`);
  statement(
    db,
    `INSERT INTO accounts (account_set_id, code, name, class, side, parent, is_leaf, tags)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    // Children keep their parent's report tags, so "其中" lines still see them.
  ).run(accountSetId, account.code, account.name, parent.class, parent.side, account.parent, parent.tags);
  statement(db, 'UPDATE accounts SET is_leaf = 0 WHERE account_set_id = ? AND code = ?').run(
    accountSetId,
    account.parent,
  );
  forgetChart(db, accountSetId);
}
