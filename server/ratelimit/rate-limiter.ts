import type { KeyRateLimit } from './rate-limits.js';
import { TokenBucket, type TakeResult } from './token-bucket.js';

/** One bucket per API key record, in memory: limits are per engine process, as the engine is one. */
export class RateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  take(keyId: string, limit: KeyRateLimit): TakeResult {
    const now = this.#now();
    let bucket = this.#buckets.get(keyId);
    if (bucket) bucket.reconfigure(limit);
    else {
      bucket = new TokenBucket(limit, now);
      this.#buckets.set(keyId, bucket);
    }
    return bucket.take(now);
  }
}
