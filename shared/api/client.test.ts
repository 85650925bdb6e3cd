import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from './api-key-format.js';
import { listAccountSets } from '../../server/tenancy/account-sets.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { ApiClient } from './client.js';
import { ApiError } from './errors.js';

// Against the real engine on 127.0.0.1:0, never a mock server: the contract is what both sides do.
let engine: TestEngine;
let baseUrl: string;
beforeAll(async () => {
  engine = createTestEngine();
  baseUrl = await listenOnRandomPort(engine.app);
});
afterAll(async () => {
  await engine.close();
});

describe('ApiClient against the local engine', () => {
  it('lists the account sets of its key’s tenant', async () => {
    const client = new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey });
    const { accounts } = await client.listAccounts();
    expect(accounts.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: '甲科技有限公司', status: 'active' },
      { name: '甲贸易有限公司', status: 'frozen' },
    ]);
  });

  it('throws an ApiError carrying the 401 envelope for an unknown key, without the key', async () => {
    const apiKey = generateApiKey('live');
    const client = new ApiClient({ baseUrl: `${baseUrl}/`, apiKey });
    const error = await client.listAccounts().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe(401);
    expect(apiError.envelope).toEqual({
      error: { code: 401, message: '未授权：API Key 无效或已过期', type: 'authentication_error' },
    });
    expect(JSON.stringify(apiError.envelope) + apiError.message).not.toContain(apiKey);
  });

  it('throws an ApiError with the 404 envelope for another tenant’s account set, as for one that does not exist', async () => {
    const client = new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey });
    const [otherTenantsSet] = listAccountSets(engine.db, engine.tenantB.id);
    const range = { start_date: '2024-01-01', end_date: '2024-03-31' };
    const answers = await Promise.all(
      [otherTenantsSet?.id ?? '', 'acc_0000000000000000'].map((account_id) =>
        client.getReport('profit', { account_id, ...range }).then(
          () => undefined,
          (caught: unknown) => caught,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer).toBeInstanceOf(ApiError);
      expect(answer).toMatchObject({ code: 404, type: 'not_found_error' });
    }
    // Same words either way (only the id differs): the caller cannot tell whose account set an id is.
    const [foreign, unknown] = answers as [ApiError, ApiError];
    expect(foreign.message.replace(otherTenantsSet?.id ?? '', '<id>')).toBe(
      unknown.message.replace('acc_0000000000000000', '<id>'),
    );
  });
});
