import { describe, expect, test } from 'vitest';
import { ApiError, ApiTransportError, errorEnvelope } from './errors.js';
import {
  CLIENT_RETRY_DEFAULTS,
  mayRetry,
  parseRetryAfter,
  pause,
  retryAfterMs,
  retryDelayMs,
} from './retry.js';

const api = (code: 400 | 401 | 403 | 404 | 429 | 500, retryAfter?: number): ApiError =>
  new ApiError(errorEnvelope(code, 'x'), retryAfter);
const read = { write: false, idempotencyKey: false, serverHonoursIdempotencyKey: false };
const write = { write: true, idempotencyKey: true, serverHonoursIdempotencyKey: false };
const honoured = { ...write, serverHonoursIdempotencyKey: true };

describe('may a failed call be sent again', () => {
  test('reads: 429, 5xx, no answer and a cut-off success yes; 400/401/403/404 and a cancel never', () => {
    for (const error of [
      api(429),
      api(500),
      new ApiTransportError('network', 'x'),
      new ApiTransportError('timeout', 'x'),
      new ApiTransportError('bad_response', 'x', { status: 502 }),
      new ApiTransportError('bad_response', 'x', { status: 200 }),
    ]) {
      expect(mayRetry(error, read)).toBe(true);
    }
    for (const error of [
      api(400),
      api(401),
      api(403),
      api(404),
      new ApiTransportError('aborted', 'x'),
      new ApiTransportError('bad_response', 'x', { status: 404 }),
      new Error('bug'),
    ]) {
      expect(mayRetry(error, read)).toBe(false);
    }
  });

  test('writes: only what provably was not applied, unless the server honours the key the call carries', () => {
    const notApplied = [
      api(429),
      new ApiTransportError('network', 'refused', { notSent: true }),
      new ApiTransportError('bad_response', 'x', { status: 503 }),
    ];
    const unsure = [
      api(500),
      new ApiTransportError('network', 'reset'),
      new ApiTransportError('timeout', 'x'),
      new ApiTransportError('bad_response', 'x', { status: 200 }),
      new ApiTransportError('bad_response', 'x', { status: 502 }),
    ];
    for (const error of notApplied) {
      expect(mayRetry(error, write)).toBe(true);
      expect(mayRetry(error, { ...write, idempotencyKey: false })).toBe(true);
    }
    for (const error of unsure) {
      expect(mayRetry(error, write)).toBe(false);
      expect(mayRetry(error, honoured)).toBe(true);
      // Honoured, but this call carries no key: the server could not recognise the resend.
      expect(mayRetry(error, { ...honoured, idempotencyKey: false })).toBe(false);
    }
    expect(mayRetry(api(400), honoured)).toBe(false);
  });
});

describe('waits', () => {
  const sdk = CLIENT_RETRY_DEFAULTS.backoff;

  test('the SDK backoff is 0.5 s, 1 s, 2 s … plus up to 100 ms, as in the Python, PHP and Java SDKs', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(sdk, n, 'unreachable', undefined, () => 0))).toEqual([
      500, 1000, 2000,
    ]);
    expect(retryDelayMs(sdk, 1, 'server_error', undefined, () => 0.999)).toBe(599);
    expect(CLIENT_RETRY_DEFAULTS.maxRetries).toBe(2);
    expect(CLIENT_RETRY_DEFAULTS.maxRetryWaitMs).toBe(60_000);
  });

  test('Retry-After is a floor: a 429 waits it plus a little jitter; a 5xx waits at least it', () => {
    expect(retryDelayMs(sdk, 1, 'rate_limited', 1000, () => 0.5)).toBe(1050);
    expect(retryDelayMs(sdk, 1, 'server_error', 3000, () => 0)).toBe(3000);
    expect(retryDelayMs(sdk, 3, 'server_error', 0, () => 0)).toBe(2000);
  });

  test('without jitterMs the jitter is full (the app main process policy)', () => {
    const main = { baseDelayMs: 250, maxDelayMs: 8_000 };
    expect(retryDelayMs(main, 1, 'unreachable', undefined, () => 0.5)).toBe(125);
    expect(retryDelayMs(main, 10, 'unreachable', undefined, () => 0.5)).toBe(4000);
    expect(retryDelayMs(main, 1, 'rate_limited', 2000, () => 0.5)).toBe(2125);
  });

  test('Retry-After comes from an envelope error or a bare gateway answer, in seconds or as a date', () => {
    expect(retryAfterMs(api(429, 2))).toBe(2000);
    expect(
      retryAfterMs(new ApiTransportError('bad_response', 'x', { status: 503, retryAfterSeconds: 5 })),
    ).toBe(5000);
    expect(retryAfterMs(api(500))).toBeUndefined();
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:10 GMT', Date.parse('2026-12-02T10:00:00Z'))).toBe(10);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  // A 60 s wait against the 30 s test timeout: only the cancel can end it in time.
  test('a wait ends at once when the caller cancels', async () => {
    const controller = new AbortController();
    const waiting = pause(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'ApiTransportError', kind: 'aborted' });
    await expect(pause(10, AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
  });
});
