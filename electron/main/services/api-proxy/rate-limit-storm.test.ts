import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestEngine,
  listenOnRandomPort,
  type TestEngine,
} from '../../../../server/testing/test-engine.js';
import { setKeyRateLimit } from '../../../../server/tenancy/tenant-keys.js';
import { ApiClient } from '../../../../shared/api/client.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import { ApiProxy, type AttemptRecord } from './api-proxy.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';

const CALLS = 100;
let engine: TestEngine;
let baseUrl: string;

beforeAll(async () => {
  engine = createTestEngine();
  // The engine's per-key token bucket: 5 requests per second, no more than 5 at once.
  expect(setKeyRateLimit(engine.db, engine.tenantA.keyId, { perSecond: 5, burst: 5 })).toBe(true);
  baseUrl = await listenOnRandomPort(engine.app);
});

afterAll(async () => {
  await engine.close();
});

describe('429 storm against an engine limited to 5 requests per second', () => {
  test(`${String(CALLS)} queued calls all complete, each waiting out every Retry-After it was given`, async () => {
    const attempts: AttemptRecord[] = [];
    const proxy = new ApiProxy({
      client: () => Promise.resolve(new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey })),
      reachability: new ReachabilityTracker(),
      logger: fileLogger(tempDir('storm')),
      // The product's own retry numbers, not test ones.
      policy: DEFAULT_RETRY_POLICY,
      onAttempt: (record) => attempts.push(record),
    });

    const results = await Promise.all(
      Array.from({ length: CALLS }, () =>
        proxy.call((client, o) => client.listAccounts(o), { name: 'listAccounts' }),
      ),
    );
    proxy.dispose();

    expect(results.every((r) => r.accounts.length === 2)).toBe(true);
    const ok = attempts.filter((a) => a.outcome === 'ok');
    const limited = attempts.filter((a) => a.outcome === 'rate_limited');
    expect(ok).toHaveLength(CALLS);
    expect(limited.length).toBeGreaterThan(0);
    expect(attempts).toHaveLength(CALLS + limited.length);
    expect(attempts.every((a) => a.outcome === 'ok' || a.outcome === 'rate_limited')).toBe(true);

    // Per call: attempts numbered 1..n, n within the policy, and every retry after a 429 started
    // no earlier than that 429's answer plus its Retry-After (timestamps, not a wall-time budget).
    const byCall = new Map<number, AttemptRecord[]>();
    for (const a of attempts) byCall.set(a.call, [...(byCall.get(a.call) ?? []), a]);
    expect(byCall.size).toBe(CALLS);
    for (const calls of byCall.values()) {
      const sorted = calls.toSorted((a, b) => a.attempt - b.attempt);
      expect(sorted.map((a) => a.attempt)).toEqual(sorted.map((_, i) => i + 1));
      expect(sorted.length).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxAttempts);
      expect(sorted.at(-1)?.outcome).toBe('ok');
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        if (!previous || !current) continue;
        expect(previous.outcome).toBe('rate_limited');
        expect(previous.retryAfterMs).toBeGreaterThanOrEqual(1_000);
        expect(current.startedAt).toBeGreaterThanOrEqual(previous.endedAt + (previous.retryAfterMs ?? 0));
      }
    }
    console.log(
      `429 风暴：${String(CALLS)} 个调用全部完成，共 ${String(attempts.length)} 次请求，其中 ${String(limited.length)} 次 429`,
    );
  }, 120_000);
});
