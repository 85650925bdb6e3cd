import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chartResponseSchema,
  periodListResponseSchema,
  voucherListResponseSchema,
} from '../../shared/api/index.js';
import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import {
  accountSetId,
  getJson,
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

const get = (url: string, apiKey = engine.tenantA.apiKey) => getJson(engine, url, apiKey);

async function postVouchers(count: number, date: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const response = await postJson(engine, VOUCHER_CREATE, seedExampleBody(setA, date), {
      apiKey: engine.tenantA.apiKey,
    });
    expect(response.statusCode).toBe(200);
  }
}

describe('GET /api/v2/accounts/{account_id}/chart', () => {
  it('lists the default chart with leaf flags, class, side and tags', async () => {
    const response = await get(`/api/v2/accounts/${setA}/chart`);
    expect(response.statusCode).toBe(200);
    const chart = chartResponseSchema.parse(response.json());
    expect(chart.account_id).toBe(setA);
    expect(chart.accounts).toHaveLength(DEFAULT_CHART.length);
    expect(chart.accounts.filter((a) => a.parent === null)).toHaveLength(66);
    const leaves = leafCodes(DEFAULT_CHART);
    for (const account of chart.accounts)
      expect(account.is_leaf, account.code).toBe(leaves.has(account.code));
    expect(chart.accounts.find((a) => a.code === '560203')).toEqual({
      code: '560203',
      name: '办公费',
      class: '损益',
      side: 'debit',
      parent: '5602',
      is_leaf: true,
      tags: [],
    });
    expect(chart.accounts.find((a) => a.code === '22210101')?.tags).toEqual(['进项税额']);
    expect(chart.accounts.map((a) => a.code)).toEqual([...chart.accounts.map((a) => a.code)].sort());
  });

  it('answers 404 for another tenant’s set and 400 for a malformed id or stray query', async () => {
    const setB = accountSetId(engine, engine.tenantB);
    expect((await get(`/api/v2/accounts/${setB}/chart`)).json()).toEqual({
      error: { code: 404, message: `资源不存在：账套 ${setB} 不存在`, type: 'not_found_error' },
    });
    expect((await get('/api/v2/accounts/not-an-id/chart')).json()).toMatchObject({
      error: { code: 400, message: '参数错误：account_id 格式应为 acc_ 开头的账套ID' },
    });
    expect((await get(`/api/v2/accounts/${setA}/chart?x=1`)).statusCode).toBe(400);
  });
});

describe('GET /api/v2/voucher/list', () => {
  it('pages by period and number with the total', async () => {
    await postVouchers(3, '2024-03-10');
    await postVouchers(2, '2024-04-10');
    const page = await get(`/api/v2/voucher/list?account_id=${setA}&page=2&page_size=2`);
    const body = voucherListResponseSchema.parse(page.json());
    expect(body.total).toBe(5);
    expect([body.page, body.page_size]).toEqual([2, 2]);
    expect(body.vouchers.map((v) => `${v.period} ${v.voucher_no}`)).toEqual(['2024-03 记-3', '2024-04 记-1']);
    expect(body.vouchers[0]?.entries).toHaveLength(2);

    const april = voucherListResponseSchema.parse(
      (await get(`/api/v2/voucher/list?account_id=${setA}&period=2024-04`)).json(),
    );
    expect([april.total, april.page, april.page_size, april.vouchers.length]).toEqual([2, 1, 20, 2]);
    const beyond = voucherListResponseSchema.parse(
      (await get(`/api/v2/voucher/list?account_id=${setA}&page=9`)).json(),
    );
    expect([beyond.total, beyond.vouchers.length]).toEqual([5, 0]);
  });

  it('refuses bad paging and periods with 400 and other tenants’ sets with 404', async () => {
    const cases: [string, string][] = [
      ['page=0', '参数错误：page 应为正整数'],
      ['page=abc', '参数错误：page 应为正整数'],
      ['page_size=101', '参数错误：page_size 不能超过 100'],
      ['period=2024-3', '参数错误：period 格式应为 YYYY-MM'],
      ['sort=desc', '参数错误：不支持的字段 sort'],
    ];
    for (const [query, message] of cases) {
      expect((await get(`/api/v2/voucher/list?account_id=${setA}&${query}`)).json(), query).toMatchObject({
        error: { code: 400, message },
      });
    }
    expect((await get('/api/v2/voucher/list')).json()).toMatchObject({
      error: { message: '参数错误：account_id不能为空' },
    });
    const setB = accountSetId(engine, engine.tenantB);
    expect((await get(`/api/v2/voucher/list?account_id=${setB}`)).statusCode).toBe(404);
  });
});

describe('GET /api/v2/period/list', () => {
  it('lists periods with status, voucher count and last number', async () => {
    await postVouchers(2, '2024-03-10');
    const body = periodListResponseSchema.parse((await get(`/api/v2/period/list?account_id=${setA}`)).json());
    expect(body.periods).toEqual([
      {
        period: '2024-03',
        status: 'open',
        voucher_count: 2,
        last_voucher_no: '记-2',
        closed_at: null,
        closing_voucher_id: null,
      },
    ]);
    expect((await get(`/api/v2/period/list?account_id=${setA}`, engine.tenantB.apiKey)).statusCode).toBe(404);
  });
});
