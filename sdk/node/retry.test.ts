import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiClient as AppApiClient } from '../../shared/api/client.js';
import {
  ApiClient,
  ApiError,
  ApiTransportError,
  DEFAULT_CLOUD_BASE_URL,
  type ApiClientOptions,
} from './src/index.js';

/**
 * The Node SDK's retry rule over real sockets on 127.0.0.1, against tiny servers that answer what
 * the engine would not: 500s, resets, a server without `Idempotency-Key-Honoured`.
 */
const KEY = 'sk_test_RetryRule0123456789';
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

interface Seen {
  method: string;
  path: string;
  key: string | undefined;
}

type Answer = (request: http.IncomingMessage, response: http.ServerResponse, nth: number) => void;

/** A server that reads each request whole, notes it, then answers as `answer` says. */
async function serve(answer: Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = request.headers['idempotency-key'];
      seen.push({
        method: request.method ?? '',
        path: request.url ?? '',
        key: typeof key === 'string' ? key : undefined,
      });
      answer(request, response, seen.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, seen };
}

function json(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const HONOURED = { 'idempotency-key-honoured': 'true' };
const serverError = { error: { code: 500, message: `内部错误 ${KEY}`, type: 'api_error' } };
const created = { voucher_id: 'vch_1', voucher_no: '记-1' };
const voucher = {
  account_id: 'acc_1',
  date: '2024-03-15',
  entries: [
    { abstract: '采购办公用品', account_code: '560203', debit: 500, credit: 0 },
    { abstract: '支付办公用品款', account_code: '1002', debit: 0, credit: 500 },
  ],
};
/** Short waits so that the tests do not sleep; the defaults are pinned in shared/api/retry.test.ts. */
const fast = { baseDelayMs: 5, maxDelayMs: 50, jitterMs: 5 };
const sdk = (url: string, options: Partial<ApiClientOptions> = {}): ApiClient =>
  new ApiClient({ baseUrl: url, apiKey: KEY, backoff: fast, ...options });
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe('the Node SDK retries', () => {
  test('defaults: the cloud base URL and 2 retries; the app’s own client (shared class) none', () => {
    const client = new ApiClient({ apiKey: KEY });
    expect([client.baseUrl, client.maxRetries]).toEqual([DEFAULT_CLOUD_BASE_URL, 2]);
    expect(new ApiClient({ apiKey: KEY, maxRetries: 0 }).maxRetries).toBe(0);
    expect(new AppApiClient({ baseUrl: DEFAULT_CLOUD_BASE_URL, apiKey: KEY }).maxRetries).toBe(0);
  });

  test('a read is retried on 5xx: 3 attempts in all, then the error (the key never in it)', async () => {
    const { url, seen } = await serve((_q, response) =>
      json(response, 500, serverError, { 'retry-after': '0' }),
    );
    const error = await failure(sdk(url).listAccounts());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(500);
    expect((error as ApiError).message).not.toContain(KEY);
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET']);
  });

  test('the app’s shared client sends once: main’s ApiProxy does the retrying', async () => {
    const { url, seen } = await serve((_q, response) => json(response, 500, serverError));
    await failure(new AppApiClient({ baseUrl: url, apiKey: KEY }).listAccounts());
    expect(seen).toHaveLength(1);
  });

  test('a read retried after a 429 succeeds, having waited Retry-After', async () => {
    const { url, seen } = await serve((_q, response, nth) =>
      nth === 1
        ? json(
            response,
            429,
            { error: { code: 429, message: '请求过于频繁', type: 'rate_limit_error' } },
            { 'retry-after': '1' },
          )
        : json(response, 200, { accounts: [] }),
    );
    const started = Date.now();
    expect(await sdk(url).listAccounts()).toEqual({ accounts: [] });
    const waited = Date.now() - started;
    expect(seen).toHaveLength(2);
    // The floor is the server's second, whatever the backoff says (no upper bound: machines are slow; 50 ms for timer rounding).
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  test('a write that got a 429 is resent (a 429 means not applied), with the same key', async () => {
    const { url, seen } = await serve((_q, response, nth) =>
      nth === 1
        ? json(
            response,
            429,
            { error: { code: 429, message: '请求过于频繁', type: 'rate_limit_error' } },
            { 'retry-after': '0' },
          )
        : json(response, 200, created),
    );
    expect(await sdk(url).createVoucher(voucher)).toEqual(created);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.key).toMatch(/\S{16,}/);
    expect(seen[1]?.key).toBe(seen[0]?.key);
  });

  test('a write is not resent after a 5xx toward a server that never said it honours the key', async () => {
    const { url, seen } = await serve((_q, response) =>
      json(response, 500, serverError, { 'retry-after': '0' }),
    );
    const error = await failure(sdk(url).createVoucher(voucher));
    expect((error as ApiError).code).toBe(500);
    expect(seen).toHaveLength(1);
    // A key all the same (a random one): the SDK's writes always carry one.
    expect(seen[0]?.key).toBeTruthy();
  });

  test('toward a server that honours the key, a write is resent after a 5xx with the same key', async () => {
    const { url, seen } = await serve((_q, response) => json(response, 500, serverError, HONOURED));
    await failure(sdk(url).createVoucher(voucher, { idempotencyKey: 'k-1' }));
    expect(seen.map((s) => `${s.method} ${String(s.key)}`)).toEqual(['POST k-1', 'POST k-1', 'POST k-1']);
  });

  /** Answers GETs with an empty list, drops the connection of the first POST, answers later POSTs. */
  const resetOnce = (honours: boolean): Answer => {
    let posts = 0;
    return (request, response) => {
      const headers = honours ? HONOURED : {};
      if (request.method === 'GET') return json(response, 200, { accounts: [] }, headers);
      posts += 1;
      if (posts === 1) return request.socket.destroy();
      return json(response, 200, created, headers);
    };
  };

  test('a POST whose socket was reset is NOT resent toward a server without Idempotency-Key-Honoured', async () => {
    const { url, seen } = await serve(resetOnce(false));
    const client = sdk(url);
    await client.listAccounts();
    expect(client.honoursIdempotencyKey).toBe(false);
    const error = await failure(client.createVoucher(voucher, { idempotencyKey: 'k-reset' }));
    expect(error).toBeInstanceOf(ApiTransportError);
    // Not provably unsent: the write may have been applied, and it is left to the caller.
    expect([(error as ApiTransportError).kind, (error as ApiTransportError).notSent]).toEqual([
      'network',
      false,
    ]);
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  test('a POST whose socket was reset is resent, with the same key, when the server honours it', async () => {
    const { url, seen } = await serve(resetOnce(true));
    const client = sdk(url);
    await client.listAccounts();
    expect(client.honoursIdempotencyKey).toBe(true);
    expect(await client.createVoucher(voucher, { idempotencyKey: 'k-reset' })).toEqual(created);
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.key)).toEqual(['k-reset', 'k-reset']);
  });

  test('honouring the key is learnt from an answer, never assumed: a first POST reset is not resent', async () => {
    const { url, seen } = await serve(resetOnce(true));
    const error = await failure(sdk(url).createVoucher(voucher, { idempotencyKey: 'k-first' }));
    expect((error as ApiTransportError).kind).toBe('network');
    expect(seen).toHaveLength(1);
  });

  test('a write toward a refused connection is resent (provably not sent), then fails as not sent', async () => {
    const { url } = await serve(() => undefined);
    const server = servers.pop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const error = await failure(sdk(url, { fetch: counting }).createVoucher(voucher));
    expect([(error as ApiTransportError).kind, (error as ApiTransportError).notSent]).toEqual([
      'network',
      true,
    ]);
    expect(attempts).toBe(3);
  });

  test('400/401/403/404 are never retried', async () => {
    const { url, seen } = await serve((_q, response) =>
      json(response, 404, { error: { code: 404, message: '账套不存在', type: 'not_found_error' } }),
    );
    await failure(sdk(url).listAccounts());
    expect(seen).toHaveLength(1);
  });

  test('the caller’s AbortSignal ends a wait between attempts at once', async () => {
    const controller = new AbortController();
    const { url, seen } = await serve((_q, response) => {
      json(response, 500, serverError, { 'retry-after': '60' });
      // The client is about to wait 60 s (capped at maxRetryWaitMs, 60 s): the caller leaves.
      setTimeout(() => controller.abort(), 50);
    });
    const error = await failure(
      sdk(url, { maxRetryWaitMs: 60_000 }).listAccounts({ signal: controller.signal }),
    );
    expect([(error as ApiTransportError).name, (error as ApiTransportError).kind]).toEqual([
      'ApiTransportError',
      'aborted',
    ]);
    expect(seen).toHaveLength(1);
  });

  test('no single wait is longer than maxRetryWaitMs, whatever Retry-After says', async () => {
    const { url, seen } = await serve((_q, response) =>
      json(response, 500, serverError, { 'retry-after': '3600' }),
    );
    // Two waits of an hour each would run past the 30 s test timeout; capped at 20 ms they do not.
    await failure(sdk(url, { maxRetryWaitMs: 20 }).listAccounts());
    expect(seen).toHaveLength(3);
  });
});
