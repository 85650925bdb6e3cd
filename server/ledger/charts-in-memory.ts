import { z } from 'zod';
import { accountClassSchema, normalSideSchema, type ChartAccountView } from '../../shared/api/ledger.js';
import type { ChartLookup } from '../../shared/ledger/voucher-rules.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';

const chartRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    class: accountClassSchema,
    side: normalSideSchema,
    parent: z.string().nullable(),
    is_leaf: z.union([z.literal(0), z.literal(1)]),
    tags: z.string(),
  })
  .transform((row): ChartAccountView => ({
    code: row.code,
    name: row.name,
    class: row.class,
    side: row.side,
    parent: row.parent,
    is_leaf: row.is_leaf === 1,
    tags: z.array(z.string()).parse(JSON.parse(row.tags)),
  }));

/** One account set's chart, read once and kept: every voucher posting consults it. */
export interface LedgerChart extends ChartLookup {
  /** Sorted by code, as the chart endpoint lists it. */
  readonly accounts: readonly ChartAccountView[];
  get(code: string): ChartAccountView | undefined;
}

function loadChart(db: EngineDb, accountSetId: string): LedgerChart {
  const rows = statement(db, 'SELECT * FROM accounts WHERE account_set_id = ? ORDER BY code').all(
    accountSetId,
  );
  const accounts = z.array(chartRowSchema).parse(rows);
  const byCode = new Map(accounts.map((account) => [account.code, account]));
  return {
    accounts,
    get: (code) => byCode.get(code),
    nameOf: (code) => byCode.get(code)?.name,
    isLeaf: (code) => byCode.get(code)?.is_leaf === true,
  };
}

// Keyed by database handle, then account set. Charts change only through this module's callers
// (insertDefaultChart today, chart editing later), which call forgetChart() in the same breath.
const caches = new WeakMap<EngineDb, Map<string, LedgerChart>>();

export function chartOf(db: EngineDb, accountSetId: string): LedgerChart {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let chart = cache.get(accountSetId);
  if (!chart) {
    chart = loadChart(db, accountSetId);
    cache.set(accountSetId, chart);
  }
  return chart;
}

/** Drops the cached chart of an account set after its accounts changed. */
export function forgetChart(db: EngineDb, accountSetId: string): void {
  caches.get(db)?.delete(accountSetId);
}
