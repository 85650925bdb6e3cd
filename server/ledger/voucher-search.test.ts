import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voucherListResponseSchema } from '../../shared/api/index.js';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import { accountSetId, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

let engine: TestEngine;
let setA: string;
beforeEach(async () => {
  engine = createTestEngine();
  setA = accountSetId(engine, engine.tenantA);
  const vouchers: [string, string, string, number][] = [
    ['2024-03-05', '采购办公用品', '560203', 500],
    ['2024-03-20', '报销差旅费', '560204', 1280.5],
    ['2024-04-02', '支付房租 100%', '560208', 3000],
    ['2024-05-10', '采购办公用品', '560203', 80],
  ];
  for (const [date, abstract, code, amount] of vouchers) {
    const body: VoucherCreateRequest = {
      account_id: setA,
      date,
      entries: [
        { abstract, account_code: code, debit: amount, credit: 0 },
        { abstract, account_code: '1002', debit: 0, credit: amount },
      ],
    };
    const response = await postJson(engine, VOUCHER_CREATE, body, { apiKey: engine.tenantA.apiKey });
    expect(response.statusCode).toBe(200);
  }
});
afterEach(async () => {
  await engine.close();
});

async function list(query: string) {
  const response = await getJson(
    engine,
    `/api/v2/voucher/list?account_id=${setA}&${query}`,
    engine.tenantA.apiKey,
  );
  expect(response.statusCode, response.body).toBe(200);
  return voucherListResponseSchema.parse(response.json());
}

const numbers = (body: { vouchers: { period: string; voucher_no: string }[] }) =>
  body.vouchers.map((v) => `${v.period} ${v.voucher_no}`);

describe('GET /api/v2/voucher/list: date range and search (q)', () => {
  it('filters by a date range, inclusive, across months', async () => {
    const body = await list('start_date=2024-03-20&end_date=2024-04-30');
    expect(numbers(body)).toEqual(['2024-03 记-2', '2024-04 记-1']);
    expect(body.total).toBe(2);
  });

  it('finds by 摘要, account name, account code prefix, amount and voucher number', async () => {
    expect(numbers(await list(`q=${encodeURIComponent('办公')}`))).toEqual(['2024-03 记-1', '2024-05 记-1']);
    expect(numbers(await list(`q=${encodeURIComponent('差旅费')}`))).toEqual(['2024-03 记-2']);
    expect(numbers(await list(`q=${encodeURIComponent('租赁费')}`))).toEqual(['2024-04 记-1']);
    expect(numbers(await list('q=560204'))).toEqual(['2024-03 记-2']);
    expect((await list('q=5602')).total).toBe(4);
    expect(numbers(await list(`q=${encodeURIComponent('1,280.50')}`))).toEqual(['2024-03 记-2']);
    expect(numbers(await list('q=3000'))).toEqual(['2024-04 记-1']);
    expect(numbers(await list(`q=${encodeURIComponent('记-2')}&period=2024-03`))).toEqual(['2024-03 记-2']);
    expect((await list(`q=${encodeURIComponent('没有这个')}`)).total).toBe(0);
  });

  it('takes LIKE wildcards literally and combines search with the period and paging', async () => {
    expect(numbers(await list(`q=${encodeURIComponent('100%')}`))).toEqual(['2024-04 记-1']);
    expect((await list('q=56_2')).total).toBe(0);
    const page = await list(`q=${encodeURIComponent('采购')}&page=2&page_size=1`);
    expect([page.total, ...numbers(page)]).toEqual([2, '2024-05 记-1']);
    expect((await list(`q=${encodeURIComponent('采购')}&period=2024-05`)).total).toBe(1);
  });

  it('refuses a reversed range, an empty or long search and bad dates with 400', async () => {
    const cases: [string, string][] = [
      ['start_date=2024-05-01&end_date=2024-04-01', '参数错误：end_date 开始日期不能晚于结束日期'],
      ['start_date=2024-02-30', '参数错误：start_date 不是有效的日期'],
      ['q=', '参数错误：q 不能为空'],
      [`q=${'x'.repeat(101)}`, '参数错误：q 不能超过100个字符'],
    ];
    for (const [query, message] of cases) {
      const response = await getJson(
        engine,
        `/api/v2/voucher/list?account_id=${setA}&${query}`,
        engine.tenantA.apiKey,
      );
      expect(response.json(), query).toMatchObject({ error: { code: 400, message } });
    }
  });
});
