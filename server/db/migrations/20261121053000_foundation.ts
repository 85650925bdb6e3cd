import type { Migration } from '../migration.js';

export const foundation: Migration = {
  id: '20261121053000_foundation',
  sql: `
    CREATE TABLE tenants (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE api_keys (
      id         TEXT PRIMARY KEY,
      tenant_id  TEXT NOT NULL REFERENCES tenants (id),
      prefix     TEXT NOT NULL CHECK (prefix IN ('sk_live_', 'sk_test_')),
      key_hash   TEXT NOT NULL UNIQUE,
      last4      TEXT NOT NULL,
      scope      TEXT NOT NULL CHECK (scope IN ('read_write', 'read_only')),
      revoked_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

    CREATE TABLE account_sets (
      id         TEXT PRIMARY KEY,
      tenant_id  TEXT NOT NULL REFERENCES tenants (id),
      name       TEXT NOT NULL,
      status     TEXT NOT NULL CHECK (status IN ('active', 'frozen')),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX account_sets_tenant_created ON account_sets (tenant_id, created_at);
  `,
};
