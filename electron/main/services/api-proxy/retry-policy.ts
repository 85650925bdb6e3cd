import type { BackoffPolicy } from '../../../../shared/api/retry.js';

export { retryAfterMs, retryDelayMs } from '../../../../shared/api/retry.js';

/** How one API call is retried. All times in milliseconds. */
export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** One HTTP attempt. */
  attemptTimeoutMs: number;
  /** The whole call: waiting for a slot, every attempt and every wait between them. */
  callTimeoutMs: number;
}

/**
 * Reads and writes share the numbers: 5 attempts, backoff 250 ms doubling to at most 8 s with full
 * jitter, 15 s per attempt, 60 s per call. A 429 waits at least its `Retry-After`.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  attemptTimeoutMs: 15_000,
  callTimeoutMs: 60_000,
};

/** testConnection asks once: the user wants to know now, not after a minute of retries. */
export const SINGLE_ATTEMPT_POLICY: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  maxAttempts: 1,
  callTimeoutMs: DEFAULT_RETRY_POLICY.attemptTimeoutMs,
};
