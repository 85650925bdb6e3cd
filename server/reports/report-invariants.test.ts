import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportResponse } from '../../shared/api/report.js';
import type { TrialBalanceResponse } from '../../shared/api/trial-balance.js';
import { lastDayOfPeriod } from '../../shared/ledger/periods.js';
import { fenToDecimal } from '../../shared/money.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { createAccountSet } from '../tenancy/account-sets.js';
import { entry, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { classifyCashFlow } from './cash-flow.js';
import { balancesAt, cashFlowsBetween, dayBefore, turnoverBetween } from './ledger-figures-store.js';

// ——— a random but realistic ledger: expenses are debited, revenue credited, as in real books ———

type Line = [code: string, debitFen: number, creditFen: number];
const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const fen = fc.integer({ min: 1, max: 5_000_000 });
const EXPENSES = [
  '5401',
  '5402',
  '540301',
  '540302',
  '540304',
  '560101',
  '560102',
  '560103',
  '560201',
  '560202',
  '560203',
  '560210',
  '560211',
  '560301',
  '560302',
  '571101',
  '571105',
  '571199',
  '5801',
];

const templates: fc.Arbitrary<Line[]>[] = [
  fc.tuple(pick(['1002', '1122', '1001']), pick(['5001', '5051']), fen, fen).map(([dr, cr, net, tax]) => [
    [dr, net + tax, 0],
    [cr, 0, net],
    ['22210102', 0, tax],
  ]),
  fc.tuple(pick(['1405', '1403']), pick(['2202', '1002']), fen, fen).map(([dr, cr, net, tax]) => [
    [dr, net, 0],
    ['22210101', tax, 0],
    [cr, 0, net + tax],
  ]),
  fc.tuple(pick(EXPENSES), pick(['1002', '1001', '2211', '2241', '222104']), fen).map(([dr, cr, x]) => [
    [dr, x, 0],
    [cr, 0, x],
  ]),
  fc.tuple(pick(['530101', '530199', '5111']), fen).map(([cr, x]) => [
    ['1002', x, 0],
    [cr, 0, x],
  ]),
  fc.tuple(pick(['2001', '3001', '2501', '3002']), fen).map(([cr, x]) => [
    ['1002', x, 0],
    [cr, 0, x],
  ]),
  fc.tuple(pick(['2001', '2202', '2211', '1123']), fen).map(([dr, x]) => [
    [dr, x, 0],
    ['1002', 0, x],
  ]),
  fc.tuple(pick(['1601', '1701', '1501']), fen, fen).map(([dr, x, y]) => [
    [dr, x + y, 0],
    ['1002', 0, x],
    ['1001', 0, y],
  ]),
  fen.map((x): Line[] => [
    ['560209', x, 0],
    ['1602', 0, x],
  ]),
  fen.map((x): Line[] => [
    ['1001', x, 0],
    ['1002', 0, x],
  ]),
  fen.map((x): Line[] => [
    ['1002', x, 0],
    ['1122', 0, x],
  ]),
];

const dateIn2024H1 = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 31 }))
  .map(([m, d]) => {
    const period = `2024-${String(m).padStart(2, '0')}`;
    const last = Number(lastDayOfPeriod(period).slice(8));
    return `${period}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

const ledgerArb = fc.record({
  vouchers: fc.array(fc.tuple(dateIn2024H1, fc.oneof(...templates)), { minLength: 3, maxLength: 25 }),
  closeMonths: fc.integer({ min: 0, max: 6 }),
  range: fc.tuple(dateIn2024H1, dateIn2024H1).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a])),
});

describe('statement invariants on random ledgers', () => {
  let engine: TestEngine;
  let key: string;
  beforeAll(() => {
    engine = createTestEngine();
    key = engine.tenantA.apiKey;
  });
  afterAll(() => engine.close());

  const report = async (setId: string, type: string, start: string, end: string) => {
    const response = await getJson(
      engine,
      `/api/v2/report/${type}?account_id=${setId}&start_date=${start}&end_date=${end}`,
      key,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ReportResponse>();
    const key0 = body.report_data.columns[0]?.key ?? 'current_period';
    return (no: number) => body.report_data.lines.find((l) => l.line_no === no)?.values[key0] ?? NaN;
  };
  const cents = (x: number) => Math.round(x * 100);

  test('balance, cash, profit and trial balance tie out; aggregates equal a full recomputation', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(ledgerArb, async ({ vouchers, closeMonths, range }) => {
        run += 1;
        const set = createAccountSet(engine.db, {
          tenantId: engine.tenantA.id,
          name: `随机账套${String(run)}`,
        });
        for (const [date, lines] of vouchers) {
          const body = {
            account_id: set.id,
            date,
            entries: lines.map(([code, d, c]) => entry(code, fenToDecimal(d), fenToDecimal(c))),
          };
          const response = await postJson(engine, VOUCHER_CREATE, body, { apiKey: key });
          expect(response.statusCode, response.body).toBe(200);
        }
        for (let m = 1; m <= closeMonths; m += 1) {
          const period = `2024-${String(m).padStart(2, '0')}`;
          const response = await postJson(
            engine,
            '/api/v2/period/close',
            { account_id: set.id, period },
            { apiKey: key },
          );
          expect(response.statusCode, response.body).toBe(200);
        }

        const [start, end] = range;
        const before = dayBefore(start);
        const sheetEnd = await report(set.id, 'balance', start, end);
        const sheetBefore = await report(set.id, 'balance', before, before);
        const cash = await report(set.id, 'cashflow', start, end);
        const profit = await report(set.id, 'profit', start, end);

        // 资产总计 = 负债和所有者权益总计, closed or not
        expect(sheetEnd(30)).toBe(sheetEnd(53));
        expect(sheetBefore(30)).toBe(sheetBefore(53));
        // 现金流量表 22 = 货币资金 at the end; 21 = 货币资金 at the start
        expect(cash(22)).toBe(sheetEnd(1));
        expect(cash(21)).toBe(sheetBefore(1));
        // net profit = change of 3103 + 3104 + unclosed 损益 (line 51), no distributions here
        expect(cents(profit(32))).toBe(cents(sheetEnd(51)) - cents(sheetBefore(51)));
        // the tax bureau's checks on 利润表
        const sum = (...nos: number[]) => nos.reduce((t, no) => t + cents(profit(no)), 0);
        expect(cents(profit(3))).toBeGreaterThanOrEqual(sum(4, 5, 6, 7, 8, 9, 10));
        expect(cents(profit(11))).toBeGreaterThanOrEqual(sum(12, 13));
        expect(cents(profit(14))).toBeGreaterThanOrEqual(sum(15, 16, 17));
        expect(cents(profit(18))).toBeGreaterThanOrEqual(sum(19));
        expect(cents(profit(22))).toBeGreaterThanOrEqual(sum(23));
        expect(cents(profit(24))).toBeGreaterThanOrEqual(sum(25, 26, 27, 28, 29));

        // 科目余额表 sums equal
        const tb = (
          await getJson(
            engine,
            `/api/v2/ledger/trial-balance?account_id=${set.id}&start_date=${start}&end_date=${end}`,
            key,
          )
        ).json<TrialBalanceResponse>();
        expect(tb.totals.opening_debit).toBe(tb.totals.opening_credit);
        expect(tb.totals.period_debit).toBe(tb.totals.period_credit);
        expect(tb.totals.closing_debit).toBe(tb.totals.closing_credit);

        // the aggregates the statements read = recomputing from every voucher line
        expectAggregatesMatchLines(engine, set.id, start, end);
      }),
      { numRuns: 60 },
    );
  });
});

const lineRowSchema = z.object({
  voucher_id: z.string(),
  date: z.string(),
  kind: z.string(),
  account_code: z.string(),
  debit_fen: z.number().int(),
  credit_fen: z.number().int(),
});

function expectAggregatesMatchLines(engine: TestEngine, setId: string, start: string, end: string): void {
  const rows = z.array(lineRowSchema).parse(
    engine.db
      .prepare(
        `SELECT v.id AS voucher_id, v.date, v.kind, l.account_code, l.debit_fen, l.credit_fen
         FROM vouchers v JOIN voucher_lines l ON l.voucher_id = v.id
         WHERE v.account_set_id = ? AND v.status <> 'voided' ORDER BY v.id, l.line_no`,
      )
      .all(setId),
  );
  const inRange = rows.filter((r) => r.date >= start && r.date <= end);

  const turnover = turnoverBetween(engine.db, setId, start, end);
  const expectedTurnover = new Map<string, [number, number, number, number]>();
  for (const r of inRange) {
    const t = expectedTurnover.get(r.account_code) ?? [0, 0, 0, 0];
    t[0] += r.debit_fen;
    t[1] += r.credit_fen;
    if (r.kind === 'closing') {
      t[2] += r.debit_fen;
      t[3] += r.credit_fen;
    }
    expectedTurnover.set(r.account_code, t);
  }
  for (const [code, [d, c, cd, cc]] of expectedTurnover) {
    expect(turnover.get(code), code).toEqual({ debit: d, credit: c, closingDebit: cd, closingCredit: cc });
  }
  expect([...turnover.values()].filter((t) => t.debit || t.credit)).toHaveLength(expectedTurnover.size);

  const balances = balancesAt(engine.db, setId, end);
  const expectedBalances = new Map<string, number>();
  for (const r of rows.filter((row) => row.date <= end)) {
    expectedBalances.set(
      r.account_code,
      (expectedBalances.get(r.account_code) ?? 0) + r.debit_fen - r.credit_fen,
    );
  }
  for (const [code, net] of expectedBalances) expect(balances.get(code) ?? 0, code).toBe(net);

  const chart = chartOf(engine.db, setId);
  const expectedFlows = new Map<number, number>();
  const byVoucher = new Map<string, typeof inRange>();
  for (const r of inRange) byVoucher.set(r.voucher_id, [...(byVoucher.get(r.voucher_id) ?? []), r]);
  for (const lines of byVoucher.values()) {
    const flows = classifyCashFlow(
      lines.map((r) => ({
        code: r.account_code,
        root: r.account_code.slice(0, 4),
        tags: chart.get(r.account_code)?.tags ?? [],
        debit: r.debit_fen,
        credit: r.credit_fen,
      })),
    );
    for (const [no, amount] of flows) expectedFlows.set(no, (expectedFlows.get(no) ?? 0) + amount);
  }
  const flows = cashFlowsBetween(engine.db, setId, start, end);
  for (const no of new Set([...flows.keys(), ...expectedFlows.keys()])) {
    expect(flows.get(no) ?? 0, `line ${String(no)}`).toBe(expectedFlows.get(no) ?? 0);
  }
}
