import type { CacheMigration } from '../cache-migrations.js';

/**
 * The folder-watch queue. `folder_watch_items` holds one upload per (engine, account set, file
 * content): the same invoice under another name or in another folder of the same account set is
 * the same row, and its idempotency key is stored before the first send. `folder_watch_files`
 * remembers which file in a watched folder has which content (or why it cannot be uploaded), so
 * renames, moves and the start-up scan never upload twice and `已处理/` moves find every copy.
 */
export const folderWatchQueue: CacheMigration = {
  id: '20261201221500_folder_watch_queue',
  sql: `
    CREATE TABLE folder_watch_items (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      scope           TEXT NOT NULL,
      account_set_id  TEXT NOT NULL,
      content_sha256  TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      folder_id       TEXT NOT NULL,
      file_name       TEXT NOT NULL,
      file_path       TEXT NOT NULL,
      size_bytes      INTEGER NOT NULL,
      state           TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'done', 'failed')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      message         TEXT,
      invoice_id      TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (scope, account_set_id, content_sha256)
    ) STRICT;
    CREATE INDEX folder_watch_items_due ON folder_watch_items (scope, state, next_attempt_at, id);
    CREATE INDEX folder_watch_items_by_folder ON folder_watch_items (folder_id, state);

    CREATE TABLE folder_watch_files (
      path           TEXT PRIMARY KEY,
      folder_id      TEXT NOT NULL,
      content_sha256 TEXT,
      size_bytes     INTEGER NOT NULL,
      problem        TEXT,
      seen_at        TEXT NOT NULL,
      CHECK ((content_sha256 IS NULL) <> (problem IS NULL))
    ) STRICT;
    CREATE INDEX folder_watch_files_by_content ON folder_watch_files (content_sha256);
    CREATE INDEX folder_watch_files_by_folder ON folder_watch_files (folder_id);
  `,
};
