import { z } from 'zod';
import { chartAccountSchema, type ChartResponse } from '../../../../shared/api/ledger.js';
import { listFetchedAt, recordListFetch } from './account-sets-cache.js';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn, type CachedCopy } from './json-column.js';

const rowSchema = z.object({ payload: z.string() });

/** Each account set's chart of accounts, one row per account, replaced as a whole by a live read. */
export class ChartAccountsCache {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  store(scope: string, chart: ChartResponse, fetchedAt: string): void {
    const insert = this.#db.prepare(
      `INSERT INTO chart_accounts (scope, account_set_id, code, position, payload, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      this.#db
        .prepare('DELETE FROM chart_accounts WHERE scope = ? AND account_set_id = ?')
        .run(scope, chart.account_id);
      chart.accounts.forEach((account, position) => {
        insert.run(scope, chart.account_id, account.code, position, JSON.stringify(account), fetchedAt);
      });
      recordListFetch(this.#db, scope, listName(chart.account_id), fetchedAt);
    })();
  }

  load(scope: string, accountSetId: string): CachedCopy<ChartResponse> | undefined {
    const fetchedAt = listFetchedAt(this.#db, scope, listName(accountSetId));
    if (!fetchedAt) return undefined;
    const rows = this.#db
      .prepare('SELECT payload FROM chart_accounts WHERE scope = ? AND account_set_id = ? ORDER BY position')
      .all(scope, accountSetId);
    const accounts = [];
    for (const raw of rows) {
      const row = rowSchema.safeParse(raw);
      const account = row.success ? parseJsonColumn(row.data.payload, chartAccountSchema) : undefined;
      if (!account) return undefined;
      accounts.push(account);
    }
    return { data: { account_id: accountSetId, accounts }, fetchedAt };
  }
}

function listName(accountSetId: string): string {
  return `chart:${accountSetId}`;
}
