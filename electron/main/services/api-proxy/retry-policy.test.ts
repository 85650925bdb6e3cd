import { describe, expect, test } from 'vitest';
import { ApiError, ApiTransportError, errorEnvelope } from '../../../../shared/api/errors.js';
import { KeyMissingError } from '../connection/key-missing-error.js';
import { EngineStartFailedError, EngineUnavailableError } from '../engine-host/engine-host.js';
import { classifyFailure, isRetryable, isServedFromCache, keepsWriteQueued } from './failure-kind.js';
import { DEFAULT_RETRY_POLICY, retryAfterMs, retryDelayMs } from './retry-policy.js';

const api = (code: 400 | 401 | 403 | 404 | 429 | 500, retryAfter?: number) =>
  new ApiError(errorEnvelope(code, 'x'), retryAfter);

describe('failure kinds', () => {
  test('429, 5xx and network errors retry; 400/401/403/404 never', () => {
    expect(isRetryable(classifyFailure(api(429)))).toBe(true);
    expect(isRetryable(classifyFailure(api(500)))).toBe(true);
    expect(isRetryable(classifyFailure(new ApiTransportError('network', 'x')))).toBe(true);
    expect(isRetryable(classifyFailure(new ApiTransportError('timeout', 'x')))).toBe(true);
    expect(isRetryable(classifyFailure(new ApiTransportError('bad_response', 'x', { status: 502 })))).toBe(
      true,
    );
    for (const code of [400, 401, 403, 404] as const)
      expect(isRetryable(classifyFailure(api(code)))).toBe(false);
    expect(isRetryable(classifyFailure(new ApiTransportError('aborted', 'x')))).toBe(false);
    // A success whose body was cut off is retried (with the same idempotency key for writes).
    expect(isRetryable(classifyFailure(new ApiTransportError('bad_response', 'x', { status: 200 })))).toBe(
      true,
    );
    expect(isRetryable(classifyFailure(new ApiTransportError('bad_response', 'x', { status: 404 })))).toBe(
      false,
    );
    expect(isRetryable(classifyFailure(new EngineUnavailableError()))).toBe(false);
    expect(isRetryable(classifyFailure(new EngineStartFailedError('进程已退出')))).toBe(true);
    expect(isRetryable(classifyFailure(new Error('bug')))).toBe(false);
  });

  test('reads fall back to the cache for no answer or 5xx, never for an answer that is an error', () => {
    expect(isServedFromCache(classifyFailure(new ApiTransportError('network', 'x')))).toBe(true);
    expect(isServedFromCache(classifyFailure(new EngineUnavailableError()))).toBe(true);
    expect(isServedFromCache(classifyFailure(api(500)))).toBe(true);
    for (const code of [400, 401, 403, 404] as const) {
      expect(isServedFromCache(classifyFailure(api(code)))).toBe(false);
    }
    expect(isServedFromCache(classifyFailure(new KeyMissingError()))).toBe(false);
    expect(isServedFromCache(classifyFailure(new Error('SQLITE_BUSY')))).toBe(false);
  });

  test('queued writes wait on transient failures and a bad key, and fail on 400/403/404', () => {
    expect(keepsWriteQueued(classifyFailure(new ApiTransportError('network', 'x')))).toBe(true);
    expect(keepsWriteQueued(classifyFailure(api(429)))).toBe(true);
    expect(keepsWriteQueued(classifyFailure(api(401)))).toBe(true);
    // A success whose answer was cut off may have been applied: resend with the same key to learn.
    expect(
      keepsWriteQueued(classifyFailure(new ApiTransportError('bad_response', 'x', { status: 200 }))),
    ).toBe(true);
    for (const code of [400, 403, 404] as const)
      expect(keepsWriteQueued(classifyFailure(api(code)))).toBe(false);
  });
});

describe('retry delays', () => {
  const policy = DEFAULT_RETRY_POLICY;

  test('full jitter under an exponential ceiling that stops at maxDelayMs', () => {
    const network = 'unreachable' as const;
    expect(retryDelayMs(policy, 1, network, undefined, () => 0.999)).toBe(249);
    expect(retryDelayMs(policy, 2, network, undefined, () => 0.999)).toBe(499);
    expect(retryDelayMs(policy, 3, network, undefined, () => 0.5)).toBe(500);
    expect(retryDelayMs(policy, 30, network, undefined, () => 0.999)).toBe(7_992);
    expect(retryDelayMs(policy, 3, network, undefined, () => 0)).toBe(0);
  });

  test('Retry-After is a floor, with at most one base delay of jitter on top', () => {
    expect(retryAfterMs(api(429, 2))).toBe(2_000);
    expect(retryAfterMs(api(429))).toBeUndefined();
    expect(retryDelayMs(policy, 1, 'rate_limited', 2_000, () => 0)).toBe(2_000);
    expect(retryDelayMs(policy, 4, 'rate_limited', 2_000, () => 0.999)).toBe(2_249);
    // A 5xx that says when to come back gets at least that.
    expect(retryDelayMs(policy, 1, 'server_error', 3_000, () => 0.5)).toBe(3_000);
  });
});
