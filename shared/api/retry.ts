import { ApiError, ApiTransportError } from './errors.js';

/**
 * The retry rule's pure pieces, shared by the app's main process (`ApiProxy`, which adds its own
 * failures on top: engine stopped, no key) and by the ApiClient's own retries (the Node SDK).
 *
 * What a failed API call means for a retry, as far as the API's errors tell:
 */
export type ApiFailureKind =
  /** No answer at all: connection refused or reset, DNS, per-attempt timeout. */
  | 'unreachable'
  /** 5xx, or a gateway answering in place of the API. */
  | 'server_error'
  /**
   * A success status whose body could not be read (cut off mid-answer, e.g. the engine died while
   * sending it). The request may well have been applied: a retry with the same idempotency key
   * finds out without applying it twice.
   */
  | 'garbled'
  /** 429: too many requests, come back after Retry-After. */
  | 'rate_limited'
  /** 401: about the key, not the request. */
  | 'auth'
  /** 400/403/404: the request itself will never succeed as it is. */
  | 'rejected'
  /** The caller gave up. */
  | 'cancelled'
  /** A bug or anything else: never retried. */
  | 'unknown';

export function classifyApiFailure(error: unknown): ApiFailureKind {
  if (error instanceof ApiError) {
    if (error.code === 429) return 'rate_limited';
    if (error.code === 500) return 'server_error';
    if (error.code === 401) return 'auth';
    return 'rejected';
  }
  if (error instanceof ApiTransportError) {
    switch (error.kind) {
      case 'network':
      case 'timeout':
        return 'unreachable';
      case 'aborted':
        return 'cancelled';
      case 'bad_response':
        if (error.status !== undefined && error.status >= 500) return 'server_error';
        if (error.status !== undefined && error.status >= 200 && error.status < 300) return 'garbled';
        return 'unknown';
    }
  }
  return 'unknown';
}

/** Retry rule: 429, 5xx and network errors are retried; 400/401/403/404 never. */
export function isRetryableApiFailure(kind: ApiFailureKind): boolean {
  return kind === 'unreachable' || kind === 'server_error' || kind === 'rate_limited' || kind === 'garbled';
}

/**
 * Whether a write that failed so may nonetheless have been applied by the server. No when it
 * provably never got there (no connection, no address, TLS refused before sending) or when the
 * server answered that it did not apply it (400/401/403/404/429, or a 503 without an envelope —
 * refused before the request was read). Yes for a timeout, a reset or a socket closed after the
 * request went out, a 5xx after which the server may have committed, a success whose body was lost,
 * and anything unexplained.
 */
export function apiWriteMayHaveApplied(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 500;
  if (error instanceof ApiTransportError) {
    switch (error.kind) {
      case 'network':
        return !error.notSent;
      case 'timeout':
      case 'aborted':
        return true;
      case 'bad_response':
        if (error.status === undefined) return true;
        if (error.status === 503) return false;
        return (error.status >= 200 && error.status < 300) || error.status >= 500;
    }
  }
  return true;
}

/**
 * Whether a call that failed so may be sent again. A read: when the failure is retryable. A write
 * (POST): also only when the failed attempt provably was not applied (not sent, 429, a 503 without
 * an envelope) — or when the call carries an idempotency key and the server has said it honours
 * one; a blind resend toward any other server could apply the write twice.
 */
export function mayRetry(
  error: unknown,
  call: { write: boolean; idempotencyKey: boolean; serverHonoursIdempotencyKey: boolean },
): boolean {
  if (!isRetryableApiFailure(classifyApiFailure(error))) return false;
  if (!call.write || !apiWriteMayHaveApplied(error)) return true;
  return call.idempotencyKey && call.serverHonoursIdempotencyKey;
}

/** How the waits between attempts grow. All times in milliseconds. */
export interface BackoffPolicy {
  /** The n-th retry's ceiling is min(maxDelayMs, baseDelayMs · 2^(n-1)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Absent: full jitter, the wait is drawn from [0, ceiling). Given: the wait is the ceiling plus
   * up to this much (the SDKs' rule: 0.5 s, 1 s, … plus up to 100 ms).
   */
  jitterMs?: number;
}

/**
 * The wait before retry number `retry` (1 for the first retry). Jitter spreads callers that failed
 * together; a server's `Retry-After` is a floor, with a little jitter on top so that the callers it
 * sent away do not all return in the same millisecond. Only `kind === 'rate_limited'` is special.
 */
export function retryDelayMs(
  policy: BackoffPolicy,
  retry: number,
  kind: string,
  serverAskedMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  if (kind === 'rate_limited' && serverAskedMs !== undefined) {
    return serverAskedMs + Math.floor(random() * (policy.jitterMs ?? policy.baseDelayMs));
  }
  const backoff =
    policy.jitterMs === undefined
      ? Math.floor(random() * ceiling)
      : ceiling + Math.floor(random() * policy.jitterMs);
  return serverAskedMs === undefined ? backoff : Math.max(serverAskedMs, backoff);
}

/** `Retry-After` of a 429/5xx answer, in milliseconds, when the server said. */
export function retryAfterMs(error: unknown): number | undefined {
  const seconds =
    error instanceof ApiError || error instanceof ApiTransportError ? error.retryAfterSeconds : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The ApiClient's own retries when switched on (the Node SDK switches them on; the app's main
 * process leaves them off, its ApiProxy retries): the same numbers as the Python, PHP and Java
 * SDKs — 2 retries, waiting 0.5 s then 1 s plus up to 100 ms, or the server's `Retry-After`; no
 * single wait longer than 60 s.
 */
export const CLIENT_RETRY_DEFAULTS = {
  maxRetries: 2,
  maxRetryWaitMs: 60_000,
  backoff: { baseDelayMs: 500, maxDelayMs: 60_000, jitterMs: 100 } satisfies BackoffPolicy,
} as const;

/** Waits `ms`, or rejects as soon as `signal` fires (with an `aborted` transport error). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): ApiTransportError =>
      new ApiTransportError('aborted', '请求已取消', { cause: signal?.reason });
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
