import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Voucher } from '../../shared/api/index.js';
import { issueKey } from '../tenancy/tenant-keys.js';
import { setAccountSetStatus } from '../tenancy/account-sets.js';
import {
  accountSetId,
  balanceThrough,
  getJson,
  ledgerSnapshot,
  ledgerTotals,
  postJson,
  seedExampleBody,
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
  await engine.close();
});

async function createVoucher(date = '2024-03-15'): Promise<string> {
  const response = await postJson(engine, VOUCHER_CREATE, seedExampleBody(setA, date), {
    apiKey: engine.tenantA.apiKey,
  });
  return response.json<{ voucher_id: string }>().voucher_id;
}

async function reverse(voucherId: string, body: unknown = {}, apiKey = engine.tenantA.apiKey) {
  const response = await postJson(engine, `/api/v2/voucher/${voucherId}/reverse`, body, { apiKey });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function voucher(id: string): Promise<Voucher> {
  return (await getJson(engine, `/api/v2/voucher/${id}`, engine.tenantA.apiKey)).json<Voucher>();
}

describe('红字冲销 POST /api/v2/voucher/{voucher_id}/reverse', () => {
  it('posts the same lines in red (negative) amounts and marks the original reversed', async () => {
    const original = await createVoucher();
    const result = await reverse(original);
    expect(result).toEqual({
      status: 200,
      body: {
        voucher_id: expect.stringMatching(/^vch_/) as string,
        voucher_no: '记-2',
        reverses_voucher_id: original,
      },
    });
    const red = await voucher(String(result.body.voucher_id));
    expect(red).toMatchObject({
      kind: 'reversal',
      status: 'posted',
      date: '2024-03-15',
      reverses_voucher_id: original,
      debit_total: -500,
      credit_total: -500,
    });
    expect(red.entries.map((e) => [e.abstract, e.account_code, e.debit, e.credit])).toEqual([
      ['冲销2024-03记-1：采购办公用品', '560203', -500, 0],
      ['冲销2024-03记-1：支付办公用品款', '1002', 0, -500],
    ]);
    expect(await voucher(original)).toMatchObject({
      status: 'reversed',
      reversed_by_voucher_id: red.voucher_id,
    });

    // The accounts are back where they were, turnover included, and the ledger still balances.
    for (const code of ['560203', '1002']) expect(balanceThrough(engine.db, setA, code, '2024-03')).toBe(0);
    const turnover = engine.db
      .prepare(
        "SELECT debit_fen, credit_fen FROM account_period_totals WHERE account_set_id = ? AND account_code = '560203'",
      )
      .get(setA);
    expect(turnover).toEqual({ debit_fen: 0, credit_fen: 0 });
    const totals = ledgerTotals(engine.db);
    expect(totals.debit).toBe(totals.credit);
  });

  it('refuses reversing twice, reversing a red voucher, or a closing voucher, with 400', async () => {
    const original = await createVoucher();
    const red = String((await reverse(original)).body.voucher_id);
    const before = ledgerSnapshot(engine.db);
    expect(await reverse(original)).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：2024-03 记-1 已被冲销，不能重复冲销' } },
    });
    expect(await reverse(red)).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：记-2 本身是红字冲销凭证，不能再冲销' } },
    });
    expect(ledgerSnapshot(engine.db)).toEqual(before);

    await postJson(
      engine,
      VOUCHER_CREATE,
      {
        ...seedExampleBody(setA),
        entries: [
          { abstract: '收入', account_code: '1002', debit: 10, credit: 0 },
          { abstract: '收入', account_code: '5001', debit: 0, credit: 10 },
        ],
      },
      { apiKey: engine.tenantA.apiKey },
    );
    const close = await postJson(
      engine,
      '/api/v2/period/close',
      { account_id: setA, period: '2024-03' },
      {
        apiKey: engine.tenantA.apiKey,
      },
    );
    const closing = close.json<{ closing_voucher_id: string }>().closing_voucher_id;
    expect(await reverse(closing, { date: '2024-04-01' })).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：记-4 是结转损益凭证，不能冲销；请对 2024-03 反结账' } },
    });
  });

  it('needs a date in an open period when the original’s period is closed', async () => {
    const original = await createVoucher();
    await postJson(
      engine,
      '/api/v2/period/close',
      { account_id: setA, period: '2024-03' },
      {
        apiKey: engine.tenantA.apiKey,
      },
    );
    expect((await reverse(original)).status).toBe(403);
    expect(await reverse(original, { date: '2024-03-01' })).toMatchObject({ status: 400 });
    const result = await reverse(original, { date: '2024-04-02' });
    expect(result.body).toMatchObject({ voucher_no: '记-1' });
    expect(await voucher(String(result.body.voucher_id))).toMatchObject({
      period: '2024-04',
      date: '2024-04-02',
    });
    expect(await reverse(original, { date: 'tomorrow' })).toMatchObject({
      status: 400,
      body: { error: { message: '参数错误：date 格式应为 YYYY-MM-DD' } },
    });
  });

  it('answers 404 for vouchers of other tenants and unknown ids, 403 for frozen sets and read-only keys', async () => {
    const original = await createVoucher();
    const notFound = {
      status: 404,
      body: { error: { code: 404, message: '资源不存在：凭证不存在', type: 'not_found_error' } },
    };
    expect(await reverse(original, {}, engine.tenantB.apiKey)).toEqual(notFound);
    expect(await reverse('vch_doesNotExist000', {})).toEqual(notFound);
    expect((await getJson(engine, `/api/v2/voucher/${original}`, engine.tenantB.apiKey)).statusCode).toBe(
      404,
    );

    const readOnly = issueKey(engine.db, { tenantId: engine.tenantA.id, scope: 'read_only' }).key;
    expect((await reverse(original, {}, readOnly)).status).toBe(403);
    setAccountSetStatus(engine.db, setA, 'frozen');
    expect((await reverse(original)).body).toMatchObject({
      error: { code: 403, message: '权限不足：账套「甲科技有限公司」已冻结，不能新增或修改凭证' },
    });
    expect((await voucher(original)).status).toBe('posted');
  });
});
