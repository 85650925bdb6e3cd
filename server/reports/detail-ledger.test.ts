import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  BalanceDirection,
  DetailLedgerResponse,
  DetailLedgerRow,
} from '../../shared/api/detail-ledger.js';
import { fenToDecimal } from '../../shared/money.js';
import {
  accountSetId,
  entry,
  getJson,
  ledgerSnapshot,
  postJson,
  VOUCHER_CREATE,
} from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

let engine: TestEngine;
let setId: string;
let key: string;

/** mulberry32, so the ledger is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await postJson(engine, path, body, { apiKey: key });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function url(code: string, start: string, end: string, page = 1, pageSize = 100): string {
  return `/api/v2/ledger/detail?account_id=${setId}&account_code=${code}&start_date=${start}&end_date=${end}&page=${String(page)}&page_size=${String(pageSize)}`;
}

async function ledger(code: string, start: string, end: string, page = 1, pageSize = 100) {
  const response = await getJson(engine, url(code, start, end, page, pageSize), key);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DetailLedgerResponse>();
}

async function allRows(code: string, start: string, end: string, pageSize: number) {
  const first = await ledger(code, start, end, 1, pageSize);
  const rows = [...first.rows];
  for (let page = 2; (page - 1) * pageSize < first.total_rows; page += 1) {
    rows.push(...(await ledger(code, start, end, page, pageSize)).rows);
  }
  return { first, rows };
}

/** The same ledger recomputed from every counted voucher line, without the postings table. */
function recompute(code: string, start: string, end: string): DetailLedgerRow[] {
  const lines = engine.db
    .prepare(
      `SELECT v.id, v.date, v.number, l.account_code, l.abstract, l.debit_fen, l.credit_fen
       FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id
       WHERE v.account_set_id = ? AND v.status <> 'voided' AND (l.account_code = ? OR l.account_code LIKE ?)
       ORDER BY v.date, v.number, l.line_no`,
    )
    .all(setId, code, `${code}%`) as {
    id: string;
    date: string;
    number: number;
    account_code: string;
    abstract: string;
    debit_fen: number;
    credit_fen: number;
  }[];
  const side = (net: number): BalanceDirection => (net > 0 ? '借' : net < 0 ? '贷' : '平');
  const summary = (
    kind: DetailLedgerRow['kind'],
    date: string,
    abstract: string,
    d: number,
    c: number,
    net: number,
  ) => ({
    kind,
    date,
    voucher_id: null,
    voucher_no: null,
    account_code: null,
    abstract,
    debit: fenToDecimal(d),
    credit: fenToDecimal(c),
    direction: side(net),
    balance: fenToDecimal(Math.abs(net)),
  });
  let balance = 0;
  for (const l of lines) if (l.date < start) balance += l.debit_fen - l.credit_fen;
  const rows: DetailLedgerRow[] = [summary('opening', start, '期初余额', 0, 0, balance)];
  const inRange = lines.filter((l) => l.date >= start && l.date <= end);
  const months = [...new Set(inRange.map((l) => l.date.slice(0, 7)))];
  for (const month of months) {
    let d = 0;
    let c = 0;
    for (const l of inRange.filter((x) => x.date.startsWith(month))) {
      balance += l.debit_fen - l.credit_fen;
      d += l.debit_fen;
      c += l.credit_fen;
      rows.push({
        kind: 'posting',
        date: l.date,
        voucher_id: l.id,
        voucher_no: `记-${String(l.number)}`,
        account_code: l.account_code,
        abstract: l.abstract,
        debit: fenToDecimal(l.debit_fen),
        credit: fenToDecimal(l.credit_fen),
        direction: side(balance),
        balance: fenToDecimal(Math.abs(balance)),
      });
    }
    const lastInMonth = inRange.filter((x) => x.date.startsWith(month));
    const monthEnd = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const date = monthEnd < end ? monthEnd : end;
    rows.push(summary('month_total', date, '本月合计', d, c, balance));
    const year = lines.filter((x) => x.date >= `${month.slice(0, 4)}-01-01` && x.date <= date);
    const yd = year.reduce((t, x) => t + x.debit_fen, 0);
    const yc = year.reduce((t, x) => t + x.credit_fen, 0);
    expect(lastInMonth.length).toBeGreaterThan(0);
    rows.push(summary('year_total', date, '本年累计', yd, yc, balance));
  }
  rows.push(summary('closing', end, '期末余额', 0, 0, balance));
  return rows;
}

beforeAll(async () => {
  engine = createTestEngine();
  setId = accountSetId(engine, engine.tenantA);
  key = engine.tenantA.apiKey;
  const rnd = random(7);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  await post(VOUCHER_CREATE, {
    account_id: setId,
    date: '2023-12-20',
    entries: [entry('1002', 200_000, 0, '投资款'), entry('3001', 0, 200_000, '投资款')],
  });
  for (let i = 0; i < 120; i += 1) {
    const month = int(1, 4);
    const date = `2024-0${String(month)}-${String(int(1, 28)).padStart(2, '0')}`;
    const amount = int(1, 500_000) / 100;
    const expense = rnd() < 0.5 ? '560203' : '560204';
    const entries =
      rnd() < 0.6
        ? [entry(expense, amount, 0, `费用${String(i)}`), entry('1002', 0, amount, `付款${String(i)}`)]
        : [entry('1002', amount, 0, `收款${String(i)}`), entry('5001', 0, amount, `收入${String(i)}`)];
    await post(VOUCHER_CREATE, { account_id: setId, date, entries });
  }
  // A closed and reopened month leaves a voided closing voucher, which must not appear.
  await post('/api/v2/period/close', { account_id: setId, period: '2023-12' });
  await post('/api/v2/period/close', { account_id: setId, period: '2024-01' });
  await post('/api/v2/period/reopen', { account_id: setId, period: '2024-01' });
  await post('/api/v2/period/close', { account_id: setId, period: '2024-01' });
});

afterAll(async () => {
  await engine.close();
});

describe('明细账 (GET /api/v2/ledger/detail)', () => {
  test('every page of a leaf account agrees with a recomputation from the vouchers', async () => {
    const expected = recompute('1002', '2024-01-01', '2024-03-31');
    const { first, rows } = await allRows('1002', '2024-01-01', '2024-03-31', 7);
    expect(first.total_rows).toBe(expected.length);
    expect(rows).toEqual(expected);
    expect(first.opening).toEqual({ direction: '借', balance: 200_000 });
    const last = expected.at(-1);
    expect(first.closing).toEqual({ direction: last?.direction, balance: last?.balance });
  });

  test('a parent account holds its subtree, closing vouchers included; a mid-month range works', async () => {
    for (const [code, start, end] of [
      ['5602', '2024-01-01', '2024-04-30'],
      ['560203', '2024-01-10', '2024-03-17'],
      ['5001', '2024-02-01', '2024-02-29'],
    ] as const) {
      const { rows } = await allRows(code, start, end, 11);
      expect(rows, code).toEqual(recompute(code, start, end));
    }
    const closing = (await ledger('5602', '2024-01-01', '2024-01-31')).rows.filter((r) =>
      r.abstract.includes('结转'),
    );
    // One closing voucher (the first one was voided by 反结账), one line per expense sub-account.
    expect(closing.length).toBe(2);
    expect(new Set(closing.map((r) => r.voucher_id)).size).toBe(1);
  });

  test('the postings table and its monthly counts stay in step with the counted voucher lines', () => {
    const counted = engine.db
      .prepare(
        `SELECT count(*) FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id WHERE v.status <> 'voided'`,
      )
      .pluck()
      .get();
    expect(engine.db.prepare('SELECT count(*) FROM account_postings').pluck().get()).toBe(counted);
    const mismatches = engine.db
      .prepare(
        `SELECT a.* FROM account_period_postings a
         LEFT JOIN (SELECT account_set_id, account_code, substr(date, 1, 7) AS period, count(*) AS n,
                           sum(debit_fen) AS d, sum(credit_fen) AS c
                    FROM account_postings GROUP BY 1, 2, 3) p USING (account_set_id, account_code, period)
         WHERE a.postings <> coalesce(p.n, 0) OR a.debit_fen <> coalesce(p.d, 0) OR a.credit_fen <> coalesce(p.c, 0)`,
      )
      .all();
    expect(mismatches).toEqual([]);
  });

  test('an account without postings has opening, closing and nothing else', async () => {
    const body = await ledger('1001', '2024-01-01', '2024-03-31');
    expect(body.rows.map((r) => r.kind)).toEqual(['opening', 'closing']);
    expect(body.total_rows).toBe(2);
    expect(body.rows[0]).toMatchObject({ direction: '平', balance: 0 });
  });

  test('a page past the end is empty, not an error', async () => {
    const body = await ledger('1002', '2024-01-01', '2024-03-31', 1000, 50);
    expect(body.rows).toEqual([]);
    expect(body.total_rows).toBeGreaterThan(0);
  });

  test('bad input gets a clear 400 or 404 and writes nothing', async () => {
    const before = ledgerSnapshot(engine.db);
    const cases: [string, number, string][] = [
      [url('10x2', '2024-01-01', '2024-01-31'), 400, '科目编码'],
      [url('1002', '2024-02-01', '2024-01-31'), 400, '开始日期不能晚于结束日期'],
      [url('1002', '2024-01-01', '2024-01-31', 1, 501), 400, '不能超过 500'],
      [url('1002', '2024-01-01', '2024-02-30'), 400, '日期'],
      [url('9999', '2024-01-01', '2024-01-31'), 404, '科目 9999 不存在'],
      [`/api/v2/ledger/detail?account_id=${setId}`, 400, 'account_code'],
      [`${url('1002', '2024-01-01', '2024-01-31')}&extra=1`, 400, 'extra'],
    ];
    for (const [path, status, message] of cases) {
      const response = await getJson(engine, path, key);
      expect(response.statusCode, path).toBe(status);
      expect(response.json<{ error: { message: string } }>().error.message, path).toContain(message);
    }
    const other = await getJson(engine, url('1002', '2024-01-01', '2024-01-31'), engine.tenantB.apiKey);
    expect(other.statusCode).toBe(404);
    expect(ledgerSnapshot(engine.db)).toEqual(before);
  });
});
