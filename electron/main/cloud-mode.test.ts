import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { DEFAULT_CLOUD_BASE_URL } from '../../shared/api/client.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';

// Cloud mode through IPC, against an engine on loopback standing in for api.zhangxiaoer.com.
let h: ServicesHarness;
let cloud: TestEngine;
let cloudUrl: string;

beforeAll(async () => {
  cloud = createTestEngine();
  cloudUrl = await listenOnRandomPort(cloud.app);
  h = await startServices();
});

afterAll(async () => {
  await h.close();
  await cloud.close();
});

describe('cloud mode through IPC', () => {
  test('the base URL must be https, except plain http to a loopback engine', async () => {
    for (const bad of [
      'http://api.zhangxiaoer.com',
      'ftp://x.example',
      'https://u:p@api.example.com',
      'nope',
    ]) {
      const result = await h.call('setConnection', { mode: 'cloud', cloudBaseUrl: bad });
      expect(result, bad).toMatchObject({ ok: false, error: { code: 400, type: 'invalid_request_error' } });
    }
    expect((await h.ok('getSettings', {})).mode).toBe('local');
    const custom = await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: 'https://books.example.cn' });
    expect(custom).toMatchObject({ mode: 'cloud', cloudBaseUrl: 'https://books.example.cn' });
    const reset = await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: DEFAULT_CLOUD_BASE_URL });
    expect(reset.cloudBaseUrl).toBe('https://api.zhangxiaoer.com');
    // Switching to cloud stops the local engine.
    expect(reset.engine.state).toBe('stopped');
  });

  test('without a key, calls answer key_missing (401: the renderer sends the user to 设置)', async () => {
    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: cloudUrl });
    expect((await h.ok('getSettings', {})).cloudKey).toEqual({ set: false, last4: null });
    const result = await h.call('listAccountSets', {});
    expect(result).toMatchObject({ ok: false, error: { code: 401, type: 'key_missing' } });
    expect(await h.call('testConnection', {})).toMatchObject({ ok: false, error: { code: 401 } });
  });

  test('with the key: set, test and use it; the renderer learns only set + last four', async () => {
    const key = cloud.tenantA.apiKey;
    const view = await h.ok('setApiKey', { key });
    expect(view.cloudKey).toEqual({ set: true, last4: key.slice(-4) });
    expect(await h.ok('testConnection', {})).toEqual({ baseUrl: cloudUrl, accountSetCount: 2 });
    const sets = await h.ok('listAccountSets', {});
    expect(sets.source).toBe('live');
    expect(sets.data.accounts.map((a) => a.name).sort()).toEqual(['甲科技有限公司', '甲贸易有限公司']);
  });

  test('a 401 from the API clears nothing: the key stays set, the user is asked to re-enter it', async () => {
    const wrong = generateApiKey('live');
    await h.ok('setApiKey', { key: wrong });
    const result = await h.call('listAccountSets', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 401, message: '未授权：API Key 无效或已过期', type: 'authentication_error' },
    });
    // One attempt: a 401 is never retried.
    expect(h.attempts.at(-1)).toMatchObject({ attempt: 1, outcome: 'auth' });
    expect((await h.ok('getSettings', {})).cloudKey).toEqual({ set: true, last4: wrong.slice(-4) });
    expect(await h.secrets.has(`cloud@${new URL(cloudUrl).origin}`)).toBe(true);
  });

  test('clearing the key forgets it and the cloud data cached with it', async () => {
    await h.ok('setApiKey', { key: cloud.tenantA.apiKey });
    expect((await h.ok('listAccountSets', {})).source).toBe('live');
    expect((await h.ok('clearApiKey', {})).cloudKey).toEqual({ set: false, last4: null });
    expect(await h.secrets.has(`cloud@${new URL(cloudUrl).origin}`)).toBe(false);
    expect(h.services.cache?.accountSets.load(`cloud:${cloudUrl}`)).toBeUndefined();
  });
});
