import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';
import { passThrough, startStandIn, type StandInServer } from './testing/stand-in-server.js';

/**
 * A key change must not bring the old tenant back. A stand-in on 127.0.0.1 in front of a real engine
 * holds the answer to the first account-set list until the test lets it go: the read is in flight
 * with tenant 甲's key while the user switches to tenant 乙's key (which forgets 甲's cached data).
 */
let cloud: TestEngine;
let server: StandInServer;
let h: ServicesHarness | undefined;
let release: () => void = () => undefined;
let holdNext = false;
let heldArrived: () => void = () => undefined;

beforeEach(async () => {
  cloud = createTestEngine();
  const cloudUrl = await listenOnRandomPort(cloud.app);
  server = await startStandIn({
    upstream: cloudUrl,
    async handle(context) {
      const forwarded = await context.forward();
      if (holdNext && context.request.url === '/api/v2/accounts/list') {
        holdNext = false;
        const released = new Promise<void>((resolve) => (release = resolve));
        heldArrived();
        await released;
      }
      passThrough(context, forwarded, true);
    },
  });
});

afterEach(async () => {
  await h?.close();
  h = undefined;
  await server.close();
  await cloud.close();
});

describe('connection generation', { timeout: 90_000 }, () => {
  test('a read in flight with the old key does not refill the cache after the key changed', async () => {
    h = await startServices();
    const scope = `cloud:${server.url}`;
    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: server.url });
    await h.ok('setApiKey', { key: cloud.tenantA.apiKey });

    holdNext = true;
    const arrived = new Promise<void>((resolve) => (heldArrived = resolve));
    const inFlight = h.ok('listAccountSets', {});
    await arrived; // 甲's answer is computed and held at the server.

    await h.ok('setApiKey', { key: cloud.tenantB.apiKey });
    expect(h.services.cache?.accountSets.load(scope)).toBeUndefined();
    release();
    const stale = await inFlight;
    expect(stale.data.accounts.map((a) => a.name).sort()).toEqual(['甲科技有限公司', '甲贸易有限公司']);

    // The cache did not take 甲's answer: nothing for this scope until 乙's own read.
    expect(h.services.cache?.accountSets.load(scope)).toBeUndefined();
    const fresh = await h.ok('listAccountSets', {});
    expect(fresh.data.accounts.map((a) => a.name)).toEqual(['乙商贸有限公司']);

    // Offline, the cache answers with 乙's sets only.
    await server.close();
    const offline = await h.ok('listAccountSets', {});
    expect(offline.source).toBe('cache');
    expect(offline.data.accounts.map((a) => a.name)).toEqual(['乙商贸有限公司']);
  });
});
