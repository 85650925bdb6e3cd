import type { Migration } from '../migration.js';

/**
 * The first answer to each `Idempotency-Key` of a tenant, replayed to retries. The fingerprint is a
 * hash of method, path and raw body, so a reused key with a different request is recognised.
 */
export const idempotency: Migration = {
  id: '20261121060200_idempotency',
  sql: `
    CREATE TABLE idempotency_records (
      tenant_id       TEXT NOT NULL REFERENCES tenants (id),
      idempotency_key TEXT NOT NULL,
      fingerprint     TEXT NOT NULL,
      status_code     INTEGER NOT NULL,
      response_body   TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      PRIMARY KEY (tenant_id, idempotency_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX idempotency_records_created ON idempotency_records (created_at);
  `,
};
