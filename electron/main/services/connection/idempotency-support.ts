import { z } from 'zod';
import type { CacheDatabase } from '../cache/cache-db.js';
import { LOCAL_SCOPE } from './connection-scope.js';

const rowSchema = z.object({ honours_idempotency_key: z.union([z.literal(0), z.literal(1)]) });

/**
 * What each server has told us about `Idempotency-Key`. The provider's API document does not promise
 * that the key is honoured, so a server counts as honouring it only once one of its API answers
 * carried the engine's `Idempotency-Key-Honoured: true` header; the latest API answer decides. The
 * bundled local engine always honours it. Kept in cache.db (when it opened) so that a write cut off
 * by a crash can be judged at the next start, before the server has said anything.
 */
export class IdempotencySupport {
  readonly #db: CacheDatabase | undefined;
  readonly #known = new Map<string, boolean>();

  constructor(db: CacheDatabase | undefined) {
    this.#db = db;
  }

  honours(scope: string): boolean {
    if (scope === LOCAL_SCOPE) return true;
    const known = this.#known.get(scope);
    if (known !== undefined) return known;
    const row = rowSchema.safeParse(
      this.#db?.prepare('SELECT honours_idempotency_key FROM server_traits WHERE scope = ?').get(scope),
    );
    const honours = row.success && row.data.honours_idempotency_key === 1;
    this.#known.set(scope, honours);
    return honours;
  }

  /** One API answer of `scope` said whether it honours the key (its header present or not). */
  learn(scope: string, honours: boolean): void {
    if (this.#known.get(scope) === honours) return;
    this.#known.set(scope, honours);
    this.#db
      ?.prepare(
        `INSERT INTO server_traits (scope, honours_idempotency_key, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET
           honours_idempotency_key = excluded.honours_idempotency_key, seen_at = excluded.seen_at`,
      )
      .run(scope, honours ? 1 : 0, new Date().toISOString());
  }
}
