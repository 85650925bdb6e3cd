import type { Statement } from 'better-sqlite3';
import type { EngineDb } from './engine-db.js';

// Preparing a statement costs about as much as running a small one; the hot paths (key lookup,
// voucher posting) would pay it on every request. One cache per database handle, so that tests
// with many in-memory databases never share statements.
const caches = new WeakMap<EngineDb, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared on first use. */
export function statement(db: EngineDb, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
