import { ApiError } from '../../../../shared/api/errors.js';
import type { FailureKind } from './failure-kind.js';

/** How one API call is retried. All times in milliseconds. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before the n-th retry is drawn from [0, min(maxDelayMs, baseDelayMs · 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
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

/** `Retry-After` of a 429/5xx answer, in milliseconds, when the server said. */
export function retryAfterMs(error: unknown): number | undefined {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    return error.retryAfterSeconds * 1000;
  }
  return undefined;
}

/**
 * The wait before retry number `retry` (1 for the first retry). Full jitter spreads callers that
 * failed together; a server's `Retry-After` is a floor, with a little jitter on top so that the
 * callers it sent away do not all return in the same millisecond.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  kind: FailureKind,
  serverAskedMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  if (kind === 'rate_limited' && serverAskedMs !== undefined) {
    return serverAskedMs + Math.floor(random() * policy.baseDelayMs);
  }
  const backoff = Math.floor(random() * ceiling);
  return serverAskedMs === undefined ? backoff : Math.max(serverAskedMs, backoff);
}
