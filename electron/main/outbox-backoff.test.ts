import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import { FAST_TIMINGS, startServices, type ServicesHarness } from './testing/services-harness.js';
import { passThrough, startStandIn, type StandInServer } from './testing/stand-in-server.js';

/**
 * One bad item must not stop the outbox. A real engine behind a stand-in on 127.0.0.1 that keeps
 * the engine's Idempotency-Key-Honoured header (so faults are retried under the same key) but
 * answers 500 to every voucher whose 摘要 contains 「毒」 — a payload that always fails.
 */
let cloud: TestEngine;
let cloudUrl: string;
let server: StandInServer;
let h: ServicesHarness | undefined;
let poison = true;
let down = false;

beforeEach(async () => {
  cloud = createTestEngine();
  cloudUrl = await listenOnRandomPort(cloud.app);
  poison = true;
  down = false;
  server = await startStandIn({
    upstream: cloudUrl,
    async handle(context) {
      if (down) {
        context.hangUp();
        return;
      }
      if (poison && context.request.url === '/api/v2/voucher/create' && context.request.body.includes('毒')) {
        context.reply(
          500,
          JSON.stringify({ error: { code: 500, message: '服务器错误：写入失败', type: 'api_error' } }),
          { 'idempotency-key-honoured': 'true' },
        );
        return;
      }
      passThrough(context, await context.forward(), true);
    },
  });
});

afterEach(async () => {
  await h?.close();
  h = undefined;
  await server.close();
  await cloud.close();
});

function voucher(accountId: string, abstract: string, amount: number): VoucherCreateRequest {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract, account_code: '560203', debit: amount, credit: 0 },
      { abstract: `付 ${abstract}`, account_code: '1002', debit: 0, credit: amount },
    ],
  };
}

function cloudVoucherNumbers(): number[] {
  const rows = cloud.db
    .prepare("SELECT number FROM vouchers WHERE kind = 'normal' ORDER BY number")
    .pluck()
    .all() as number[];
  return rows;
}

async function start(): Promise<{ harness: ServicesHarness; accountId: string }> {
  const harness = await startServices({
    timings: {
      ...FAST_TIMINGS,
      outboxItemBackoffMs: [50, 100],
      outboxMaxFailedTries: 3,
      voucherWaitMs: 3_000,
    },
  });
  await harness.ok('setConnection', { mode: 'cloud', cloudBaseUrl: server.url });
  await harness.ok('setApiKey', { key: cloud.tenantA.apiKey });
  const sets = await harness.ok('listAccountSets', {});
  const active = sets.data.accounts.find((a) => a.status === 'active');
  if (!active) throw new Error('no active account set');
  return { harness, accountId: active.id };
}

describe('one bad item does not stop the outbox', { timeout: 90_000 }, () => {
  test('a payload that always gets a 5xx backs off, fails after its cap, and the writes behind it go out', async () => {
    const started = await start();
    h = started.harness;
    const { accountId } = started;

    // Queued while the server cannot be reached: the poisoned one first, two good ones behind it.
    down = true;
    const queued = [
      await h.ok('createVoucher', { voucher: voucher(accountId, '毒 坏数据', 101) }),
      await h.ok('createVoucher', { voucher: voucher(accountId, '办公用品', 102) }),
      await h.ok('createVoucher', { voucher: voucher(accountId, '差旅费', 103) }),
    ];
    expect(queued.map((q) => q.status)).toEqual(['queued', 'queued', 'queued']);
    expect((await h.ok('listOutbox', {})).counts).toMatchObject({ pending: 3, failed: 0 });

    down = false;
    await expect
      .poll(async () => (await h?.ok('listOutbox', {}))?.counts, { timeout: 30_000, interval: 100 })
      .toEqual({ pending: 0, sending: 0, failed: 1, unknown: 0 });
    const items = (await h.ok('listOutbox', {})).items;
    const bad = items.find((i) => i.title.includes('¥101.00'));
    expect(bad).toMatchObject({ state: 'failed' });
    expect(bad?.message).toMatch(/^提交失败（已尝试 3 次）：服务器错误：写入失败/);
    expect(items.filter((i) => i.state === 'done').map((i) => i.title.split(' · ')[1])).toEqual([
      '借方合计 ¥103.00',
      '借方合计 ¥102.00',
    ]);
    expect(cloudVoucherNumbers()).toHaveLength(2);

    // 重试 from the renderer, once the server takes it: delivered, exactly once.
    if (!bad) throw new Error('no failed item');
    poison = false;
    const retried = await h.ok('retryOutboxItem', { id: bad.id });
    expect(['pending', 'sending', 'done']).toContain(retried.state);
    await expect
      .poll(async () => (await h?.ok('listOutbox', {}))?.items.find((i) => i.id === bad.id)?.state, {
        timeout: 15_000,
      })
      .toBe('done');
    expect(cloudVoucherNumbers()).toHaveLength(3);
  });

  test('放弃 drops a failed item; an id no longer queued is refused with its reason, a malformed one with 400', async () => {
    const started = await start();
    h = started.harness;
    const submitted = await h.ok('createVoucher', { voucher: voucher(started.accountId, '毒 又一条', 104) });
    expect(submitted.status).toBe('queued');
    if (submitted.status !== 'queued') throw new Error('expected queued');
    await expect
      .poll(async () => (await h?.ok('listOutbox', {}))?.counts.failed, { timeout: 20_000, interval: 100 })
      .toBe(1);
    expect(await h.ok('discardOutboxItem', { id: submitted.outboxId })).toEqual({ discarded: true });
    expect((await h.ok('listOutbox', {})).items).toEqual([]);
    expect(await h.call('discardOutboxItem', { id: submitted.outboxId })).toMatchObject({
      ok: false,
      error: { code: 404, message: '待发送队列中没有这条记录（可能已处理）' },
    });
    expect(await h.call('retryOutboxItem', { id: -1 })).toMatchObject({
      ok: false,
      error: { code: 400 },
    });
    expect(cloudVoucherNumbers()).toHaveLength(0);
  });
});
