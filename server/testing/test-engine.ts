import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { buildApp, type EngineLoggerOptions } from '../app.js';
import { openEngineDb, type EngineDb } from '../db/engine-db.js';
import { createAccountSet } from '../tenancy/account-sets.js';
import { issueKey } from '../tenancy/tenant-keys.js';
import type { KeyRateLimit } from '../ratelimit/rate-limits.js';
import { createTenant } from '../tenancy/tenants.js';

export interface TestTenant {
  id: string;
  apiKey: string;
  keyId: string;
}

export interface TestEngine {
  db: EngineDb;
  app: FastifyInstance;
  /** Owns 「甲科技有限公司」(active) and 「甲贸易有限公司」(frozen). */
  tenantA: TestTenant;
  /** Owns 「乙商贸有限公司」. */
  tenantB: TestTenant;
  close(): Promise<void>;
}

/**
 * Test keys may hammer the engine (fuzzing, 200 parallel creates); rate-limit tests set their own
 * limit, and the default limit is tested on a key that has none.
 */
export const TEST_KEY_RATE_LIMIT: KeyRateLimit = { perSecond: 1_000_000, burst: 1_000_000 };

function tenantWithSets(
  db: EngineDb,
  name: string,
  sets: readonly [string, 'active' | 'frozen'][],
): TestTenant {
  const tenant = createTenant(db, { name });
  for (const [setName, status] of sets) createAccountSet(db, { tenantId: tenant.id, name: setName, status });
  const issued = issueKey(db, { tenantId: tenant.id, mode: 'test', rateLimit: TEST_KEY_RATE_LIMIT });
  return { id: tenant.id, apiKey: issued.key, keyId: issued.record.id };
}

export interface TestEngineOptions {
  logger?: EngineLoggerOptions;
  /** Clock of the rate limiter (milliseconds). */
  now?: () => number;
}

/** An in-memory engine with two tenants, for `inject()` or `listen()`. */
export function createTestEngine(options: TestEngineOptions = {}): TestEngine {
  const db = openEngineDb(':memory:');
  const tenantA = tenantWithSets(db, '甲', [
    ['甲科技有限公司', 'active'],
    ['甲贸易有限公司', 'frozen'],
  ]);
  const tenantB = tenantWithSets(db, '乙', [['乙商贸有限公司', 'active']]);
  const app = buildApp({ db, logger: options.logger ?? false, rateLimit: { now: options.now } });
  return {
    db,
    app,
    tenantA,
    tenantB,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

/** Listens on 127.0.0.1 with a port the OS picks; returns the base URL. */
export async function listenOnRandomPort(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${String(port)}`;
}

export function bearer(apiKey: string): { authorization: string } {
  return { authorization: `Bearer ${apiKey}` };
}
