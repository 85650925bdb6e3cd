import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountsListResponseSchema } from '../../shared/api/index.js';
import { createAccountSet } from '../tenancy/account-sets.js';
import { bearer, createTestEngine, listenOnRandomPort, type TestEngine } from '../testing/test-engine.js';

const LIST = '/api/v2/accounts/list';

let engine: TestEngine;
beforeEach(() => {
  engine = createTestEngine();
});
afterEach(async () => {
  vi.useRealTimers();
  await engine.close();
});

/** Exactly API v2's `{ accounts: [{ id, name, status, created_at }] }`, nothing more. */
function expectSeedShape(body: unknown, expected: readonly { name: string; status: string }[]): void {
  expect(Object.keys(body as object)).toEqual(['accounts']);
  const { accounts } = accountsListResponseSchema.parse(body);
  expect(accounts.map(({ name, status }) => ({ name, status }))).toEqual(expected);
  for (const account of accounts as unknown as Record<string, unknown>[]) {
    expect(Object.keys(account)).toEqual(['id', 'name', 'status', 'created_at']);
    expect(account.id).toMatch(/^acc_[A-Za-z0-9]+$/);
    expect(account.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }
}

const TENANT_A_SETS = [
  { name: '甲科技有限公司', status: 'active' },
  { name: '甲贸易有限公司', status: 'frozen' },
];

describe('GET /api/v2/accounts/list', () => {
  it('answers the API v2 shape through inject()', async () => {
    const response = await engine.app.inject({
      method: 'GET',
      url: LIST,
      headers: bearer(engine.tenantA.apiKey),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expectSeedShape(response.json(), TENANT_A_SETS);
  });

  it('answers the API v2 shape over a real port', async () => {
    const baseUrl = await listenOnRandomPort(engine.app);
    const response = await fetch(`${baseUrl}${LIST}`, { headers: bearer(engine.tenantA.apiKey) });
    expect(response.status).toBe(200);
    expectSeedShape(await response.json(), TENANT_A_SETS);
  });

  it('shows a tenant only its own account sets', async () => {
    const asB = await engine.app.inject({ method: 'GET', url: LIST, headers: bearer(engine.tenantB.apiKey) });
    expectSeedShape(asB.json(), [{ name: '乙商贸有限公司', status: 'active' }]);
    const asA = await engine.app.inject({ method: 'GET', url: LIST, headers: bearer(engine.tenantA.apiKey) });
    expect(asA.body).not.toContain('乙商贸有限公司');
  });

  it('lists account sets oldest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-01T00:00:00Z'));
    createAccountSet(engine.db, { tenantId: engine.tenantB.id, name: '后建的' });
    vi.setSystemTime(new Date('2023-06-15T08:30:00Z'));
    createAccountSet(engine.db, { tenantId: engine.tenantB.id, name: '先建的' });
    vi.useRealTimers();

    const response = await engine.app.inject({
      method: 'GET',
      url: LIST,
      headers: bearer(engine.tenantB.apiKey),
    });
    const { accounts } = accountsListResponseSchema.parse(response.json());
    expect(accounts.map((a) => [a.name, a.created_at])).toEqual([
      ['先建的', '2023-06-15T08:30:00Z'],
      ['后建的', '2024-03-01T00:00:00Z'],
      ['乙商贸有限公司', expect.any(String)],
    ]);
  });

  it('answers an empty list for a tenant without account sets', async () => {
    engine.db.prepare('DELETE FROM account_sets WHERE tenant_id = ?').run(engine.tenantB.id);
    const response = await engine.app.inject({
      method: 'GET',
      url: LIST,
      headers: bearer(engine.tenantB.apiKey),
    });
    expect(response.json()).toEqual({ accounts: [] });
  });

  it('refuses query parameters it does not take with a 400 envelope', async () => {
    const response = await engine.app.inject({
      method: 'GET',
      url: `${LIST}?page=2`,
      headers: bearer(engine.tenantA.apiKey),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 400, message: '参数错误：不支持的字段 page', type: 'invalid_request_error' },
    });
  });
});
