import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveApiKey, findApiKeyRecord } from '../auth/api-key-lookup.js';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { openEngineDb, type EngineDb } from '../db/engine-db.js';
import { createAccountSet, listAccountSets } from './account-sets.js';
import { issueKey, registerKey, revokeKey } from './tenant-keys.js';
import { DEMO_TENANT_ID, seedDemo } from './demo.js';
import { ensureLocalTenant, LOCAL_TENANT_ID } from './local-tenant.js';
import { createTenant } from './tenants.js';

const DEMO_SETS = [
  { name: '演示科技有限公司', status: 'active' },
  { name: '演示贸易有限公司', status: 'frozen' },
];

function setsOf(db: EngineDb, tenantId: string): { name: string; status: string }[] {
  return listAccountSets(db, tenantId).map(({ name, status }) => ({ name, status }));
}

function count(db: EngineDb, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

function activeKeys(db: EngineDb, tenantId: string): number {
  return db
    .prepare('SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL')
    .pluck()
    .get(tenantId) as number;
}

let db: EngineDb;
beforeEach(() => {
  db = openEngineDb(':memory:');
});
afterEach(() => {
  if (db.open) db.close();
});

describe('tenants, keys and account sets', () => {
  it('issue a key that is handed out once and recorded by hash, last4 and scope only', () => {
    const tenant = createTenant(db, { name: '某某科技有限公司' });
    const issued = issueKey(db, { tenantId: tenant.id, mode: 'live', scope: 'read_only' });
    expect(issued.key).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(issued.record).toMatchObject({
      tenantId: tenant.id,
      prefix: 'sk_live_',
      last4: issued.key.slice(-4),
      scope: 'read_only',
      revokedAt: null,
    });
    expect(JSON.stringify(issued.record)).not.toContain(issued.key);
    expect(findActiveApiKey(db, issued.key)?.id).toBe(issued.record.id);
  });

  it('revoke a key only for its own tenant, once', () => {
    const a = createTenant(db, { name: 'A' });
    const b = createTenant(db, { name: 'B' });
    const issued = issueKey(db, { tenantId: a.id });
    expect(revokeKey(db, b.id, issued.record.id)).toBe(false);
    expect(revokeKey(db, a.id, issued.record.id)).toBe(true);
    expect(revokeKey(db, a.id, issued.record.id)).toBe(false);
    expect(findActiveApiKey(db, issued.key)).toBeUndefined();
    expect(findApiKeyRecord(db, issued.key)?.revokedAt).toMatch(/Z$/);
  });

  it('create account sets with acc_ ids and list them per tenant', () => {
    const a = createTenant(db, { name: 'A' });
    const b = createTenant(db, { name: 'B' });
    const set = createAccountSet(db, { tenantId: a.id, name: '甲公司' });
    createAccountSet(db, { tenantId: b.id, name: '乙公司', status: 'frozen' });
    expect(set.id).toMatch(/^acc_[0-9A-Za-z]{16}$/);
    expect(set.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(setsOf(db, a.id)).toEqual([{ name: '甲公司', status: 'active' }]);
    expect(setsOf(db, b.id)).toEqual([{ name: '乙公司', status: 'frozen' }]);
  });

  it('refuse a key that is not sk_live_/sk_test_ + 32 base62 characters', () => {
    const tenant = createTenant(db, { name: 'A' });
    expect(() => registerKey(db, { tenantId: tenant.id, key: 'sk_live_short' })).toThrow();
    expect(() => registerKey(db, { tenantId: tenant.id, key: `pk_live_${'a'.repeat(32)}` })).toThrow();
  });
});

describe('seedDemo', () => {
  it('creates the demo tenant with its two account sets once, however often it runs', () => {
    const demoKey = generateApiKey('test');
    expect(seedDemo(db, { demoKey })).toEqual({ tenantId: DEMO_TENANT_ID, apiKey: demoKey });
    expect(seedDemo(db, { demoKey })).toEqual({ tenantId: DEMO_TENANT_ID, apiKey: demoKey });
    expect(setsOf(db, DEMO_TENANT_ID)).toEqual(DEMO_SETS);
    expect([count(db, 'tenants'), count(db, 'account_sets'), count(db, 'api_keys')]).toEqual([1, 2, 1]);
    expect(findActiveApiKey(db, demoKey)?.tenantId).toBe(DEMO_TENANT_ID);
  });

  it('rotates the demo key on every run when no demo key is given: one working key, never a pile', () => {
    const keys = [seedDemo(db).apiKey, seedDemo(db).apiKey, seedDemo(db).apiKey];
    expect(keys[0]).toMatch(/^sk_test_/);
    expect(new Set(keys).size).toBe(3);
    expect(keys.map((key) => findActiveApiKey(db, key)?.tenantId)).toEqual([
      undefined,
      undefined,
      DEMO_TENANT_ID,
    ]);
    expect(activeKeys(db, DEMO_TENANT_ID)).toBe(1);
    expect(count(db, 'account_sets')).toBe(2);
  });

  it('a fixed demo key replaces a rotated one and leaves other tenants’ keys alone', () => {
    const other = createTenant(db, { name: '别的租户' });
    const othersKey = issueKey(db, { tenantId: other.id }).key;
    const rotated = seedDemo(db).apiKey;
    const demoKey = generateApiKey('test');
    seedDemo(db, { demoKey });
    expect(findActiveApiKey(db, rotated)).toBeUndefined();
    expect(findActiveApiKey(db, demoKey)?.tenantId).toBe(DEMO_TENANT_ID);
    expect(findActiveApiKey(db, othersKey)?.tenantId).toBe(other.id);
  });
});

describe('ensureLocalTenant', () => {
  it('creates 本机账套 with the demo sets and the given key, idempotently', () => {
    const key = generateApiKey('live');
    expect(ensureLocalTenant(db, key)).toEqual({ tenantId: LOCAL_TENANT_ID });
    ensureLocalTenant(db, key);
    expect(db.prepare('SELECT name FROM tenants').pluck().all()).toEqual(['本机账套']);
    expect(setsOf(db, LOCAL_TENANT_ID)).toEqual(DEMO_SETS);
    expect(count(db, 'api_keys')).toBe(1);
    expect(findActiveApiKey(db, key)?.tenantId).toBe(LOCAL_TENANT_ID);
  });

  it('a new keychain key revokes the previous local key and keeps the account sets the user has', () => {
    const oldKey = generateApiKey('live');
    ensureLocalTenant(db, oldKey);
    createAccountSet(db, { tenantId: LOCAL_TENANT_ID, name: '自己的公司' });
    const newKey = generateApiKey('live');
    ensureLocalTenant(db, newKey);
    expect(findActiveApiKey(db, newKey)?.tenantId).toBe(LOCAL_TENANT_ID);
    expect(findActiveApiKey(db, oldKey)).toBeUndefined();
    expect(activeKeys(db, LOCAL_TENANT_ID)).toBe(1);
    // The old key cannot come back and revoke the new one in turn.
    expect(() => ensureLocalTenant(db, oldKey)).toThrow(/吊销/);
    expect(findActiveApiKey(db, newKey)?.tenantId).toBe(LOCAL_TENANT_ID);
    expect(setsOf(db, LOCAL_TENANT_ID).map((s) => s.name)).toContain('自己的公司');
    expect(count(db, 'account_sets')).toBe(3);
  });

  it('does not seed demo sets into a tenant that has account sets of its own', () => {
    createTenant(db, { id: LOCAL_TENANT_ID, name: '本机账套' });
    createAccountSet(db, { tenantId: LOCAL_TENANT_ID, name: '自己的公司' });
    ensureLocalTenant(db, generateApiKey('live'));
    expect(setsOf(db, LOCAL_TENANT_ID)).toEqual([{ name: '自己的公司', status: 'active' }]);
  });

  it('refuses a key that belongs to another tenant or was revoked, without reviving it', () => {
    const demoKey = seedDemo(db).apiKey;
    expect(() => ensureLocalTenant(db, demoKey)).toThrow(/其他租户/);

    const revoked = generateApiKey('live');
    ensureLocalTenant(db, revoked);
    const record = findApiKeyRecord(db, revoked);
    revokeKey(db, LOCAL_TENANT_ID, record?.id ?? '');
    expect(() => ensureLocalTenant(db, revoked)).toThrow(/吊销/);
    expect(findActiveApiKey(db, revoked)).toBeUndefined();
  });
});

describe('keys at rest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zxe-keys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('never appear in plain text in any table, column or byte of the database files', () => {
    const fileDb = openEngineDb(path.join(dir, 'engine.db'));
    const keys = [seedDemo(fileDb).apiKey, generateApiKey('live')];
    ensureLocalTenant(fileDb, keys[1] ?? '');
    const other = createTenant(fileDb, { name: '另一个租户' });
    keys.push(issueKey(fileDb, { tenantId: other.id, mode: 'live' }).key);
    // The secret part; the prefix alone (sk_test_) is no secret and is stored.
    const secrets = keys.map((key) => key.slice('sk_test_'.length));

    const tables = fileDb
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    let cells = 0;
    for (const table of tables) {
      for (const row of fileDb.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
        for (const cell of row) {
          cells += 1;
          for (const secret of secrets) expect(String(cell), table).not.toContain(secret);
        }
      }
    }
    expect(cells).toBeGreaterThan(20);

    // Before and after the WAL is folded into the main file.
    const scanFiles = (): void => {
      for (const name of readdirSync(dir)) {
        const bytes = readFileSync(path.join(dir, name));
        for (const secret of secrets) expect(bytes.includes(secret), name).toBe(false);
      }
    };
    scanFiles();
    fileDb.pragma('wal_checkpoint(TRUNCATE)');
    fileDb.close();
    scanFiles();
  });
});
