import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportResponse } from '../../shared/api/report.js';
import { accountSetId, entry, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { chartOf } from './charts-in-memory.js';
import { addChartAccount } from './chart-rows.js';

describe('sub-accounts (客户明细) and the 应收/预收 analysis of the balance sheet', () => {
  let engine: TestEngine;
  let key: string;
  let setId: string;
  beforeAll(() => {
    engine = createTestEngine();
    key = engine.tenantA.apiKey;
    setId = accountSetId(engine, engine.tenantA);
  });
  afterAll(() => engine.close());

  test('adding children turns the parent into a non-leaf; children inherit class, side and tags', () => {
    addChartAccount(engine.db, setId, { code: '112201', name: '客户甲', parent: '1122' });
    addChartAccount(engine.db, setId, { code: '112202', name: '客户乙', parent: '1122' });
    addChartAccount(engine.db, setId, { code: '56020201', name: '客户招待', parent: '560202' });
    const chart = chartOf(engine.db, setId);
    expect(chart.isLeaf('1122')).toBe(false);
    expect(chart.get('112201')).toMatchObject({
      class: '资产',
      side: 'debit',
      is_leaf: true,
      parent: '1122',
    });
    expect(chart.get('56020201')?.tags).toEqual(['业务招待费']);
    expect(() => addChartAccount(engine.db, setId, { code: '2202x', name: 'x', parent: '9999' })).toThrow(
      '不存在',
    );
    expect(() => addChartAccount(engine.db, setId, { code: '220301', name: 'x', parent: '2202' })).toThrow(
      '开头',
    );
  });

  test('a customer owing us is 应收账款, a customer who prepaid is 预收账款 (line 4 / line 34)', async () => {
    const post = (lines: [string, number, number][]) =>
      postJson(
        engine,
        VOUCHER_CREATE,
        { account_id: setId, date: '2024-05-10', entries: lines.map(([c, d, k]) => entry(c, d, k)) },
        { apiKey: key },
      );
    expect(
      (
        await post([
          ['112201', 800, 0],
          ['5001', 0, 800],
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post([
          ['1002', 300, 0],
          ['112202', 0, 300],
        ])
      ).statusCode,
    ).toBe(200);
    const parentPosting = await post([
      ['1122', 1, 0],
      ['5001', 0, 1],
    ]);
    expect(parentPosting.statusCode).toBe(400);

    const response = await getJson(
      engine,
      `/api/v2/report/balance?account_id=${setId}&start_date=2024-05-01&end_date=2024-05-31`,
      key,
    );
    const lines = response.json<ReportResponse>().report_data.lines;
    const at = (no: number) => lines.find((l) => l.line_no === no)?.values.ending_balance;
    expect(at(4)).toBe(800);
    expect(at(34)).toBe(300);
    expect(at(30)).toBe(at(53));

    expect(() =>
      addChartAccount(engine.db, setId, { code: '11220101', name: '甲-分店', parent: '112201' }),
    ).toThrow('已有凭证');
  });
});
