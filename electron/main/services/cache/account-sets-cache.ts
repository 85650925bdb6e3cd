import { z } from 'zod';
import { accountSetSchema, type AccountsListResponse } from '../../../../shared/api/accounts.js';
import type { CacheDatabase } from './cache-db.js';
import type { CachedCopy } from './json-column.js';

const LIST = 'account-sets';

const rowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  created_at: z.string(),
});
const fetchRowSchema = z.object({ fetched_at: z.iso.datetime() });

/** The account-set list per scope, one row per set, replaced as a whole by each live read. */
export class AccountSetsCache {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  store(scope: string, list: AccountsListResponse, fetchedAt: string): void {
    const insert = this.#db.prepare(
      `INSERT INTO account_sets (scope, id, name, status, created_at, position, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM account_sets WHERE scope = ?').run(scope);
      list.accounts.forEach((set, position) => {
        insert.run(scope, set.id, set.name, set.status, set.created_at, position, fetchedAt);
      });
      recordListFetch(this.#db, scope, LIST, fetchedAt);
    })();
  }

  load(scope: string): CachedCopy<AccountsListResponse> | undefined {
    const fetchedAt = listFetchedAt(this.#db, scope, LIST);
    if (!fetchedAt) return undefined;
    const rows = this.#db
      .prepare('SELECT id, name, status, created_at FROM account_sets WHERE scope = ? ORDER BY position')
      .all(scope);
    const accounts = z.array(rowSchema.pipe(accountSetSchema)).safeParse(rows);
    return accounts.success ? { data: { accounts: accounts.data }, fetchedAt } : undefined;
  }
}

/** A list's own fetch time: an empty list fetched live is a cached answer too. */
export function recordListFetch(db: CacheDatabase, scope: string, list: string, fetchedAt: string): void {
  db.prepare(
    `INSERT INTO list_fetches (scope, list, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (scope, list) DO UPDATE SET fetched_at = excluded.fetched_at`,
  ).run(scope, list, fetchedAt);
}

export function listFetchedAt(db: CacheDatabase, scope: string, list: string): string | undefined {
  const row = db.prepare('SELECT fetched_at FROM list_fetches WHERE scope = ? AND list = ?').get(scope, list);
  const parsed = fetchRowSchema.safeParse(row);
  return parsed.success ? parsed.data.fetched_at : undefined;
}
