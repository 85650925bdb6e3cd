import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, JSON_BODY_LIMIT_BYTES } from './app.js';
import { bearer, createTestEngine, type TestEngine } from './testing/test-engine.js';

let engine: TestEngine;
beforeEach(() => {
  engine = createTestEngine();
  // Stand-ins for routes of later issues: one that echoes a JSON body, one that fails.
  engine.app.post('/api/v2/test/echo', (request) => ({ received: request.body }));
  engine.app.get('/api/v2/test/throws', () => {
    throw new Error('SQLITE_CORRUPT at /home/dev/server/ledger.ts:42');
  });
});
afterEach(async () => {
  await engine.close();
});

function badRequest(message: string): unknown {
  return { error: { code: 400, message, type: 'invalid_request_error' } };
}

describe('error envelopes', () => {
  it('answers unknown routes with a 404 envelope naming method and path', async () => {
    const response = await engine.app.inject({ method: 'GET', url: '/x?y=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 404, message: '资源不存在：GET /x', type: 'not_found_error' },
    });
  });

  it('answers a served endpoint called with the wrong method with a 404 envelope, after the key check', async () => {
    const headers = bearer(engine.tenantA.apiKey);
    for (const [method, url] of [
      ['POST', '/api/v2/voucher/list'],
      ['POST', '/api/v2/report/profit'],
      ['POST', '/api/v2/accounts/list'],
    ] as const) {
      const response = await engine.app.inject({ method, url, headers, payload: { a: 1 } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 404, message: `资源不存在：${method} ${url}`, type: 'not_found_error' },
      });
      // Without a key the same call hears 401: which methods a route takes is not public either.
      const anonymous = await engine.app.inject({ method, url, payload: { a: 1 } });
      expect(anonymous.statusCode, url).toBe(401);
    }
  });

  it('answers 500 with the fixed message and no internals when a route throws', async () => {
    const response = await engine.app.inject({
      method: 'GET',
      url: '/api/v2/test/throws',
      headers: bearer(engine.tenantA.apiKey),
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 500, message: '服务器错误，请联系技术支持', type: 'api_error' },
    });
    expect(response.body).not.toMatch(/SQLITE|ledger|stack/);
  });

  it('answers malformed JSON with a 400 envelope', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { ...bearer(engine.tenantA.apiKey), 'content-type': 'application/json' },
      payload: '{"account_id": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(badRequest('参数错误：请求体不是有效的 JSON'));
  });

  it('answers a JSON body over the limit with a 400 envelope', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { ...bearer(engine.tenantA.apiKey), 'content-type': 'application/json' },
      payload: JSON.stringify({ note: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(badRequest('参数错误：请求体过大，JSON 请求体不能超过 1MB'));
  });

  it('answers an unsupported content type or an empty JSON body with a 400 envelope', async () => {
    const headers = bearer(engine.tenantA.apiKey);
    const xml = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(400);
    expect(xml.json()).toEqual(badRequest('参数错误：不支持的 Content-Type，请使用 application/json'));

    const empty = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(empty.json()).toEqual(badRequest('参数错误：请求体不能为空'));
  });

  it('refuses prototype-poisoning JSON', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { ...bearer(engine.tenantA.apiKey), 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}}',
    });
    expect(response.statusCode).toBe(400);
  });

  it('checks the key before reading the body', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/api/v2/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('buildApp', () => {
  it('opens the database it is given by path and closes it with the app', async () => {
    const app = buildApp({ db: ':memory:' });
    const response = await app.inject({ method: 'GET', url: '/api/v2/accounts/list' });
    expect(response.statusCode).toBe(401);
    await app.close();
  });
});
