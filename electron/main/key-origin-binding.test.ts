import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';
import { startStandIn, type StandInServer } from './testing/stand-in-server.js';

/**
 * The cloud key goes only to the origin it was entered for. Against real listeners on 127.0.0.1:
 * a real engine standing in for the cloud, and stand-ins that record every header they receive.
 */
let cloud: TestEngine;
let cloudUrl: string;
let h: ServicesHarness;
const standIns: StandInServer[] = [];

beforeAll(async () => {
  cloud = createTestEngine();
  cloudUrl = await listenOnRandomPort(cloud.app);
});

afterEach(async () => {
  await h.close();
  await Promise.all(standIns.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await cloud.close();
});

async function standIn(handle: Parameters<typeof startStandIn>[0]['handle']): Promise<StandInServer> {
  const server = await startStandIn({ handle });
  standIns.push(server);
  return server;
}

function carriesKey(server: StandInServer, key: string): boolean {
  return server.requests.some((r) => JSON.stringify(r.headers).includes(key.slice(8)));
}

describe('the cloud key is bound to its origin', { timeout: 90_000 }, () => {
  test('after setConnection to another address, testConnection sends the key nowhere: the listener gets nothing', async () => {
    h = await startServices();
    const key = cloud.tenantA.apiKey;
    const listener = await standIn((c) => c.reply(200, JSON.stringify({ accounts: [] })));

    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: cloudUrl });
    expect((await h.ok('setApiKey', { key })).cloudKey).toEqual({ set: true, last4: key.slice(-4) });
    expect(await h.ok('testConnection', {})).toEqual({ baseUrl: cloudUrl, accountSetCount: 2 });

    const moved = await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: listener.url });
    expect(moved.cloudKey).toEqual({ set: false, last4: null });
    expect(await h.call('testConnection', {})).toMatchObject({
      ok: false,
      error: { code: 401, type: 'key_missing' },
    });
    expect(await h.call('listAccountSets', {})).toMatchObject({ ok: false, error: { type: 'key_missing' } });
    expect(listener.requests).toEqual([]);
    expect(carriesKey(listener, key)).toBe(false);

    // Back to the first server: the key did not come back with it — it was entered again or not at all.
    const back = await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: cloudUrl });
    expect(back.cloudKey).toEqual({ set: false, last4: null });
    expect(await h.secrets.has(`cloud@${new URL(cloudUrl).origin}`)).toBe(false);
  });

  test('the same origin with another path keeps the key; a key set in local mode is bound to the cloud origin', async () => {
    h = await startServices();
    await h.ok('setApiKey', { key: cloud.tenantA.apiKey });
    expect(await h.secrets.has('cloud@https://api.zhangxiaoer.com')).toBe(true);
    const samePlace = await h.ok('setConnection', {
      mode: 'local',
      cloudBaseUrl: 'https://api.zhangxiaoer.com/v2-gateway',
    });
    expect(samePlace.cloudKey.set).toBe(true);
    const elsewhere = await h.ok('setConnection', {
      mode: 'local',
      cloudBaseUrl: 'https://books.example.cn',
    });
    expect(elsewhere.cloudKey.set).toBe(false);
    expect(await h.secrets.has('cloud@https://api.zhangxiaoer.com')).toBe(false);
  });

  test('a redirect to another origin is not followed: the second listener never sees the key', async () => {
    h = await startServices();
    const target = await standIn((c) => c.reply(200, JSON.stringify({ accounts: [] })));
    const redirecting = await standIn((c) => c.reply(307, '', { location: `${target.url}${c.request.url}` }));
    const key = generateApiKey('test');
    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: redirecting.url });
    await h.ok('setApiKey', { key });

    const result = await h.call('testConnection', {});
    expect(result.ok).toBe(false);
    expect(redirecting.requests).toHaveLength(1);
    expect(target.requests).toEqual([]);
  });

  test('a server that echoes the Authorization header in its error message: the key is redacted before the renderer sees it', async () => {
    h = await startServices();
    const echoing = await standIn((c) =>
      c.reply(
        400,
        JSON.stringify({
          error: {
            code: 400,
            message: `参数错误：收到的请求头 Authorization=${String(c.request.headers.authorization)}`,
            type: 'invalid_request_error',
          },
        }),
      ),
    );
    const key = generateApiKey('live');
    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: echoing.url });
    await h.ok('setApiKey', { key });

    const result = await h.call('listAccountSets', {});
    expect(result).toMatchObject({ ok: false, error: { code: 400, type: 'invalid_request_error' } });
    if (result.ok) throw new Error('expected an error');
    expect(result.error.message).toContain('Authorization=Bearer ');
    expect(result.error.message).not.toContain(key.slice(8));
    for (const answer of h.answers) expect(answer).not.toContain(key.slice(8));
    // It did reach the server it was entered for — and only that one.
    expect(carriesKey(echoing, key)).toBe(true);
  });
});
