import type { CacheMigration } from '../cache-migrations.js';

/**
 * The voucher editor's own work: drafts (one per account set and editor, replaced on every save,
 * deleted once the voucher is posted or discarded) and templates (存为模板, per account set). Both
 * are keyed by `scope` like the data read from an engine, since account set ids belong to one engine.
 * Neither is dropped when a cloud key changes: it is the user's typing, not the engine's data.
 */
export const voucherDrafts: CacheMigration = {
  id: '20261201220000_voucher_drafts',
  sql: `
    CREATE TABLE voucher_drafts (
      scope          TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      draft_key      TEXT NOT NULL,
      payload        TEXT NOT NULL,
      saved_at       TEXT NOT NULL,
      PRIMARY KEY (scope, account_set_id, draft_key)
    ) STRICT;

    CREATE TABLE voucher_templates (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      scope          TEXT NOT NULL,
      account_set_id TEXT NOT NULL,
      name           TEXT NOT NULL,
      lines          TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      UNIQUE (scope, account_set_id, name)
    ) STRICT;
  `,
};
