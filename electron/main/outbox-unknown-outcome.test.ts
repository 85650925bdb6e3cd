import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';
import {
  freePort,
  passThrough,
  startStandIn,
  type StandInContext,
  type StandInServer,
} from './testing/stand-in-server.js';
import { tempDir } from './testing/test-support.js';

/**
 * Writes toward a server that never said it honours `Idempotency-Key`: a stand-in on 127.0.0.1 in
 * front of a real engine, which drops the key the client sends (so a resent write would be a second
 * voucher) and the engine's Idempotency-Key-Honoured header. The count of vouchers in the engine's
 * own database is the ground truth.
 */
let cloud: TestEngine;
let cloudUrl: string;
let h: ServicesHarness | undefined;
const servers: StandInServer[] = [];

beforeEach(async () => {
  cloud = createTestEngine();
  cloudUrl = await listenOnRandomPort(cloud.app);
});

afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await cloud.close();
});

type CreateBehaviour = (context: StandInContext, n: number) => Promise<void>;

/** A server without idempotency: forwards everything minus the key; voucher/create as `onCreate` says. */
async function serverWithoutIdempotency(onCreate: CreateBehaviour, port?: number): Promise<StandInServer> {
  let creates = 0;
  const server = await startStandIn({
    upstream: cloudUrl,
    port,
    async handle(context) {
      if (context.request.url === '/api/v2/voucher/create') {
        creates += 1;
        await onCreate(context, creates);
        return;
      }
      passThrough(context, await context.forward({ dropIdempotencyKey: true }));
    },
  });
  servers.push(server);
  return server;
}

const commitThenHangUp: CreateBehaviour = async (context) => {
  await context.forward({ dropIdempotencyKey: true });
  context.hangUp();
};
const hangUpUnread: CreateBehaviour = (context) => {
  context.hangUp();
  return Promise.resolve();
};
const forwardNormally: CreateBehaviour = async (context) => {
  passThrough(context, await context.forward({ dropIdempotencyKey: true }));
};

function voucher(accountId: string, n: number): VoucherCreateRequest {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract: `咨询费 ${String(n)}`, account_code: '560203', debit: 100 + n, credit: 0 },
      { abstract: `付咨询费 ${String(n)}`, account_code: '1002', debit: 0, credit: 100 + n },
    ],
  };
}

function cloudVoucherCount(): number {
  return cloud.db.prepare("SELECT count(*) FROM vouchers WHERE kind = 'normal'").pluck().get() as number;
}

async function connect(harness: ServicesHarness, server: StandInServer): Promise<string> {
  await harness.ok('setConnection', { mode: 'cloud', cloudBaseUrl: server.url });
  await harness.ok('setApiKey', { key: cloud.tenantA.apiKey });
  const sets = await harness.ok('listAccountSets', {});
  const active = sets.data.accounts.find((a) => a.status === 'active');
  if (!active) throw new Error('no active account set');
  return active.id;
}

const creates = (server: StandInServer) =>
  server.requests.filter((r) => r.url === '/api/v2/voucher/create').length;

describe('no duplicate voucher against a server that ignores Idempotency-Key', { timeout: 90_000 }, () => {
  test('it commits and then drops the connection: exactly one voucher, shown as 结果未知, never resent', async () => {
    let behaviour: CreateBehaviour = commitThenHangUp;
    const server = await serverWithoutIdempotency((c, n) => behaviour(c, n));
    h = await startServices();
    const accountId = await connect(h, server);

    const first = await h.ok('createVoucher', { voucher: voucher(accountId, 1) });
    expect(first).toMatchObject({ status: 'unknown', message: expect.stringMatching(/^结果未知/) as string });
    expect(cloudVoucherCount()).toBe(1);
    expect(creates(server)).toBe(1);
    const listed = await h.ok('listOutbox', {});
    expect(listed.counts).toEqual({ pending: 0, sending: 0, failed: 0, unknown: 1 });
    expect(listed.items[0]).toMatchObject({ state: 'unknown', attempts: 1 });

    // Later passes (another write drains the queue) leave it alone: still one request, one voucher.
    behaviour = forwardNormally;
    expect((await h.ok('createVoucher', { voucher: voucher(accountId, 2) })).status).toBe('created');
    expect(creates(server)).toBe(2);
    expect(cloudVoucherCount()).toBe(2);

    // 确认已入账: the user checked the list; done, and never sent again.
    if (first.status !== 'unknown') throw new Error('expected unknown');
    const confirmed = await h.ok('confirmOutboxItem', { id: first.outboxId });
    expect(confirmed).toMatchObject({ state: 'done', message: '已确认入账（由用户核对）' });
    expect((await h.ok('listOutbox', {})).counts.unknown).toBe(0);
    expect(await h.call('confirmOutboxItem', { id: first.outboxId })).toMatchObject({
      ok: false,
      error: { code: 409 },
    });
    expect(cloudVoucherCount()).toBe(2);
  });

  test('重新发送 after a reset that lost the request, 放弃 for another: one voucher for the first, none for the second', async () => {
    let behaviour: CreateBehaviour = hangUpUnread;
    const server = await serverWithoutIdempotency((c, n) => behaviour(c, n));
    h = await startServices();
    const accountId = await connect(h, server);

    const lost = await h.ok('createVoucher', { voucher: voucher(accountId, 1) });
    const dropped = await h.ok('createVoucher', { voucher: voucher(accountId, 2) });
    expect([lost.status, dropped.status]).toEqual(['unknown', 'unknown']);
    expect(cloudVoucherCount()).toBe(0);
    if (lost.status !== 'unknown' || dropped.status !== 'unknown') throw new Error('expected unknown');

    behaviour = forwardNormally;
    expect((await h.ok('retryOutboxItem', { id: lost.outboxId })).state).toMatch(/pending|sending|done/);
    await expect
      .poll(async () => (await h?.ok('listOutbox', {}))?.items.find((i) => i.id === lost.outboxId)?.state, {
        timeout: 15_000,
      })
      .toBe('done');
    expect(await h.ok('discardOutboxItem', { id: dropped.outboxId })).toEqual({ discarded: true });
    const after = await h.ok('listOutbox', {});
    expect(after.items.map((i) => i.id)).not.toContain(dropped.outboxId);
    expect(after.counts).toEqual({ pending: 0, sending: 0, failed: 0, unknown: 0 });
    expect(cloudVoucherCount()).toBe(1);
  });

  test('writes that provably did not arrive are still retried: 503 before the body, 429, connection refused', async () => {
    const server = await serverWithoutIdempotency(async (context, n) => {
      if (n === 1) context.reply(503, '<html>Service Unavailable</html>', { 'content-type': 'text/html' });
      else if (n === 2) {
        context.reply(
          429,
          JSON.stringify({ error: { code: 429, message: '请求过于频繁', type: 'rate_limit_error' } }),
          { 'retry-after': '1' },
        );
      } else await forwardNormally(context, n);
    });
    h = await startServices();
    const accountId = await connect(h, server);
    expect(await h.ok('createVoucher', { voucher: voucher(accountId, 1) })).toMatchObject({
      status: 'created',
    });
    expect(creates(server)).toBe(3);
    expect(cloudVoucherCount()).toBe(1);

    // Nothing listens at the address yet: refused, so queued (not 结果未知), and sent once it listens.
    const port = await freePort();
    await h.ok('setConnection', { mode: 'cloud', cloudBaseUrl: `http://127.0.0.1:${String(port)}` });
    await h.ok('setApiKey', { key: cloud.tenantA.apiKey });
    const queued = await h.ok('createVoucher', { voucher: voucher(accountId, 2) });
    expect(queued.status).toBe('queued');
    expect((await h.ok('listOutbox', {})).counts).toMatchObject({ pending: 1, unknown: 0 });
    const late = await serverWithoutIdempotency(forwardNormally, port);
    await expect
      .poll(async () => (await h?.ok('listOutbox', {}))?.counts, { timeout: 20_000 })
      .toEqual({ pending: 0, sending: 0, failed: 0, unknown: 0 });
    expect(creates(late)).toBe(1);
    expect(cloudVoucherCount()).toBe(2);
  });

  test('a write left `sending` by a crash: 结果未知 toward that server, queued again toward the local engine', async () => {
    const userDataDir = tempDir('outbox-crash');
    const server = await serverWithoutIdempotency(hangUpUnread);
    h = await startServices({ userDataDir });
    const accountId = await connect(h, server);
    const cloudItem = await h.ok('createVoucher', { voucher: voucher(accountId, 1) });
    expect(cloudItem.status).toBe('unknown');
    await h.close();
    h = undefined;

    // As if the app had died mid-send: both rows are `sending` on disk.
    const db = new Database(path.join(userDataDir, 'cache.db'));
    db.prepare("UPDATE outbox SET state = 'sending', message = NULL").run();
    db.prepare(
      `INSERT INTO outbox (scope, kind, idempotency_key, payload, state, attempts, created_at, updated_at)
       VALUES ('local', 'voucher.create', 'crash-local-1', ?, 'sending', 1, ?, ?)`,
    ).run(JSON.stringify(voucher('acc_placeholder', 2)), new Date().toISOString(), new Date().toISOString());
    db.close();

    h = await startServices({ userDataDir });
    const items = (await h.ok('listOutbox', {})).items;
    const cloudRow = items.find((i) => i.title.includes('¥101.00'));
    const localRow = items.find((i) => i.title.includes('¥102.00'));
    expect(cloudRow).toMatchObject({
      state: 'unknown',
      message: expect.stringMatching(/^结果未知/) as string,
    });
    // The local engine honours the key: its write is queued to go out again.
    expect(localRow).toMatchObject({ state: 'pending' });
    expect(creates(server)).toBe(1);
    expect(cloudVoucherCount()).toBe(0);
  });
});
