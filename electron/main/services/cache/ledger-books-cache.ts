import { z } from 'zod';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn, type CachedCopy } from './json-column.js';

/**
 * The last live copy of the books behind the statements (科目余额表, each page of a 明细账). They
 * share the `reports` table: a book is a report of its own `type` (`trial-balance`,
 * `detail-ledger:<code>:<page>:<size>`), so clearing a scope forgets them with the statements.
 */
export interface LedgerBookKey {
  accountSetId: string;
  book: string;
  startDate: string;
  endDate: string;
}

const rowSchema = z.object({ payload: z.string(), fetched_at: z.iso.datetime() });

export class LedgerBooksCache {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  store(scope: string, key: LedgerBookKey, data: unknown, fetchedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO reports (scope, account_set_id, type, start_date, end_date, payload, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, account_set_id, type, start_date, end_date)
         DO UPDATE SET payload = excluded.payload, fetched_at = excluded.fetched_at`,
      )
      .run(scope, key.accountSetId, key.book, key.startDate, key.endDate, JSON.stringify(data), fetchedAt);
  }

  load<S extends z.ZodType>(
    scope: string,
    key: LedgerBookKey,
    schema: S,
  ): CachedCopy<z.output<S>> | undefined {
    const row = rowSchema.safeParse(
      this.#db
        .prepare(
          `SELECT payload, fetched_at FROM reports
            WHERE scope = ? AND account_set_id = ? AND type = ? AND start_date = ? AND end_date = ?`,
        )
        .get(scope, key.accountSetId, key.book, key.startDate, key.endDate),
    );
    if (!row.success) return undefined;
    const data = parseJsonColumn(row.data.payload, schema);
    return data === undefined ? undefined : { data, fetchedAt: row.data.fetched_at };
  }
}
