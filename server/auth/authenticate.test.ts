import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeKey } from '../tenancy/tenant-keys.js';
import { bearer, createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { generateApiKey } from '../../shared/api/api-key-format.js';

const LIST = '/api/v2/accounts/list';

function unauthorized(message: string): unknown {
  return { error: { code: 401, message, type: 'authentication_error' } };
}
const MISSING = unauthorized('未授权：缺少 API Key，请在请求头中携带 Authorization: Bearer {your_api_key}');
const MALFORMED = unauthorized(
  '未授权：Authorization 请求头格式错误，应为 Authorization: Bearer {your_api_key}',
);
const INVALID = unauthorized('未授权：API Key 无效或已过期');

let engine: TestEngine;
beforeEach(() => {
  engine = createTestEngine();
});
afterEach(async () => {
  await engine.close();
});

async function listWith(headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await engine.app.inject({ method: 'GET', url: LIST, headers });
  return { status: response.statusCode, body: response.json() };
}

describe('API key check on /api/v2', () => {
  it('answers 401 with the API v2 envelope when the Authorization header is missing', async () => {
    expect(await listWith({})).toEqual({ status: 401, body: MISSING });
    expect(await listWith({ authorization: '' })).toEqual({ status: 401, body: MISSING });
  });

  it('answers 401 "malformed" for a header that is not `Bearer <key>`', async () => {
    const key = engine.tenantA.apiKey;
    for (const authorization of [
      'Basic xx',
      'Bearer',
      'Bearer ',
      `Bearer ${key} extra`,
      key,
      `Token ${key}`,
    ]) {
      expect(await listWith({ authorization }), authorization).toEqual({ status: 401, body: MALFORMED });
    }
  });

  it('answers 401 "invalid" for a well-formed but unknown key', async () => {
    expect(await listWith(bearer(generateApiKey('live')))).toEqual({ status: 401, body: INVALID });
    expect(await listWith(bearer('not_a_key_at_all'))).toEqual({ status: 401, body: INVALID });
  });

  it('answers 401 "invalid" once the key is revoked', async () => {
    const { tenantA } = engine;
    expect((await listWith(bearer(tenantA.apiKey))).status).toBe(200);
    expect(revokeKey(engine.db, tenantA.id, tenantA.keyId)).toBe(true);
    expect(await listWith(bearer(tenantA.apiKey))).toEqual({ status: 401, body: INVALID });
  });

  it('accepts the scheme name in any case', async () => {
    expect((await listWith({ authorization: `bearer ${engine.tenantA.apiKey}` })).status).toBe(200);
  });

  it('asks for a key on unknown /api/ paths too, so probing reveals nothing', async () => {
    const response = await engine.app.inject({ method: 'GET', url: '/api/v2/voucher/list' });
    expect(response.statusCode).toBe(401);
  });

  it('serves the public OpenAPI document without a key', async () => {
    const response = await engine.app.inject({ method: 'GET', url: '/api/v2/openapi.json' });
    expect(response.statusCode).toBe(200);
  });
});

describe('the key stays secret', () => {
  it('is never echoed in answers or log lines, valid or not', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logged = createTestEngine({ logger: { level: 'trace', stream } });
    logged.app.get('/api/v2/test/throws', () => {
      throw new Error('boom');
    });
    const wrongKey = generateApiKey('test');
    const keys = [logged.tenantA.apiKey, wrongKey];
    const requests = [
      { url: LIST, headers: bearer(logged.tenantA.apiKey) },
      { url: LIST, headers: bearer(wrongKey) },
      { url: LIST, headers: { authorization: `Basic ${wrongKey}` } },
      { url: '/api/v2/test/throws', headers: bearer(logged.tenantA.apiKey) },
      { url: `/api/v2/${wrongKey}`, headers: bearer(logged.tenantA.apiKey) },
    ];
    const bodies: string[] = [];
    for (const request of requests) {
      bodies.push((await logged.app.inject({ method: 'GET', ...request })).body);
    }
    await logged.close();
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...bodies, ...lines]) {
      for (const key of keys) expect(text).not.toContain(key.slice('sk_test_'.length));
    }
  });
});
