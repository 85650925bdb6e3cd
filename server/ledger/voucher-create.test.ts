import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvoiceRecord } from '../invoices/invoice-records.js';
import { issueKey, revokeKey } from '../tenancy/tenant-keys.js';
import {
  accountSetId,
  entry,
  getJson,
  ledgerSnapshot,
  postJson,
  seedExampleBody,
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
  await engine.close();
});

function create(body: unknown, apiKey = engine.tenantA.apiKey) {
  return postJson(engine, VOUCHER_CREATE, body, { apiKey });
}

function envelope(code: number, message: string): unknown {
  const types: Record<number, string> = {
    400: 'invalid_request_error',
    401: 'authentication_error',
    403: 'permission_error',
    404: 'not_found_error',
  };
  return { error: { code, message, type: types[code] } };
}

/** Posts `body`, expects the envelope, and checks that nothing at all was written. */
async function expectRefused(body: unknown, code: number, message: string, apiKey?: string): Promise<void> {
  const before = ledgerSnapshot(engine.db);
  const response = await create(body, apiKey);
  expect(response.statusCode, JSON.stringify(body).slice(0, 200)).toBe(code);
  expect(response.json()).toEqual(envelope(code, message));
  expect(ledgerSnapshot(engine.db)).toEqual(before);
}

describe('POST /api/v2/voucher/create', () => {
  it('posts the API document’s example as 记-1 and stores integer fen', async () => {
    const response = await create(seedExampleBody(setA));
    expect(response.statusCode).toBe(200);
    const body = response.json<{ voucher_id: string; voucher_no: string }>();
    expect(body).toEqual({
      voucher_id: expect.stringMatching(/^vch_[0-9A-Za-z]{20}$/) as string,
      voucher_no: '记-1',
    });
    expect(Object.keys(body).sort()).toEqual(['voucher_id', 'voucher_no']);

    const lines = engine.db
      .prepare(
        'SELECT account_code, debit_fen, credit_fen, abstract FROM voucher_lines WHERE voucher_id = ? ORDER BY line_no',
      )
      .all(body.voucher_id);
    expect(lines).toEqual([
      { account_code: '560203', debit_fen: 50_000, credit_fen: 0, abstract: '采购办公用品' },
      { account_code: '1002', debit_fen: 0, credit_fen: 50_000, abstract: '支付办公用品款' },
    ]);
    const voucher = await getJson(engine, `/api/v2/voucher/${body.voucher_id}`, engine.tenantA.apiKey);
    expect(voucher.json()).toMatchObject({
      voucher_no: '记-1',
      date: '2024-03-15',
      period: '2024-03',
      kind: 'normal',
      status: 'posted',
      debit_total: 500,
      credit_total: 500,
      entries: [
        { account_code: '560203', account_name: '办公费', debit: 500, credit: 0 },
        { account_code: '1002', account_name: '银行存款', debit: 0, credit: 500 },
      ],
    });
  });

  it('accepts many-to-many entries balanced in fen (0.1 + 0.2 = 0.3)', async () => {
    const response = await create({
      account_id: setA,
      date: '2024-02-29',
      entries: [
        entry('560203', 0.1, 0),
        entry('560204', 0.2, 0),
        entry('1001', 0, 0.05),
        entry('1002', 0, 0.25),
      ],
    });
    expect(response.json()).toMatchObject({ voucher_no: '记-1' });
  });

  it('refuses every broken voucher rule with 400 naming the field, writing nothing', async () => {
    const ok = seedExampleBody(setA);
    const [debitLine, creditLine] = ok.entries as [ReturnType<typeof entry>, ReturnType<typeof entry>];
    const cases: [unknown, string][] = [
      [{ ...ok, account_id: undefined }, '参数错误：account_id不能为空'],
      [{ ...ok, date: '2024-02-30' }, '参数错误：date 不是有效的日期'],
      [{ ...ok, date: '2024/03/15' }, '参数错误：date 格式应为 YYYY-MM-DD'],
      [{ ...ok, entries: [debitLine] }, '参数错误：entries 至少需要两条分录'],
      [{ ...ok, entries: 'x' }, '参数错误：entries 必须是数组'],
      [
        { ...ok, entries: [debitLine, { ...creditLine, debit: 500, credit: 0 }] },
        '参数错误：entries 至少需要一条借方分录和一条贷方分录',
      ],
      [
        { ...ok, entries: [{ ...debitLine, credit: 500 }, creditLine] },
        '参数错误：entries[0] 借方和贷方不能同时有金额',
      ],
      [
        { ...ok, entries: [debitLine, creditLine, entry('1001', 0, 0)] },
        '参数错误：entries[2] 借方或贷方必须有一方金额大于0',
      ],
      [
        { ...ok, entries: [{ ...debitLine, debit: 500.001 }, creditLine] },
        '参数错误：entries[0].debit 最多两位小数且不超过 999999999999.99',
      ],
      [
        { ...ok, entries: [{ ...debitLine, debit: -500 }, creditLine] },
        '参数错误：entries[0].debit 不能为负数',
      ],
      [
        { ...ok, entries: [{ ...debitLine, debit: '500' }, creditLine] },
        '参数错误：entries[0].debit 必须是数字',
      ],
      [
        { ...ok, entries: [{ ...debitLine, account_code: '5602' }, creditLine] },
        '参数错误：entries[0].account_code 5602（管理费用）不是末级科目，请选择其明细科目',
      ],
      [
        { ...ok, entries: [debitLine, { ...creditLine, account_code: '9999' }] },
        '参数错误：entries[1].account_code 不存在',
      ],
      [
        { ...ok, entries: [debitLine, { ...creditLine, account_code: '1002; DROP TABLE vouchers' }] },
        '参数错误：entries[1].account_code 科目编码应为4至12位数字',
      ],
      [
        { ...ok, entries: [debitLine, { ...creditLine, credit: 499.99 }] },
        '参数错误：借贷不平衡：借方合计 500.00，贷方合计 499.99',
      ],
      [
        { ...ok, entries: [{ ...debitLine, abstract: '  ' }, creditLine] },
        '参数错误：entries[0].abstract 摘要不能为空',
      ],
      [{ ...ok, memo: 'x' }, '参数错误：不支持的字段 memo'],
      [
        { ...ok, entries: [{ ...debitLine, memo: 'x' }, creditLine] },
        '参数错误：entries[0] 中不支持的字段 memo',
      ],
      [{ ...ok, account_id: "acc_1' OR '1'='1" }, '参数错误：account_id 格式应为 acc_ 开头的账套ID'],
      [{ ...ok, attachments: ['inv_missing'] }, '参数错误：attachments[0] 对应的票据在该账套中不存在'],
      [[ok], '参数错误：请求体应为 JSON 对象'],
      ['"text"', '参数错误：请求体应为 JSON 对象'],
      ['null', '参数错误：请求体不能为空'],
      ['{"account_id": ', '参数错误：请求体不是有效的 JSON'],
      [
        '{"account_id":"' +
          setA +
          '","date":"2024-03-15","entries":[{"abstract":"a","account_code":"560203","debit":1e309,"credit":0},{"abstract":"b","account_code":"1002","debit":0,"credit":1}]}',
        '参数错误：entries[0].debit 必须是数字',
      ],
    ];
    for (const [body, message] of cases) await expectRefused(body, 400, message);
  });

  it('refuses wrong content types and bodies over 1 MB with 400', async () => {
    const before = ledgerSnapshot(engine.db);
    const text = await engine.app.inject({
      method: 'POST',
      url: VOUCHER_CREATE,
      headers: { authorization: `Bearer ${engine.tenantA.apiKey}`, 'content-type': 'text/plain' },
      payload: JSON.stringify(seedExampleBody(setA)),
    });
    expect(text.json()).toEqual(envelope(400, '参数错误：不支持的 Content-Type，请使用 application/json'));
    const huge = await create({ ...seedExampleBody(setA), memo: 'x'.repeat(1_100_000) });
    expect(huge.json()).toEqual(envelope(400, '参数错误：请求体过大，JSON 请求体不能超过 1MB'));
    expect(ledgerSnapshot(engine.db)).toEqual(before);
  });

  it('links attachments that exist in the same account set, and only those', async () => {
    const invoice = createInvoiceRecord(engine.db, { accountSetId: setA, fileSha256: 'a'.repeat(64) });
    const setB = accountSetId(engine, engine.tenantB);
    const elsewhere = createInvoiceRecord(engine.db, { accountSetId: setB, fileSha256: 'b'.repeat(64) });

    await expectRefused(
      { ...seedExampleBody(setA), attachments: [elsewhere] },
      400,
      '参数错误：attachments[0] 对应的票据在该账套中不存在',
    );
    await expectRefused(
      { ...seedExampleBody(setA), attachments: [invoice, invoice] },
      400,
      '参数错误：attachments[1] 与前面的附件重复',
    );
    const response = await create({ ...seedExampleBody(setA), attachments: [invoice] });
    const { voucher_id } = response.json<{ voucher_id: string }>();
    const voucher = await getJson(engine, `/api/v2/voucher/${voucher_id}`, engine.tenantA.apiKey);
    expect(voucher.json()).toMatchObject({ attachments: [invoice] });
  });
});

describe('who may post where', () => {
  it('answers 404 for another tenant’s account set exactly as for one that does not exist', async () => {
    const setB = accountSetId(engine, engine.tenantB);
    await expectRefused(seedExampleBody(setB), 404, `资源不存在：账套 ${setB} 不存在`);
    await expectRefused(
      seedExampleBody('acc_doesNotExist0000'),
      404,
      '资源不存在：账套 acc_doesNotExist0000 不存在',
    );
    // The owner can of course post there.
    expect((await create(seedExampleBody(setB), engine.tenantB.apiKey)).statusCode).toBe(200);
  });

  it('answers 403 for a frozen account set, which stays readable', async () => {
    const frozen = accountSetId(engine, engine.tenantA, 'frozen');
    await expectRefused(
      seedExampleBody(frozen),
      403,
      '权限不足：账套「甲贸易有限公司」已冻结，不能新增或修改凭证',
    );
    const chart = await getJson(engine, `/api/v2/accounts/${frozen}/chart`, engine.tenantA.apiKey);
    expect(chart.statusCode).toBe(200);
  });

  it('answers 403 to a read-only key before looking at the body', async () => {
    const readOnly = issueKey(engine.db, { tenantId: engine.tenantA.id, scope: 'read_only' }).key;
    const message = '权限不足：该 API Key 为只读权限，不能创建或修改数据';
    await expectRefused(seedExampleBody(setA), 403, message, readOnly);
    await expectRefused('{not json', 403, message, readOnly);
    const list = await getJson(engine, `/api/v2/voucher/list?account_id=${setA}`, readOnly);
    expect(list.statusCode).toBe(200);
  });

  it('answers 401 to a revoked key', async () => {
    revokeKey(engine.db, engine.tenantA.id, engine.tenantA.keyId);
    await expectRefused(seedExampleBody(setA), 401, '未授权：API Key 无效或已过期');
  });
});
