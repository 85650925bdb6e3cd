import type { CacheMigration } from '../cache-migrations.js';
import { cacheFoundation } from './20261121140000_cache_foundation.js';

/** Every migration of cache.db, oldest first; only ever appended to. */
export const cacheMigrations: readonly CacheMigration[] = [cacheFoundation];
