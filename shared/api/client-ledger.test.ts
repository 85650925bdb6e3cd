import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setKeyRateLimit } from '../../server/tenancy/tenant-keys.js';
import { accountSetId, seedExampleBody } from '../../server/testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { ApiClient } from './client.js';
import { ApiError } from './errors.js';

// Against the real engine on 127.0.0.1:0, like client.test.ts: the ledger extensions end to end.
let engine: TestEngine;
let client: ApiClient;
let setA: string;
beforeAll(async () => {
  engine = createTestEngine();
  client = new ApiClient({ baseUrl: await listenOnRandomPort(engine.app), apiKey: engine.tenantA.apiKey });
  setA = accountSetId(engine, engine.tenantA);
});
afterAll(async () => {
  await engine.close();
});

describe('ApiClient ledger extensions', () => {
  it('reads the chart, posts, lists, reads, reverses, closes and reopens', async () => {
    const chart = await client.getChart(setA);
    expect(chart.accounts.find((a) => a.code === '560203')?.is_leaf).toBe(true);

    const created = await client.createVoucher(seedExampleBody(setA), { idempotencyKey: 'client-1' });
    const retried = await client.createVoucher(seedExampleBody(setA), { idempotencyKey: 'client-1' });
    expect(retried).toEqual(created);
    expect(created.voucher_no).toBe('记-1');

    const voucher = await client.getVoucher(created.voucher_id);
    expect(voucher.entries.map((e) => e.account_name)).toEqual(['办公费', '银行存款']);

    const reversal = await client.reverseVoucher(created.voucher_id);
    expect(reversal).toMatchObject({ voucher_no: '记-2', reverses_voucher_id: created.voucher_id });

    const list = await client.listVouchers({ account_id: setA, period: '2024-03', page: 1, page_size: 1 });
    expect([list.total, list.vouchers.length, list.vouchers[0]?.status]).toEqual([2, 1, 'reversed']);

    const closed = await client.closePeriod({ account_id: setA, period: '2024-03' });
    expect(closed).toMatchObject({ status: 'closed', closing_voucher_id: null, net_profit: 0 });
    expect((await client.listPeriods(setA)).periods).toMatchObject([{ period: '2024-03', status: 'closed' }]);
    expect(await client.reopenPeriod({ account_id: setA, period: '2024-03' })).toMatchObject({
      status: 'open',
    });
  });

  it('throws ApiError with the envelope, and the wait on 429', async () => {
    await expect(client.getVoucher('vch_missing')).rejects.toMatchObject({
      code: 404,
      type: 'not_found_error',
    });
    await expect(client.getChart(accountSetId(engine, engine.tenantB))).rejects.toMatchObject({ code: 404 });

    setKeyRateLimit(engine.db, engine.tenantA.keyId, { perSecond: 1, burst: 1 });
    await client.listPeriods(setA).catch(() => undefined);
    const error = await client.listPeriods(setA).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 429, type: 'rate_limit_error', retryAfterSeconds: 1 });
  });
});
