import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountSetId, getJson } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

describe('GET /api/v2/report/{type}: bad input is a 400 naming the problem, never a 500', () => {
  let engine: TestEngine;
  let key: string;
  let setId: string;
  const get = (url: string) => getJson(engine, url, key);

  beforeAll(() => {
    engine = createTestEngine();
    key = engine.tenantA.apiKey;
    setId = accountSetId(engine, engine.tenantA);
  });
  afterAll(() => engine.close());

  test('an empty ledger gives every statement in full, all zero', async () => {
    for (const [type, count] of [
      ['balance', 53],
      ['profit', 32],
      ['cashflow', 22],
    ] as const) {
      const response = await get(
        `/api/v2/report/${type}?account_id=${setId}&start_date=2024-01-01&end_date=2024-12-31`,
      );
      expect(response.statusCode).toBe(200);
      const lines = response
        .json<{ report_data: { lines: { line_no: number | null; values: Record<string, number> }[] } }>()
        .report_data.lines.filter((l) => l.line_no !== null);
      expect(lines).toHaveLength(count);
      expect(lines.every((l) => Object.values(l.values).every((v) => v === 0))).toBe(true);
    }
  });

  test.each([
    [
      'unknown type',
      '/api/v2/report/cash?account_id=ACC&start_date=2024-01-01&end_date=2024-01-31',
      '报表类型应为 balance、profit 或 cashflow',
    ],
    [
      'missing account_id',
      '/api/v2/report/balance?start_date=2024-01-01&end_date=2024-01-31',
      '参数错误：account_id不能为空',
    ],
    [
      'missing start_date',
      '/api/v2/report/profit?account_id=ACC&end_date=2024-01-31',
      '参数错误：start_date不能为空',
    ],
    [
      'impossible date',
      '/api/v2/report/profit?account_id=ACC&start_date=2024-02-30&end_date=2024-03-31',
      'start_date 不是有效的日期',
    ],
    [
      'wrong date format',
      '/api/v2/report/profit?account_id=ACC&start_date=2024/01/01&end_date=2024-03-31',
      '格式应为 YYYY-MM-DD',
    ],
    [
      'start after end',
      '/api/v2/report/profit?account_id=ACC&start_date=2024-04-01&end_date=2024-03-31',
      '开始日期不能晚于结束日期',
    ],
    [
      'over ten years',
      '/api/v2/report/balance?account_id=ACC&start_date=2010-01-01&end_date=2020-01-01',
      '报表期间不能超过10年',
    ],
    [
      'unknown parameter',
      '/api/v2/report/balance?account_id=ACC&start_date=2024-01-01&end_date=2024-01-31&x=1',
      '不支持的字段 x',
    ],
  ])('%s → 400', async (_name, url, message) => {
    const response = await get(url.replace('ACC', setId));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 400,
        type: 'invalid_request_error',
        message: expect.stringContaining(message) as string,
      },
    });
  });

  test('ten years exactly is fine; another tenant’s account set is 404 like a missing one', async () => {
    const ok = await get(
      `/api/v2/report/balance?account_id=${setId}&start_date=2015-01-01&end_date=2024-12-31`,
    );
    expect(ok.statusCode).toBe(200);
    const otherSet = accountSetId(engine, engine.tenantB);
    for (const id of [otherSet, 'acc_doesnotexist']) {
      const response = await get(
        `/api/v2/report/profit?account_id=${id}&start_date=2024-01-01&end_date=2024-01-31`,
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 404, type: 'not_found_error', message: `资源不存在：账套 ${id} 不存在` },
      });
    }
    const trial = await get(
      `/api/v2/ledger/trial-balance?account_id=${otherSet}&start_date=2024-01-01&end_date=2024-01-31`,
    );
    expect(trial.statusCode).toBe(404);
  });

  test('random query strings never produce a 5xx', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('2024-01-01', '9999-12-31', '0000-00-00', "1' OR '1'='1", '', '%00'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('balance', 'profit', 'cashflow', 'x', '%E2%80%AE', ''),
        fc.dictionary(fc.constantFrom('account_id', 'start_date', 'end_date', 'type', '__proto__'), text),
        async (type, query) => {
          const qs = new URLSearchParams({ account_id: setId, ...query }).toString();
          const response = await get(`/api/v2/report/${type}?${qs}`);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
