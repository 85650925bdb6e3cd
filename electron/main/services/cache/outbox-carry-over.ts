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
  /** The queued invoice file of an `invoice.recognize` row (null for a voucher). */
  file: z.instanceof(Buffer).nullable(),
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
    const hasFiles =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox_files'").get() !==
      undefined;
    const rows = db
      .prepare(
        `SELECT o.scope, o.kind, o.idempotency_key, o.payload, o.state, o.attempts, o.message, o.created_at,
                ${hasFiles ? 'f.bytes' : 'NULL'} AS file
           FROM outbox o ${hasFiles ? 'LEFT JOIN outbox_files f ON f.outbox_id = o.id' : ''}
          WHERE o.state IN ('pending', 'sending', 'failed', 'unknown') ORDER BY o.id`,
      )
      .all();
    return rows.flatMap((row) => {
      const parsed = carriedRowSchema.safeParse(row);
      if (!parsed.success) return [];
      // An upload whose file cannot be read has nothing left to send.
      if (parsed.data.kind === 'invoice.recognize' && parsed.data.file === null) return [];
      return [parsed.data];
    });
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

/**
 * Re-queues carried rows in their old order and state, a queued invoice with its file. One interrupted mid-send stays `sending`:
 * the outbox decides at start-up whether it may go again (its server honours the idempotency key)
 * or is 结果未知.
 */
export function writeOutboxCarryOver(db: CacheDatabase, rows: readonly CarriedRow[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO outbox
       (scope, kind, idempotency_key, payload, state, attempts, message, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFile = db.prepare('INSERT INTO outbox_files (outbox_id, size_bytes, bytes) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const row of rows) {
      const { changes, lastInsertRowid } = insert.run(
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
      if (changes > 0 && row.file) insertFile.run(lastInsertRowid, row.file.length, row.file);
    }
  })();
}
