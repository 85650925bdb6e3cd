import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveApiKey } from '../auth/api-key-lookup.js';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { issueKey, setKeyRateLimit } from '../tenancy/tenant-keys.js';
import { ensureLocalTenant } from '../tenancy/local-tenant.js';
import { accountSetId, postJson, seedExampleBody, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { bearer, createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { DEFAULT_RATE_LIMIT, effectiveRateLimit, LOCAL_KEY_RATE_LIMIT } from './rate-limits.js';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('spends the burst at once, then refills at the rate, and says how long to wait', () => {
    const bucket = new TokenBucket({ perSecond: 2, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].every((r) => r.allowed)).toBe(true);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.take(499).allowed).toBe(false);
    expect(bucket.take(500).allowed).toBe(true);
    expect(bucket.take(10_000).allowed).toBe(true);
    const slow = new TokenBucket({ perSecond: 0.1, burst: 1 }, 0);
    slow.take(0);
    expect(slow.take(0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('applies a lowered limit without handing out a fresh burst', () => {
    const bucket = new TokenBucket({ perSecond: 100, burst: 100 }, 0);
    bucket.reconfigure({ perSecond: 1, burst: 1 });
    expect(bucket.take(0).allowed).toBe(true);
    expect(bucket.take(0).allowed).toBe(false);
  });
});

describe('effectiveRateLimit', () => {
  it('falls back to the default and gives a rate without a burst two seconds’ worth', () => {
    expect(effectiveRateLimit({ ratePerSecond: null, rateBurst: null })).toEqual(DEFAULT_RATE_LIMIT);
    expect(effectiveRateLimit({ ratePerSecond: 10, rateBurst: null })).toEqual({ perSecond: 10, burst: 20 });
    expect(effectiveRateLimit({ ratePerSecond: 10, rateBurst: 15 })).toEqual({ perSecond: 10, burst: 15 });
  });
});

describe('rate limit per API key', () => {
  let engine: TestEngine;
  let clock = 0;
  beforeEach(() => {
    clock = 0;
    engine = createTestEngine({ now: () => clock });
  });
  afterEach(async () => {
    await engine.close();
  });

  const list = (apiKey: string) =>
    engine.app.inject({ method: 'GET', url: '/api/v2/accounts/list', headers: bearer(apiKey) });

  it('answers 429 with Retry-After and the envelope once the burst is spent, then lets the key through again', async () => {
    setKeyRateLimit(engine.db, engine.tenantA.keyId, { perSecond: 1, burst: 2 });
    expect((await list(engine.tenantA.apiKey)).statusCode).toBe(200);
    expect((await list(engine.tenantA.apiKey)).statusCode).toBe(200);
    const limited = await list(engine.tenantA.apiKey);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json()).toEqual({
      error: {
        code: 429,
        message: '请求过于频繁，请 1 秒后重试；如需更高限额请联系管理员',
        type: 'rate_limit_error',
      },
    });
    // Writes are limited before anything is read or written.
    const setA = accountSetId(engine, engine.tenantA);
    const write = await postJson(engine, VOUCHER_CREATE, seedExampleBody(setA), {
      apiKey: engine.tenantA.apiKey,
    });
    expect(write.statusCode).toBe(429);
    expect(engine.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(0);
    // Other keys have their own buckets.
    expect((await list(engine.tenantB.apiKey)).statusCode).toBe(200);

    clock += 1000;
    expect((await list(engine.tenantA.apiKey)).statusCode).toBe(200);
    expect((await list(engine.tenantA.apiKey)).statusCode).toBe(429);
  });

  it('gives a key without a limit of its own the default of 50/s with a burst of 100', async () => {
    const plain = issueKey(engine.db, { tenantId: engine.tenantA.id }).key;
    for (let i = 0; i < DEFAULT_RATE_LIMIT.burst; i += 1) expect((await list(plain)).statusCode).toBe(200);
    expect((await list(plain)).statusCode).toBe(429);
    clock += 1000;
    for (let i = 0; i < DEFAULT_RATE_LIMIT.perSecond; i += 1)
      expect((await list(plain)).statusCode).toBe(200);
    expect((await list(plain)).statusCode).toBe(429);
  });

  it('applies a limit changed in the database (admin CLI) on the next request', async () => {
    const key = issueKey(engine.db, { tenantId: engine.tenantA.id, rateLimit: { perSecond: 1, burst: 1 } });
    expect((await list(key.key)).statusCode).toBe(200);
    expect((await list(key.key)).statusCode).toBe(429);
    setKeyRateLimit(engine.db, key.record.id, { perSecond: 1000, burst: 1000 });
    clock += 1000;
    for (let i = 0; i < 5; i += 1) expect((await list(key.key)).statusCode).toBe(200);
  });

  it('does not count requests with unknown keys against anyone (they are 401)', async () => {
    for (let i = 0; i < 150; i += 1) expect((await list(generateApiKey('live'))).statusCode).toBe(401);
  });

  it('gives the desktop’s local key a generous limit, also to a key registered before', () => {
    const local = generateApiKey('live');
    ensureLocalTenant(engine.db, local);
    const record = findActiveApiKey(engine.db, local);
    expect(record && effectiveRateLimit(record)).toEqual(LOCAL_KEY_RATE_LIMIT);
    if (record) setKeyRateLimit(engine.db, record.id, undefined);
    ensureLocalTenant(engine.db, local);
    const again = findActiveApiKey(engine.db, local);
    expect(again && effectiveRateLimit(again)).toEqual(LOCAL_KEY_RATE_LIMIT);
  });
});
