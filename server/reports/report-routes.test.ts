import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportResponse } from '../../shared/api/report.js';
import type { TrialBalanceResponse } from '../../shared/api/trial-balance.js';
import { accountSetId, entry, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

/**
 * A small trading company's first quarter of 2024, posted through the API and closed month by
 * month, with every statement line worked out by hand below.
 *
 *  Jan  1 capital 500,000 into the bank           Dr 1002 / Cr 3001
 *       2 short-term loan 200,000                 Dr 1002 / Cr 2001
 *       3 goods 100,000 + input VAT 13,000 on credit   Dr 1405, 22210101 / Cr 2202
 *       4 pay the supplier 113,000                Dr 2202 / Cr 1002
 *       5 sale 150,000 + output VAT 19,500 on credit   Dr 1122 / Cr 5001, 22210102
 *       6 cost of goods sold 60,000               Dr 5401 / Cr 1405
 *       7 customer pays 100,000                   Dr 1002 / Cr 1122
 *       8 salaries accrued: admin 30,000, sales 10,000   Dr 560201, 560104 / Cr 2211
 *       9 equipment 36,000 + input VAT 4,680, by bank    Dr 1601, 22210101 / Cr 1002
 *      10 interest accrued 800                    Dr 560301 / Cr 2231
 *      11 cash withdrawn 5,000                    Dr 1001 / Cr 1002   (cash to cash)
 *      12 client dinner 1,200 in cash             Dr 560202 / Cr 1001
 *  Feb 13 salaries paid 40,000                    Dr 2211 / Cr 1002
 *      14 depreciation 1,000                      Dr 560209 / Cr 1602
 *      15 cash sale 50,000 + output VAT 6,500     Dr 1002 / Cr 5001, 22210102
 *      16 cost of goods sold 20,000               Dr 5401 / Cr 1405
 *      17 advertising 3,000                       Dr 560102 / Cr 1002
 *      18 interest paid: Jan accrued 800 + Feb 800      Dr 2231, 560301 / Cr 1002
 *  Mar 19 surcharges accrued: 城建 700, 教育费附加 300    Dr 540301, 540302 / Cr 222104, 222105
 *      20 surcharges paid 1,000                   Dr 222104, 222105 / Cr 1002
 *      21 loan repaid 50,000                      Dr 2001 / Cr 1002
 *      22 depreciation 1,000                      Dr 560209 / Cr 1602
 *      23 government subsidy 10,000               Dr 1002 / Cr 530101
 *      24 income tax 4,060                        Dr 5801 / Cr 222103
 *
 * Net profit: Jan 48,000; Feb 25,200; Mar 3,940; quarter 77,140.
 */
const QUARTER: [date: string, lines: [code: string, debit: number, credit: number][]][] = [
  [
    '2024-01-02',
    [
      ['1002', 500_000, 0],
      ['3001', 0, 500_000],
    ],
  ],
  [
    '2024-01-05',
    [
      ['1002', 200_000, 0],
      ['2001', 0, 200_000],
    ],
  ],
  [
    '2024-01-10',
    [
      ['1405', 100_000, 0],
      ['22210101', 13_000, 0],
      ['2202', 0, 113_000],
    ],
  ],
  [
    '2024-01-15',
    [
      ['2202', 113_000, 0],
      ['1002', 0, 113_000],
    ],
  ],
  [
    '2024-01-20',
    [
      ['1122', 169_500, 0],
      ['5001', 0, 150_000],
      ['22210102', 0, 19_500],
    ],
  ],
  [
    '2024-01-20',
    [
      ['5401', 60_000, 0],
      ['1405', 0, 60_000],
    ],
  ],
  [
    '2024-01-25',
    [
      ['1002', 100_000, 0],
      ['1122', 0, 100_000],
    ],
  ],
  [
    '2024-01-31',
    [
      ['560201', 30_000, 0],
      ['560104', 10_000, 0],
      ['2211', 0, 40_000],
    ],
  ],
  [
    '2024-01-31',
    [
      ['1601', 36_000, 0],
      ['22210101', 4_680, 0],
      ['1002', 0, 40_680],
    ],
  ],
  [
    '2024-01-31',
    [
      ['560301', 800, 0],
      ['2231', 0, 800],
    ],
  ],
  [
    '2024-01-31',
    [
      ['1001', 5_000, 0],
      ['1002', 0, 5_000],
    ],
  ],
  [
    '2024-01-31',
    [
      ['560202', 1_200, 0],
      ['1001', 0, 1_200],
    ],
  ],
  [
    '2024-02-05',
    [
      ['2211', 40_000, 0],
      ['1002', 0, 40_000],
    ],
  ],
  [
    '2024-02-10',
    [
      ['560209', 1_000, 0],
      ['1602', 0, 1_000],
    ],
  ],
  [
    '2024-02-15',
    [
      ['1002', 56_500, 0],
      ['5001', 0, 50_000],
      ['22210102', 0, 6_500],
    ],
  ],
  [
    '2024-02-15',
    [
      ['5401', 20_000, 0],
      ['1405', 0, 20_000],
    ],
  ],
  [
    '2024-02-20',
    [
      ['560102', 3_000, 0],
      ['1002', 0, 3_000],
    ],
  ],
  [
    '2024-02-28',
    [
      ['2231', 800, 0],
      ['560301', 800, 0],
      ['1002', 0, 1_600],
    ],
  ],
  [
    '2024-03-15',
    [
      ['540301', 700, 0],
      ['540302', 300, 0],
      ['222104', 0, 700],
      ['222105', 0, 300],
    ],
  ],
  [
    '2024-03-20',
    [
      ['222104', 700, 0],
      ['222105', 300, 0],
      ['1002', 0, 1_000],
    ],
  ],
  [
    '2024-03-25',
    [
      ['2001', 50_000, 0],
      ['1002', 0, 50_000],
    ],
  ],
  [
    '2024-03-28',
    [
      ['560209', 1_000, 0],
      ['1602', 0, 1_000],
    ],
  ],
  [
    '2024-03-31',
    [
      ['1002', 10_000, 0],
      ['530101', 0, 10_000],
    ],
  ],
  [
    '2024-03-31',
    [
      ['5801', 4_060, 0],
      ['222103', 0, 4_060],
    ],
  ],
];

type Values = Record<number, [number, number]>;

describe('statements of a hand-worked quarter (小企业会计准则)', () => {
  let engine: TestEngine;
  let key: string;
  let setId: string;

  const report = async (type: string, start: string, end: string) => {
    const url = `/api/v2/report/${type}?account_id=${setId}&start_date=${start}&end_date=${end}`;
    const response = await getJson(engine, url, key);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReportResponse>();
  };
  /** line_no → [first column, second column] for every numbered line. */
  const columns = (body: ReportResponse): Map<number, [number, number]> => {
    const [a, b] = body.report_data.columns.map((c) => c.key);
    const out = new Map<number, [number, number]>();
    for (const line of body.report_data.lines) {
      if (line.line_no !== null && a && b)
        out.set(line.line_no, [line.values[a] ?? NaN, line.values[b] ?? NaN]);
    }
    return out;
  };
  const expectLines = (actual: Map<number, [number, number]>, expected: Values, count: number) => {
    expect(actual.size).toBe(count);
    for (let no = 1; no <= count; no += 1)
      expect(actual.get(no), `行次 ${String(no)}`).toEqual(expected[no] ?? [0, 0]);
  };

  beforeAll(async () => {
    engine = createTestEngine();
    key = engine.tenantA.apiKey;
    setId = accountSetId(engine, engine.tenantA);
    for (const [date, lines] of QUARTER) {
      const body = { account_id: setId, date, entries: lines.map(([code, d, c]) => entry(code, d, c)) };
      const response = await postJson(engine, VOUCHER_CREATE, body, { apiKey: key });
      expect(response.statusCode, response.body).toBe(200);
    }
    for (const period of ['2024-01', '2024-02', '2024-03']) {
      const response = await postJson(
        engine,
        '/api/v2/period/close',
        { account_id: setId, period },
        { apiKey: key },
      );
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  afterAll(() => engine.close());

  test('利润表 for the quarter: 本期 = 本年累计, closing vouchers excluded', async () => {
    const body = await report('profit', '2024-01-01', '2024-03-31');
    expect(body.report_data).toMatchObject({
      title: '利润表',
      form_no: '会小企02表',
      unit: '元',
      account_set_name: '甲科技有限公司',
    });
    expect(body.period).toEqual({ start_date: '2024-01-01', end_date: '2024-03-31' });
    const same = (v: number): [number, number] => [v, v];
    expectLines(
      columns(body),
      {
        1: same(200_000),
        2: same(80_000),
        3: same(1_000),
        6: same(700),
        10: same(300),
        11: same(13_000),
        13: same(3_000),
        14: same(33_200),
        16: same(1_200),
        18: same(1_600),
        19: same(1_600),
        21: same(71_200),
        22: same(10_000),
        23: same(10_000),
        30: same(81_200),
        31: same(4_060),
        32: same(77_140),
      },
      32,
    );
  });

  test('利润表 for March: 本期 is March, 本年累计 the quarter', async () => {
    expectLines(
      columns(await report('profit', '2024-03-01', '2024-03-31')),
      {
        1: [0, 200_000],
        2: [0, 80_000],
        3: [1_000, 1_000],
        6: [700, 700],
        10: [300, 300],
        11: [0, 13_000],
        13: [0, 3_000],
        14: [1_000, 33_200],
        16: [0, 1_200],
        18: [0, 1_600],
        19: [0, 1_600],
        21: [-2_000, 71_200],
        22: [10_000, 10_000],
        23: [10_000, 10_000],
        30: [8_000, 81_200],
        31: [4_060, 4_060],
        32: [3_940, 77_140],
      },
      32,
    );
  });

  test('资产负债表 at the end of the quarter (closed) and of February', async () => {
    const march = await report('balance', '2024-03-01', '2024-03-31');
    expect(march.report_data).toMatchObject({ title: '资产负债表', form_no: '会小企01表' });
    expect(march.report_data.columns.map((c) => c.label)).toEqual(['期末余额', '年初余额']);
    const end = (v: number): [number, number] => [v, 0];
    expectLines(
      columns(march),
      {
        1: end(616_020),
        4: end(69_500),
        9: end(20_000),
        12: end(20_000),
        15: end(705_520),
        18: end(36_000),
        19: end(2_000),
        20: end(34_000),
        29: end(34_000),
        30: end(739_520),
        31: end(150_000),
        36: end(12_380),
        41: end(162_380),
        47: end(162_380),
        48: end(500_000),
        51: end(77_140),
        52: end(577_140),
        53: end(739_520),
      },
      53,
    );
    expectLines(
      columns(await report('balance', '2024-02-01', '2024-02-29')),
      {
        1: end(657_020),
        4: end(69_500),
        9: end(20_000),
        12: end(20_000),
        15: end(746_520),
        18: end(36_000),
        19: end(1_000),
        20: end(35_000),
        29: end(35_000),
        30: end(781_520),
        31: end(200_000),
        36: end(8_320),
        41: end(208_320),
        47: end(208_320),
        48: end(500_000),
        51: end(73_200),
        52: end(573_200),
        53: end(781_520),
      },
      53,
    );
  });

  test('现金流量表 for the quarter and for March', async () => {
    const same = (v: number): [number, number] => [v, v];
    expectLines(
      columns(await report('cashflow', '2024-01-01', '2024-03-31')),
      {
        1: same(156_500),
        2: same(10_000),
        3: same(117_680),
        4: same(40_000),
        5: same(1_000),
        6: same(4_200),
        7: same(3_620),
        12: same(36_000),
        13: same(-36_000),
        14: same(200_000),
        15: same(500_000),
        16: same(50_000),
        17: same(1_600),
        19: same(648_400),
        20: same(616_020),
        22: same(616_020),
      },
      22,
    );
    expectLines(
      columns(await report('cashflow', '2024-03-01', '2024-03-31')),
      {
        1: [0, 156_500],
        2: [10_000, 10_000],
        3: [0, 117_680],
        4: [0, 40_000],
        5: [1_000, 1_000],
        6: [0, 4_200],
        7: [9_000, 3_620],
        12: [0, 36_000],
        13: [0, -36_000],
        14: [0, 200_000],
        15: [0, 500_000],
        16: [50_000, 50_000],
        17: [0, 1_600],
        19: [-50_000, 648_400],
        20: [-41_000, 616_020],
        21: [657_020, 0],
        22: [616_020, 616_020],
      },
      22,
    );
  });

  test('a range inside a month reads the vouchers of those days only', async () => {
    // 15–31 January: vouchers 4–12. Line 1 gets the customer's 100,000; line 3 the supplier's
    // 113,000 and the equipment's input VAT 4,680.
    const lines = columns(await report('cashflow', '2024-01-15', '2024-01-31'));
    expect(lines.get(1)?.[0]).toBe(100_000);
    expect(lines.get(3)?.[0]).toBe(117_680);
    expect(lines.get(21)?.[0]).toBe(700_000);
    expect(lines.get(20)?.[0]).toBe(-54_880);
    expect(lines.get(22)?.[0]).toBe(645_120); // 货币资金 at 31 January
  });

  test('科目余额表: debit and credit agree at every stage', async () => {
    const url = `/api/v2/ledger/trial-balance?account_id=${setId}&start_date=2024-02-01&end_date=2024-03-31`;
    const response = await getJson(engine, url, key);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<TrialBalanceResponse>();
    expect(body.totals.opening_debit).toBe(body.totals.opening_credit);
    expect(body.totals.period_debit).toBe(body.totals.period_credit);
    expect(body.totals.closing_debit).toBe(body.totals.closing_credit);
    const bank = body.rows.find((r) => r.code === '1002');
    expect(bank).toMatchObject({
      level: 1,
      opening_debit: 641_320,
      closing_debit: 612_220,
      opening_credit: 0,
    });
    const vat = body.rows.find((r) => r.code === '2221');
    expect(vat).toMatchObject({ closing_credit: 12_380, closing_debit: 0 });
    expect(body.rows.find((r) => r.code === '22210101')).toMatchObject({ level: 3, closing_debit: 17_680 });
    expect(body.totals.year_debit).toBe(body.totals.year_credit);
    // 本年累计 runs from 1 January: it holds January's turnover on top of February–March's.
    const yearUrl = `/api/v2/ledger/trial-balance?account_id=${setId}&start_date=2024-01-01&end_date=2024-03-31`;
    const year = (await getJson(engine, yearUrl, key)).json<TrialBalanceResponse>();
    for (const row of year.rows) {
      expect([row.year_debit, row.year_credit], row.code).toEqual([row.period_debit, row.period_credit]);
      const sameInFebMar = body.rows.find((r) => r.code === row.code);
      if (sameInFebMar) {
        expect([sameInFebMar.year_debit, sameInFebMar.year_credit]).toEqual([
          row.year_debit,
          row.year_credit,
        ]);
      }
    }
    expect(bank?.year_debit).toBeGreaterThan(bank?.period_debit ?? Infinity);
  });
});
