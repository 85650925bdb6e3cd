import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateApiKey } from '../../../../shared/api/api-key-format.js';
import {
  createTestEngine,
  listenOnRandomPort,
  type TestEngine,
} from '../../../../server/testing/test-engine.js';
import { ApiClient } from '../../../../shared/api/client.js';
import { ApiError, ApiTransportError } from '../../../../shared/api/errors.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import { ApiProxy, type AttemptRecord } from './api-proxy.js';
import type { RetryPolicy } from './retry-policy.js';

// Against the real engine on loopback, a port nobody listens on, and a socket that never answers.
let engine: TestEngine;
let engineUrl: string;
let silent: Server;
let silentUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  engine = createTestEngine();
  engineUrl = await listenOnRandomPort(engine.app);
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${String((silent.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await engine.close();
});

const FAST: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 20,
  maxDelayMs: 80,
  attemptTimeoutMs: 2_000,
  callTimeoutMs: 10_000,
};

function proxyTo(baseUrl: string, apiKey = engine.tenantA.apiKey, policy = FAST) {
  const attempts: AttemptRecord[] = [];
  const states: string[] = [];
  const reachability = new ReachabilityTracker((s) => states.push(s));
  const dir = tempDir('proxy');
  const proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl, apiKey })),
    reachability,
    logger: fileLogger(dir),
    policy,
    onAttempt: (record) => attempts.push(record),
  });
  return { proxy, attempts, states, reachability };
}

const listAccounts = (client: ApiClient, o: Parameters<ApiClient['listAccounts']>[0]) =>
  client.listAccounts(o);

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('ApiProxy', () => {
  test('an answer goes straight through and marks the engine online', async () => {
    const { proxy, attempts, states } = proxyTo(engineUrl);
    const { accounts } = await proxy.call(listAccounts, { name: 'listAccounts' });
    expect(accounts).toHaveLength(2);
    expect(attempts.map((a) => a.outcome)).toEqual(['ok']);
    expect(states).toEqual(['online']);
  });

  test('401 and 404 are answers: one attempt, no retry, the envelope kept', async () => {
    const wrongKey = proxyTo(engineUrl, generateApiKey('live'));
    const unauthorized = await failure(wrongKey.proxy.call(listAccounts, { name: 'listAccounts' }));
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect(unauthorized).toMatchObject({ code: 401, type: 'authentication_error' });
    expect(wrongKey.attempts).toHaveLength(1);
    expect(wrongKey.states).toEqual(['online']);

    const wrongPath = proxyTo(`${engineUrl}/nowhere`);
    const notFound = await failure(wrongPath.proxy.call(listAccounts, { name: 'listAccounts' }));
    expect(notFound).toMatchObject({ code: 404, type: 'not_found_error' });
    expect(wrongPath.attempts).toHaveLength(1);
  });

  test('no answer: retried with backoff up to maxAttempts, then offline', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const { proxy, attempts, states } = proxyTo(`http://127.0.0.1:${String(port)}`);
    const error = await failure(proxy.call(listAccounts, { name: 'listAccounts' }));
    expect(error).toMatchObject({ kind: 'network' });
    expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'unreachable'],
      [2, 'unreachable'],
      [3, 'unreachable'],
      [4, 'unreachable'],
    ]);
    expect(states).toEqual(['offline']);
  });

  test('a timeout per attempt and per call: a silent server costs at most the call budget', async () => {
    const { proxy, attempts } = proxyTo(silentUrl, engine.tenantA.apiKey, {
      ...FAST,
      attemptTimeoutMs: 150,
      callTimeoutMs: 400,
    });
    const error = await failure(proxy.call(listAccounts, { name: 'listAccounts' }));
    expect(error).toBeInstanceOf(ApiTransportError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThan(FAST.maxAttempts + 1);
    expect(attempts.every((a) => a.outcome === 'unreachable')).toBe(true);
  });

  test('the caller giving up cancels the request in flight and every retry after it', async () => {
    const { proxy, attempts } = proxyTo(silentUrl, engine.tenantA.apiKey, {
      ...FAST,
      attemptTimeoutMs: 5_000,
    });
    const abort = new AbortController();
    const pending = proxy.call(listAccounts, { name: 'listAccounts', signal: abort.signal });
    await expect.poll(() => sockets.length).toBeGreaterThan(0);
    abort.abort();
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: 'aborted', message: '请求已取消' });
    expect(attempts.map((a) => a.outcome)).toEqual(['cancelled']);
  });
});
