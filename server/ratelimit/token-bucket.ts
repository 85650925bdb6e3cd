import type { KeyRateLimit } from './rate-limits.js';

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket: `burst` tokens at most, refilled at `perSecond`; each request takes one. Time is
 * passed in (milliseconds) so the bucket is exact under test.
 */
export class TokenBucket {
  #limit: KeyRateLimit;
  #tokens: number;
  #updatedAt: number;

  constructor(limit: KeyRateLimit, nowMs: number) {
    this.#limit = limit;
    this.#tokens = limit.burst;
    this.#updatedAt = nowMs;
  }

  /** Applies a changed limit (set from the admin CLI) without handing out a fresh burst. */
  reconfigure(limit: KeyRateLimit): void {
    if (limit.perSecond === this.#limit.perSecond && limit.burst === this.#limit.burst) return;
    this.#limit = limit;
    this.#tokens = Math.min(this.#tokens, limit.burst);
  }

  take(nowMs: number): TakeResult {
    const elapsedSeconds = Math.max(0, nowMs - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + elapsedSeconds * this.#limit.perSecond);
    this.#updatedAt = nowMs;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return { allowed: true };
    }
    // Retry-After is whole seconds (RFC 9110); round up so that a retry on time is let through.
    const waitSeconds = (1 - this.#tokens) / this.#limit.perSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }
}
