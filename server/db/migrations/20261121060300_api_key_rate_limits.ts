import type { Migration } from '../migration.js';

/** Per-key rate limits; NULL means the engine's default (see server/ratelimit/). */
export const apiKeyRateLimits: Migration = {
  id: '20261121060300_api_key_rate_limits',
  sql: `
    ALTER TABLE api_keys ADD COLUMN rate_per_second INTEGER CHECK (rate_per_second > 0);
    ALTER TABLE api_keys ADD COLUMN rate_burst INTEGER CHECK (rate_burst > 0);
  `,
};
