import Database from 'better-sqlite3';
import { z } from 'zod';
import { outboxKindSchema } from '../../../../shared/ipc.js';
import type { CacheDatabase } from './cache-db.js';

/** Columns of an unsent outbox row that every version of the table is expected to have. */
const carriedRowSchema = z.object({
  scope: z.string(),
  kind: outboxKindSchema,
  idempotency_key: z.string(),
  payload: z.string(),
  state: z.enum(['pending', 'sending', 'failed', 'unknown']),
  attempts: z.number().int().nonnegative(),
  message: z.string().nullable(),
  created_at: z.string(),
});
type CarriedRow = z.infer<typeof carriedRowSchema>;

/**
 * The unsent writes of a cache file about to be rebuilt, when they can still be read. Best effort:
 * a file too different to read gives nothing (and stays unread rather than stopping start-up).
 */
export function readOutboxCarryOver(file: string, nativeBinding?: string): CarriedRow[] {
  let db: CacheDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db
      .prepare(
        `SELECT scope, kind, idempotency_key, payload, state, attempts, message, created_at
           FROM outbox WHERE state IN ('pending', 'sending', 'failed', 'unknown') ORDER BY id`,
      )
      .all();
    return rows.flatMap((row) => {
      const parsed = carriedRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

/**
 * Re-queues carried rows in their old order and state. One interrupted mid-send stays `sending`:
 * the outbox decides at start-up whether it may go again (its server honours the idempotency key)
 * or is 结果未知.
 */
export function writeOutboxCarryOver(db: CacheDatabase, rows: readonly CarriedRow[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO outbox
       (scope, kind, idempotency_key, payload, state, attempts, message, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const row of rows) {
      insert.run(
        row.scope,
        row.kind,
        row.idempotency_key,
        row.payload,
        row.state,
        row.attempts,
        row.message,
        row.created_at,
        now,
      );
    }
  })();
}
