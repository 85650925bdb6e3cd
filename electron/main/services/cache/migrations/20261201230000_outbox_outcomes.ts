import type { CacheMigration } from '../cache-migrations.js';

/**
 * The outbox learns two things. `unknown` (结果未知): a write that may have been applied by a server
 * that never said it honours `Idempotency-Key`; it is not resent until the user decides. And a cap:
 * `failed_tries` counts tries the server answered with a fault, `next_attempt_at` is when the item
 * may be tried again (backoff), so one bad item waits its turn instead of holding up the queue.
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows and ids.
 */
export const outboxOutcomes: CacheMigration = {
  id: '20261201230000_outbox_outcomes',
  sql: `
    CREATE TABLE outbox_next (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      scope           TEXT NOT NULL,
      kind            TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      payload         TEXT NOT NULL,
      state           TEXT NOT NULL
                      CHECK (state IN ('pending', 'sending', 'done', 'failed', 'unknown')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      failed_tries    INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      message         TEXT,
      result          TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    INSERT INTO outbox_next
      (id, scope, kind, idempotency_key, payload, state, attempts, message, result, created_at, updated_at)
      SELECT id, scope, kind, idempotency_key, payload, state, attempts, message, result, created_at, updated_at
        FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE INDEX outbox_by_scope_state ON outbox (scope, state, id);
  `,
};
