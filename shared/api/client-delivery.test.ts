import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiClient } from './client.js';
import { ApiTransportError } from './errors.js';

/** Over real sockets on 127.0.0.1: what the client can tell about whether a request left at all. */
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

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

async function closedPort(): Promise<string> {
  const url = await listen(() => undefined);
  const server = servers.pop();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  return url;
}

const KEY = 'sk_test_Delivery0123456789';
const body = { account_id: 'acc_x', date: '2024-03-15', entries: [] };

async function failure(client: ApiClient): Promise<ApiTransportError> {
  const error: unknown = await client.createVoucher(body as never).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiTransportError))
    throw new Error(`expected a transport error, got ${String(error)}`);
  return error;
}

describe('ApiClient delivery', () => {
  test('connection refused: provably not sent', async () => {
    const error = await failure(new ApiClient({ baseUrl: await closedPort(), apiKey: KEY }));
    expect([error.kind, error.notSent]).toEqual(['network', true]);
  });

  test('the server read the request and dropped the connection: not provably unsent', async () => {
    let received = 0;
    const url = await listen((request) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        request.socket.destroy();
      });
    });
    const error = await failure(new ApiClient({ baseUrl: url, apiKey: KEY }));
    expect([error.kind, error.notSent, received]).toEqual(['network', false, 1]);
  });

  test('a redirect is refused, never followed: the other listener gets nothing', async () => {
    let elsewhere = 0;
    const target = await listen((_request, response) => {
      elsewhere += 1;
      response.end('{}');
    });
    const url = await listen((_request, response) => {
      response.writeHead(302, { location: `${target}/api/v2/voucher/create` });
      response.end();
    });
    const error = await failure(new ApiClient({ baseUrl: url, apiKey: KEY }));
    expect([error.kind, error.status, error.notSent, elsewhere]).toEqual(['bad_response', 302, false, 0]);
  });

  test('every API answer reports whether the server honours Idempotency-Key', async () => {
    const seen: boolean[] = [];
    let honour = true;
    const url = await listen((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(honour ? { 'idempotency-key-honoured': 'true' } : {}),
      });
      response.end(JSON.stringify({ accounts: [] }));
    });
    const client = new ApiClient({
      baseUrl: url,
      apiKey: KEY,
      onServerTraits: (traits) => seen.push(traits.honoursIdempotencyKey),
    });
    await client.listAccounts();
    honour = false;
    await client.listAccounts();
    expect(seen).toEqual([true, false]);
  });
});
