import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  accountSetId,
  ledgerSnapshot,
  postJson,
  seedExampleBody,
  VOUCHER_CREATE,
} from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { IDEMPOTENCY_CONFLICT_MESSAGE } from './idempotent-reply.js';

let engine: TestEngine;
let setA: string;
beforeEach(() => {
  engine = createTestEngine();
  setA = accountSetId(engine, engine.tenantA);
});
afterEach(async () => {
  vi.useRealTimers();
  await engine.close();
});

function create(body: unknown, key: string | undefined, apiKey = engine.tenantA.apiKey) {
  return postJson(engine, VOUCHER_CREATE, body, {
    apiKey,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
}

function voucherCount(): number {
  return engine.db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;
}

describe('Idempotency-Key on POST', () => {
  it('turns the same request retried 5 times into one voucher with the first answer each time', async () => {
    const body = seedExampleBody(setA);
    const first = await create(body, 'retry-1');
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const again = await create(body, 'retry-1');
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    }
    expect(voucherCount()).toBe(1);
    // Without a key (or with another) the same body is a new voucher, as the API has always done.
    expect((await create(body, undefined)).json()).toMatchObject({ voucher_no: '记-2' });
    expect((await create(body, 'retry-2')).json()).toMatchObject({ voucher_no: '记-3' });
  });

  it('refuses the same key with a different body with 400, creating nothing', async () => {
    await create(seedExampleBody(setA), 'k');
    const before = ledgerSnapshot(engine.db);
    const other = await create(seedExampleBody(setA, '2024-03-16'), 'k');
    expect(other.statusCode).toBe(400);
    expect(other.json()).toEqual({
      error: { code: 400, message: IDEMPOTENCY_CONFLICT_MESSAGE, type: 'invalid_request_error' },
    });
    expect(ledgerSnapshot(engine.db)).toEqual(before);
    expect(voucherCount()).toBe(1);
  });

  it('treats a key on another endpoint as another request', async () => {
    await create(seedExampleBody(setA), 'shared');
    const close = await postJson(
      engine,
      '/api/v2/period/close',
      { account_id: setA, period: '2024-03' },
      {
        apiKey: engine.tenantA.apiKey,
        headers: { 'idempotency-key': 'shared' },
      },
    );
    expect(close.json()).toMatchObject({ error: { code: 400, message: IDEMPOTENCY_CONFLICT_MESSAGE } });
  });

  it('keeps keys per tenant: the same key from another tenant is its own request', async () => {
    const setB = accountSetId(engine, engine.tenantB);
    expect((await create(seedExampleBody(setA), 'same')).statusCode).toBe(200);
    expect((await create(seedExampleBody(setB), 'same', engine.tenantB.apiKey)).statusCode).toBe(200);
    expect(voucherCount()).toBe(2);
  });

  it('replays a refusal too (same status and body), but never a replay of nothing', async () => {
    const bad = { ...seedExampleBody(setA), entries: seedExampleBody(setA).entries.slice(0, 1) };
    const first = await create(bad, 'bad');
    expect(first.statusCode).toBe(400);
    const again = await create(bad, 'bad');
    expect([again.statusCode, again.body, again.headers['idempotent-replayed']]).toEqual([
      400,
      first.body,
      'true',
    ]);
    expect(voucherCount()).toBe(0);
  });

  it('refuses keys that are empty, too long or not visible ASCII', async () => {
    for (const key of ['', 'x'.repeat(129), 'schlüssel', 'a b']) {
      const response = await create(seedExampleBody(setA), key);
      expect(response.statusCode, key).toBe(400);
      expect(response.json()).toMatchObject({
        error: { message: '参数错误：Idempotency-Key 应为 1 到 128 个可见 ASCII 字符' },
      });
    }
    expect(voucherCount()).toBe(0);
  });

  it('forgets a key after 24 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-15T08:00:00Z'));
    await create(seedExampleBody(setA), 'old');
    vi.setSystemTime(new Date('2024-03-16T08:00:01Z'));
    const later = await create(seedExampleBody(setA), 'old');
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json()).toMatchObject({ voucher_no: '记-2' });
  });

  it('is stored in SQLite, so a restarted engine still replays', async () => {
    const body = seedExampleBody(setA);
    const first = await create(body, 'persisted');
    const { buildApp } = await import('../app.js');
    const restarted = buildApp({ db: engine.db });
    const response = await restarted.inject({
      method: 'POST',
      url: VOUCHER_CREATE,
      headers: {
        authorization: `Bearer ${engine.tenantA.apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': 'persisted',
      },
      payload: JSON.stringify(body),
    });
    expect(response.body).toBe(first.body);
    await restarted.close();
    expect(voucherCount()).toBe(1);
  });
});

describe('Idempotency-Key-Honoured response header', () => {
  it('is on every API answer (success, refusal, 401, 404) and documented in the OpenAPI document', async () => {
    const answers = [
      await create(seedExampleBody(setA), 'advert'),
      await create({ account_id: setA }, undefined),
      await engine.app.inject({ method: 'GET', url: '/api/v2/accounts/list' }),
      await engine.app.inject({
        method: 'GET',
        url: '/api/v2/accounts/list',
        headers: { authorization: `Bearer ${engine.tenantA.apiKey}` },
      }),
      await engine.app.inject({
        method: 'GET',
        url: '/api/v2/nothing-here',
        headers: { authorization: `Bearer ${engine.tenantA.apiKey}` },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 400, 401, 200, 404]);
    for (const answer of answers) expect(answer.headers['idempotency-key-honoured']).toBe('true');

    const document = (await engine.app.inject({ method: 'GET', url: '/api/v2/openapi.json' })).json<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>
      >;
      components: { headers: Record<string, { description: string }> };
    }>();
    expect(document.components.headers.IdempotencyKeyHonoured?.description).toContain('Idempotency-Key');
    const created = document.paths['/api/v2/voucher/create']?.post?.responses;
    expect(created?.['200']?.headers?.['Idempotency-Key-Honoured']).toEqual({
      $ref: '#/components/headers/IdempotencyKeyHonoured',
    });
  });
});
