import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import type { IpcEvent } from '../../shared/ipc.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';

const harnesses: ServicesHarness[] = [];

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function start(): Promise<ServicesHarness> {
  const h = await startServices();
  harnesses.push(h);
  return h;
}

function voucher(accountId: string, n: number): VoucherCreateRequest {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract: `采购办公用品 ${String(n)}`, account_code: '560203', debit: 100 + n, credit: 0 },
      { abstract: `支付办公用品款 ${String(n)}`, account_code: '1002', debit: 0, credit: 100 + n },
    ],
  };
}

async function activeAccountSet(h: ServicesHarness): Promise<string> {
  const { data } = await h.ok('listAccountSets', {});
  const set = data.accounts.find((a) => a.status === 'active');
  if (!set) throw new Error('no active demo account set');
  return set.id;
}

/** The engine's own database, opened read-only: the ground truth of what was created. */
function engineVoucherNumbers(h: ServicesHarness, accountId: string): string[] {
  const db = new Database(path.join(h.userDataDir, 'engine', 'engine.db'), { readonly: true });
  try {
    const rows = db
      .prepare("SELECT number FROM vouchers WHERE account_set_id = ? AND kind = 'normal' ORDER BY number")
      .all(accountId);
    return z
      .array(z.object({ number: z.number().int() }))
      .parse(rows)
      .map((r) => `记-${String(r.number)}`);
  } finally {
    db.close();
  }
}

const outboxCounts = (events: IpcEvent[]) => events.filter((e) => e.type === 'outbox-changed');

describe('offline: cached reads, queued writes, drained exactly once', () => {
  test('with the engine stopped, reads answer from the cache with the age of the last live read', async () => {
    const h = await start();
    const live = await h.ok('listAccountSets', {});
    expect(live.source).toBe('live');
    const accountId = live.data.accounts.find((a) => a.status === 'active')?.id ?? '';
    const chart = await h.ok('getChart', { accountSetId: accountId });
    expect(chart.source).toBe('live');
    expect(chart.data.accounts.length).toBeGreaterThan(50);
    const vouchers = await h.ok('listVouchers', { accountSetId: accountId });
    expect(vouchers.source).toBe('live');
    const reportArgs = {
      accountSetId: accountId,
      type: 'balance',
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    } as const;
    const report = await h.ok('getReport', reportArgs);
    expect(report.source).toBe('live');
    expect(report.data.report_data.title).toBe('资产负债表');

    await h.services.engine.stop();
    const cached = await h.ok('listAccountSets', {});
    expect(cached).toEqual({ data: live.data, source: 'cache', fetchedAt: live.fetchedAt });
    expect(await h.ok('getChart', { accountSetId: accountId })).toEqual({ ...chart, source: 'cache' });
    expect(await h.ok('listVouchers', { accountSetId: accountId })).toEqual({ ...vouchers, source: 'cache' });
    expect(await h.ok('getReport', reportArgs)).toEqual({ ...report, source: 'cache' });
    expect((await h.ok('getSettings', {})).reachability).toBe('offline');
    expect(h.events).toContainEqual({ type: 'reachability', reachability: 'offline' });

    // Nothing cached for this one: the offline error itself comes back, in Chinese.
    const uncached = await h.call('getChart', { accountSetId: 'acc_neverread' });
    expect(uncached).toMatchObject({ ok: false, error: { code: 503, type: 'network_error' } });

    // Answers that are errors are never hidden behind the cache.
    await h.services.engine.start();
    const missing = await h.call('getChart', { accountSetId: 'acc_doesnotexist' });
    expect(missing).toMatchObject({ ok: false, error: { code: 404 } });
    expect((await h.ok('listAccountSets', {})).source).toBe('live');
    expect((await h.ok('getSettings', {})).reachability).toBe('online');
  });

  test('writes made offline queue in the outbox and drain in order once the engine is back', async () => {
    const h = await start();
    const accountId = await activeAccountSet(h);
    const online = await h.ok('createVoucher', { voucher: voucher(accountId, 0) });
    expect(online).toEqual({
      status: 'created',
      voucher_id: expect.any(String) as string,
      voucher_no: '记-1',
    });

    await h.services.engine.stop();
    const queued = [];
    for (let n = 1; n <= 3; n += 1)
      queued.push(await h.ok('createVoucher', { voucher: voucher(accountId, n) }));
    expect(queued.map((q) => q.status)).toEqual(['queued', 'queued', 'queued']);
    const waiting = await h.ok('listOutbox', {});
    expect(waiting.counts).toEqual({ pending: 3, sending: 0, failed: 0, unknown: 0 });
    expect(waiting.items.filter((i) => i.state === 'pending').map((i) => i.title)).toEqual([
      '凭证 2024-03-15 · 借方合计 ¥103.00',
      '凭证 2024-03-15 · 借方合计 ¥102.00',
      '凭证 2024-03-15 · 借方合计 ¥101.00',
    ]);
    expect(outboxCounts(h.events).at(-1)).toEqual({
      type: 'outbox-changed',
      counts: { pending: 3, sending: 0, failed: 0, unknown: 0 },
    });

    await h.services.engine.start();
    await expect
      .poll(async () => (await h.ok('listOutbox', {})).counts, { timeout: 60_000 })
      .toEqual({ pending: 0, sending: 0, failed: 0, unknown: 0 });
    const done = (await h.ok('listOutbox', {})).items.filter((i) => i.state === 'done');
    expect(done.map((i) => i.title).toReversed()).toEqual([
      '凭证 2024-03-15 · 借方合计 ¥100.00 · 记-1',
      '凭证 2024-03-15 · 借方合计 ¥101.00 · 记-2',
      '凭证 2024-03-15 · 借方合计 ¥102.00 · 记-3',
      '凭证 2024-03-15 · 借方合计 ¥103.00 · 记-4',
    ]);
    expect(engineVoucherNumbers(h, accountId)).toEqual(['记-1', '记-2', '记-3', '记-4']);
  }, 120_000);

  test('a write the engine rejects fails in the outbox with its Chinese message and is not retried', async () => {
    const h = await start();
    const accountId = await activeAccountSet(h);
    // Refused online: the caller gets the engine's 400 and nothing stays queued.
    const bad = {
      ...voucher(accountId, 1),
      entries: [
        voucher(accountId, 1).entries[0],
        { abstract: '不平', account_code: '1002', debit: 0, credit: 1 },
      ],
    };
    const refused = await h.call('createVoucher', { voucher: bad as VoucherCreateRequest });
    expect(refused).toMatchObject({ ok: false, error: { code: 400, type: 'invalid_request_error' } });
    expect((await h.ok('listOutbox', {})).items).toEqual([]);

    // Queued offline, refused when sent: failed, with the message, and the next one still goes out.
    await h.services.engine.stop();
    expect((await h.ok('createVoucher', { voucher: bad as VoucherCreateRequest })).status).toBe('queued');
    expect((await h.ok('createVoucher', { voucher: voucher(accountId, 2) })).status).toBe('queued');
    await h.services.engine.start();
    await expect
      .poll(async () => (await h.ok('listOutbox', {})).counts, { timeout: 20_000 })
      .toEqual({ pending: 0, sending: 0, failed: 1, unknown: 0 });
    const [good, failed] = (await h.ok('listOutbox', {})).items;
    expect(good?.state).toBe('done');
    expect(failed?.state).toBe('failed');
    expect(failed?.message).toMatch(/^提交失败：.*借贷/);
    expect(engineVoucherNumbers(h, accountId)).toEqual(['记-1']);

    // Later passes leave it alone.
    expect((await h.ok('createVoucher', { voucher: voucher(accountId, 3) })).status).toBe('created');
    const later = (await h.ok('listOutbox', {})).items.find((i) => i.id === failed?.id);
    expect(later).toEqual(failed);
  });

  test('killing the engine again and again while it drains still gives exactly one voucher per write', async () => {
    const h = await start();
    const accountId = await activeAccountSet(h);
    await h.services.engine.stop();
    const WRITES = 8;
    for (let n = 1; n <= WRITES; n += 1) {
      expect((await h.ok('createVoucher', { voucher: voucher(accountId, n) })).status).toBe('queued');
    }

    // Crash the engine (SIGKILL) a few ms after each of the first sends begins: some requests never
    // arrive, some arrive and commit but their answer is lost — the retry carries the same key.
    let kills = 0;
    h.services.events.subscribe((event) => {
      const running = h.services.engine.status.state === 'running';
      if (event.type === 'outbox-changed' && event.counts.sending > 0 && running && kills < 4) {
        kills += 1;
        setTimeout(() => {
          try {
            h.killEngine();
          } catch {
            // Already gone: the host is restarting it.
          }
        }, kills * 7);
      }
    });
    await h.services.engine.start();
    await expect
      .poll(async () => (await h.ok('listOutbox', {})).counts, { timeout: 60_000, interval: 200 })
      .toMatchObject({ pending: 0, sending: 0 });
    // Shown with their messages if any failed.
    expect((await h.ok('listOutbox', {})).items.filter((i) => i.state !== 'done')).toEqual([]);

    expect(kills).toBe(4);
    const restarts = h.events.filter((e) => e.type === 'engine-status' && e.status.state === 'running');
    expect(restarts.length).toBeGreaterThanOrEqual(2);
    const done = (await h.ok('listOutbox', {})).items;
    expect(done).toHaveLength(WRITES);
    expect(done.every((i) => i.state === 'done')).toBe(true);
    const numbers = engineVoucherNumbers(h, accountId);
    expect(numbers).toHaveLength(WRITES);
    expect(new Set(numbers).size).toBe(WRITES);
    // In order: the n-th write got the n-th number.
    expect(done.toReversed().map((i) => i.title.split(' · ').at(-1))).toEqual(numbers);
  }, 90_000);
});
