import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportResponse } from '../../shared/api/report.js';
import { accountSetId, entry, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { classifyCashFlow, type PostingLine } from './cash-flow.js';

const line = (code: string, debit: number, credit: number): PostingLine => ({
  code,
  root: code.slice(0, 4),
  tags: [],
  debit,
  credit,
});

describe('cash received against 1601 固定资产 (a refund on an equipment price)', () => {
  test('reduces line 12 (购建固定资产…支付的现金) instead of landing on line 10 (处置…)', () => {
    expect([...classifyCashFlow([line('1002', 600_000, 0), line('1601', 0, 600_000)])]).toEqual([
      [12, -600_000],
    ]);
    // 在建工程 and 工程物资 refunds alike; its red reversal undoes it on the same line.
    expect([...classifyCashFlow([line('1002', 100, 0), line('1604', 0, 100)])]).toEqual([[12, -100]]);
    expect([...classifyCashFlow([line('1002', -100, 0), line('1604', 0, -100)])]).toEqual([[12, 100]]);
  });

  test('a disposal through 1606 固定资产清理 and an intangible sold outright stay on line 10', () => {
    expect([...classifyCashFlow([line('1002', 500, 0), line('1606', 0, 500)])]).toEqual([[10, 500]]);
    expect([...classifyCashFlow([line('1002', 700, 0), line('1701', 0, 700)])]).toEqual([[10, 700]]);
  });
});

describe('on the statement', () => {
  let engine: TestEngine;
  let setId: string;
  beforeAll(() => {
    engine = createTestEngine();
    setId = accountSetId(engine, engine.tenantA);
  });
  afterAll(async () => {
    await engine.close();
  });

  test('equipment 36,000 paid, 6,000 refunded: line 12 is 30,000, line 10 is 0, and line 22 is still the cash', async () => {
    const post = async (date: string, entries: ReturnType<typeof entry>[]) => {
      const r = await postJson(
        engine,
        VOUCHER_CREATE,
        { account_id: setId, date, entries },
        { apiKey: engine.tenantA.apiKey },
      );
      expect(r.statusCode, r.body).toBe(200);
    };
    await post('2024-05-02', [entry('1002', 100_000, 0), entry('3001', 0, 100_000)]);
    await post('2024-05-10', [entry('1601', 36_000, 0, '购入设备'), entry('1002', 0, 36_000, '购入设备')]);
    await post('2024-05-20', [
      entry('1002', 6_000, 0, '供应商退还部分设备款'),
      entry('1601', 0, 6_000, '供应商退还部分设备款'),
    ]);
    const r = await getJson(
      engine,
      `/api/v2/report/cashflow?account_id=${setId}&start_date=2024-05-01&end_date=2024-05-31`,
      engine.tenantA.apiKey,
    );
    const lines = new Map(
      r.json<ReportResponse>().report_data.lines.map((l) => [l.line_no, l.values.current_period]),
    );
    expect(lines.get(12)).toBe(30_000);
    expect(lines.get(10)).toBe(0);
    expect(lines.get(13)).toBe(-30_000);
    expect(lines.get(22)).toBe(70_000);
  });
});
