import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodCloseResponse, Voucher, VoucherListResponse } from '../../shared/api/index.js';
import { issueKey } from '../tenancy/tenant-keys.js';
import {
  accountSetId,
  balanceThrough,
  entry,
  getJson,
  ledgerSnapshot,
  ledgerTotals,
  postJson,
  totalsMismatches,
  VOUCHER_CREATE,
} from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

let engine: TestEngine;
let setA: string;
beforeEach(() => {
  engine = createTestEngine();
  setA = accountSetId(engine, engine.tenantA);
});
afterEach(async () => {
  expect(totalsMismatches(engine.db)).toEqual([]);
  const totals = ledgerTotals(engine.db);
  expect(totals.debit).toBe(totals.credit);
  await engine.close();
});

const key = () => engine.tenantA.apiKey;

async function post(url: string, body: unknown, apiKey = key()) {
  const response = await postJson(engine, url, body, { apiKey });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

/** A sale (1002 ← 5001) and an expense (560203 ← 1002) in yuan. */
async function trade(date: string, sale: number, expense: number): Promise<void> {
  const base = { account_id: setA, date };
  if (sale > 0) {
    const r = await post(VOUCHER_CREATE, {
      ...base,
      entries: [entry('1002', sale, 0), entry('5001', 0, sale)],
    });
    expect(r.status).toBe(200);
  }
  if (expense > 0) {
    const r = await post(VOUCHER_CREATE, {
      ...base,
      entries: [entry('560203', expense, 0), entry('1002', 0, expense)],
    });
    expect(r.status).toBe(200);
  }
}

async function close(period: string, apiKey = key()) {
  return post('/api/v2/period/close', { account_id: setA, period }, apiKey);
}
async function reopen(period: string) {
  return post('/api/v2/period/reopen', { account_id: setA, period });
}
async function voucher(id: string): Promise<Voucher> {
  return (await getJson(engine, `/api/v2/voucher/${id}`, key())).json<Voucher>();
}
/** Credit balance in yuan (the side 3103/3104/5001 normally carry). */
const creditBalance = (code: string, period: string) =>
  (0 - balanceThrough(engine.db, setA, code, period)) / 100;

describe('period close (结转损益)', () => {
  it('moves every 损益 balance of the month into 3103 with one closing voucher', async () => {
    await trade('2024-03-05', 1000, 300);
    await post(VOUCHER_CREATE, {
      account_id: setA,
      date: '2024-03-20',
      entries: [entry('560301', 12.34, 0), entry('530101', 0, 50), entry('1002', 37.66, 0)],
    });
    const result = await close('2024-03');
    expect(result.status).toBe(200);
    const closed = result.body as unknown as PeriodCloseResponse;
    expect(closed).toMatchObject({
      period: '2024-03',
      status: 'closed',
      closing_voucher_no: '记-4',
      net_profit: 737.66,
    });

    const closing = await voucher(closed.closing_voucher_id ?? '');
    expect(closing).toMatchObject({ kind: 'closing', date: '2024-03-31', status: 'posted' });
    expect(closing.entries.map((e) => [e.account_code, e.debit, e.credit])).toEqual([
      ['5001', 1000, 0],
      ['530101', 50, 0],
      ['560203', 0, 300],
      ['560301', 0, 12.34],
      ['3103', 0, 737.66],
    ]);
    for (const code of ['5001', '530101', '560203', '560301'])
      expect(creditBalance(code, '2024-03'), code).toBe(0);
    expect(creditBalance('3103', '2024-03')).toBe(737.66);
    expect(creditBalance('3104', '2024-03')).toBe(0);
  });

  it('debits 3103 for a loss and posts no voucher for a month without 损益', async () => {
    await trade('2024-03-05', 100, 250);
    const loss = await close('2024-03');
    expect(loss.body).toMatchObject({ net_profit: -150 });
    expect(creditBalance('3103', '2024-03')).toBe(-150);

    await post(VOUCHER_CREATE, {
      account_id: setA,
      date: '2024-04-02',
      entries: [entry('1001', 10, 0), entry('1002', 0, 10)],
    });
    const quiet = await close('2024-04');
    expect(quiet.body).toMatchObject({ closing_voucher_id: null, closing_voucher_no: null, net_profit: 0 });
  });

  it('in December also carries 本年利润 3103 into 利润分配 3104, leaving 3103 at zero', async () => {
    await trade('2024-11-10', 1000, 300);
    await trade('2024-12-10', 500, 300);
    expect((await close('2024-11')).body).toMatchObject({ net_profit: 700 });
    expect(creditBalance('3103', '2024-11')).toBe(700);

    const december = await close('2024-12');
    expect(december.body).toMatchObject({ net_profit: 200 });
    const closing = await voucher(String(december.body.closing_voucher_id));
    expect(closing.entries.map((e) => [e.abstract, e.account_code, e.debit, e.credit])).toEqual([
      ['结转损益', '5001', 500, 0],
      ['结转损益', '560203', 0, 300],
      ['结转损益', '3103', 0, 200],
      ['结转本年利润', '3103', 900, 0],
      ['结转本年利润', '3104', 0, 900],
    ]);
    expect(creditBalance('3103', '2024-12')).toBe(0);
    expect(creditBalance('3104', '2024-12')).toBe(900);

    // The new year starts its own 本年利润.
    await trade('2025-01-08', 80, 0);
    await close('2025-01');
    expect(creditBalance('3103', '2025-01')).toBe(80);
    expect(creditBalance('3104', '2025-01')).toBe(900);
  });

  it('closes periods in order, once', async () => {
    await trade('2024-03-05', 100, 0);
    await trade('2024-05-05', 100, 0);
    expect(await close('2024-05')).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：请先结账 2024-03，期间须按顺序结账' } },
    });
    expect((await close('2024-03')).status).toBe(200);
    expect(await close('2024-03')).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：2024-03 已结账' } },
    });
    expect(await close('2024-05')).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：请先结账 2024-04，期间须按顺序结账' } },
    });
    expect((await close('2024-04')).status).toBe(200);
    expect((await close('2024-05')).status).toBe(200);
  });

  it('locks closed periods (and everything before them) against new vouchers with 403', async () => {
    await trade('2024-03-05', 100, 0);
    await close('2024-03');
    const before = ledgerSnapshot(engine.db);
    const sale = { entries: [entry('1002', 1, 0), entry('5001', 0, 1)], account_id: setA };
    expect(await post(VOUCHER_CREATE, { ...sale, date: '2024-03-31' })).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: '权限不足：2024-03 期间已结账，不能新增凭证（如需修改请先反结账）',
          type: 'permission_error',
        },
      },
    });
    expect(await post(VOUCHER_CREATE, { ...sale, date: '2023-12-31' })).toMatchObject({
      status: 403,
      body: { error: { message: '权限不足：2023-12 早于已结账的 2024-03，不能再新增凭证' } },
    });
    expect(ledgerSnapshot(engine.db)).toEqual(before);
    expect((await post(VOUCHER_CREATE, { ...sale, date: '2024-04-01' })).status).toBe(200);
  });

  it('refuses closing to frozen sets (403), read-only keys (403) and other tenants (404)', async () => {
    const frozen = accountSetId(engine, engine.tenantA, 'frozen');
    expect((await post('/api/v2/period/close', { account_id: frozen, period: '2024-03' })).status).toBe(403);
    const readOnly = issueKey(engine.db, { tenantId: engine.tenantA.id, scope: 'read_only' }).key;
    expect((await close('2024-03', readOnly)).status).toBe(403);
    expect((await close('2024-03', engine.tenantB.apiKey)).status).toBe(404);
    expect(await post('/api/v2/period/close', { account_id: setA, period: '2024-13' })).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：period 格式应为 YYYY-MM' } },
    });
  });
});

describe('period reopen (反结账)', () => {
  it('is allowed only while the next period is open', async () => {
    await trade('2024-03-05', 100, 0);
    await close('2024-03');
    await close('2024-04');
    expect(await reopen('2024-03')).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：2024-04 已结账，请先对 2024-04 反结账' } },
    });
    expect(await reopen('2024-05')).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：2024-05 未结账，无需反结账' } },
    });
    expect((await reopen('2024-04')).body).toMatchObject({ status: 'open', voided_voucher_id: null });
    expect((await reopen('2024-03')).status).toBe(200);
  });

  it('voids the closing voucher, keeps its number taken, and a new close takes a new number', async () => {
    await trade('2024-03-05', 1000, 300);
    const first = await close('2024-03');
    expect(first.body).toMatchObject({ closing_voucher_no: '记-3' });
    expect(creditBalance('3103', '2024-03')).toBe(700);

    const reopened = await reopen('2024-03');
    expect(reopened.body).toMatchObject({ status: 'open', voided_voucher_no: '记-3' });
    expect(await voucher(String(first.body.closing_voucher_id))).toMatchObject({
      status: 'voided',
      voided_at: expect.any(String) as string,
    });
    // Back to the balances before the close.
    expect(creditBalance('3103', '2024-03')).toBe(0);
    expect(creditBalance('5001', '2024-03')).toBe(1000);

    await trade('2024-03-30', 0, 100);
    const list = (
      await getJson(engine, `/api/v2/voucher/list?account_id=${setA}&period=2024-03`, key())
    ).json<VoucherListResponse>();
    expect(list.vouchers.map((v) => [v.voucher_no, v.status])).toEqual([
      ['记-1', 'posted'],
      ['记-2', 'posted'],
      ['记-3', 'voided'],
      ['记-4', 'posted'],
    ]);
    const second = await close('2024-03');
    expect(second.body).toMatchObject({ closing_voucher_no: '记-5', net_profit: 600 });
    expect(creditBalance('3103', '2024-03')).toBe(600);

    const periods = await getJson(engine, `/api/v2/period/list?account_id=${setA}`, key());
    expect(periods.json()).toMatchObject({
      periods: [{ period: '2024-03', status: 'closed', voucher_count: 5, last_voucher_no: '记-5' }],
    });
  });
});
