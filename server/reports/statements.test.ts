import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import { computeBalanceSheet } from './balance-sheet.js';
import {
  allocateProRata,
  classifyCashFlow,
  computeCashFlowStatement,
  type PostingLine,
} from './cash-flow.js';
import type { AccountInfo, AccountTurnover } from './ledger-figures.js';
import { computeProfitStatement } from './profit-statement.js';

const leaves = leafCodes(DEFAULT_CHART);
const ACCOUNTS: AccountInfo[] = DEFAULT_CHART.filter((a) => leaves.has(a.code)).map((a) => ({
  code: a.code,
  root: a.code.slice(0, 4),
  class: a.class,
  tags: a.tags ?? [],
}));
const info = (code: string) => {
  const found = ACCOUNTS.find((a) => a.code === code);
  if (!found) throw new Error(code);
  return found;
};
const yuan = (n: number) => Math.round(n * 100);

/** Applies vouchers (code → debit-positive yuan) to a balance map. */
function post(vouchers: Record<string, number>[]) {
  const balances = new Map<string, number>();
  const turnovers = new Map<string, AccountTurnover>();
  for (const v of vouchers) {
    for (const [code, amount] of Object.entries(v)) {
      info(code);
      balances.set(code, (balances.get(code) ?? 0) + yuan(amount));
      const t = turnovers.get(code) ?? { debit: 0, credit: 0 };
      if (amount > 0) t.debit += yuan(amount);
      else t.credit += yuan(-amount);
      turnovers.set(code, t);
    }
  }
  return { balances, turnovers };
}

// A small trading company's first month, worked by hand:
//  1. capital 100,000 into the bank          Dr 1002 100,000 / Cr 3001 100,000
//  2. goods 10,000 + input VAT 1,300, paid   Dr 1405 10,000, Dr 22210101 1,300 / Cr 1002 11,300
//  3. sale 20,000 + output VAT 2,600, paid   Dr 1002 22,600 / Cr 5001 20,000, Cr 22210102 2,600
//  4. cost of goods sold 8,000              Dr 5401 8,000 / Cr 1405 8,000
//  5. office supplies 500 from the bank      Dr 560203 500 / Cr 1002 500
const MONTH: Record<string, number>[] = [
  { '1002': 100_000, '3001': -100_000 },
  { '1405': 10_000, '22210101': 1_300, '1002': -11_300 },
  { '1002': 22_600, '5001': -20_000, '22210102': -2_600 },
  { '5401': 8_000, '1405': -8_000 },
  { '560203': 500, '1002': -500 },
];

describe('statements from ledger figures (hand-worked month)', () => {
  const { balances, turnovers } = post(MONTH);

  test('资产负债表: every line as worked by hand, balancing before period close', () => {
    const lines = computeBalanceSheet(balances, ACCOUNTS);
    const at = (no: number) => lines.find((l) => l.no === no)?.amount;
    expect(lines.filter((l) => l.no !== null)).toHaveLength(53);
    expect(at(1)).toBe(yuan(110_800)); // 100,000 − 11,300 + 22,600 − 500
    expect(at(9)).toBe(yuan(2_000));
    expect(at(12)).toBe(yuan(2_000));
    expect(at(15)).toBe(yuan(112_800));
    expect(at(30)).toBe(yuan(112_800));
    expect(at(36)).toBe(yuan(1_300)); // output 2,600 − input 1,300, a credit balance
    expect(at(48)).toBe(yuan(100_000));
    expect(at(51)).toBe(yuan(11_500)); // unclosed profit: 20,000 − 8,000 − 500
    expect(at(53)).toBe(at(30));
    for (const no of [2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 31, 33, 34, 35, 42])
      expect(at(no), `line ${String(no)}`).toBe(0);
  });

  test('利润表: turnover lines and the totals', () => {
    const lines = computeProfitStatement(turnovers, ACCOUNTS);
    const at = (no: number) => lines.find((l) => l.no === no)?.amount;
    expect(lines).toHaveLength(32);
    expect(at(1)).toBe(yuan(20_000));
    expect(at(2)).toBe(yuan(8_000));
    expect(at(14)).toBe(yuan(500));
    expect(at(21)).toBe(yuan(11_500));
    expect(at(30)).toBe(yuan(11_500));
    expect(at(32)).toBe(yuan(11_500));
  });

  test('现金流量表: counter-account analysis, and line 22 = 货币资金 at the end', () => {
    const classified = new Map<number, number>();
    for (const voucher of MONTH) {
      const lines: PostingLine[] = Object.entries(voucher).map(([code, amount]) => ({
        code,
        root: code.slice(0, 4),
        tags: info(code).tags,
        debit: amount > 0 ? yuan(amount) : 0,
        credit: amount < 0 ? yuan(-amount) : 0,
      }));
      for (const [line, fen] of classifyCashFlow(lines))
        classified.set(line, (classified.get(line) ?? 0) + fen);
    }
    const lines = computeCashFlowStatement(classified, 0);
    const at = (no: number) => lines.find((l) => l.no === no)?.amount;
    expect(at(1)).toBe(yuan(22_600)); // sale incl. output VAT
    expect(at(3)).toBe(yuan(11_300)); // goods incl. input VAT
    expect(at(6)).toBe(yuan(500));
    expect(at(7)).toBe(yuan(10_800));
    expect(at(15)).toBe(yuan(100_000));
    expect(at(19)).toBe(yuan(100_000));
    expect(at(20)).toBe(yuan(110_800));
    expect(at(22)).toBe(yuan(110_800));
  });
});

describe('cash-flow classification', () => {
  const line = (code: string, debit: number, credit: number): PostingLine => ({
    code,
    root: code.slice(0, 4),
    tags: info(code).tags,
    debit: yuan(debit),
    credit: yuan(credit),
  });

  test('cash-to-cash transfers are excluded', () => {
    expect(classifyCashFlow([line('1001', 5_000, 0), line('1002', 0, 5_000)]).size).toBe(0);
  });

  test('several counter-accounts share the cash pro rata, to the fen', () => {
    // A bank receipt of 100.00 that settles a receivable (60) and a loan (30) and other income (10).
    const out = classifyCashFlow([
      line('1002', 100, 0),
      line('1122', 0, 60),
      line('2001', 0, 30),
      line('530199', 0, 10),
    ]);
    expect(Object.fromEntries(out)).toEqual({ 1: yuan(60), 14: yuan(30), 2: yuan(10) });
    // Interest paid is line 17; 3 fen over three equal weights lands on the fen.
    const interest = classifyCashFlow([
      line('1002', 0, 0.03),
      line('560301', 0.01, 0),
      line('2231', 0.01, 0),
      line('560302', 0.01, 0),
    ]);
    expect(Object.fromEntries(interest)).toEqual({ 17: 2, 6: 1 });
  });

  test('a red reversal lands in the same lines as its original, negated', () => {
    const original = [line('1002', 1_130, 0), line('5001', 0, 1_000), line('22210102', 0, 130)];
    const red = original.map((l) => ({ ...l, debit: -l.debit, credit: -l.credit }));
    expect(Object.fromEntries(classifyCashFlow(original))).toEqual({ 1: yuan(1_130) });
    expect(Object.fromEntries(classifyCashFlow(red))).toEqual({ 1: -yuan(1_130) });
  });

  test('pro-rata shares always add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const shares = allocateProRata(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          expect(shares.every((s) => s >= 0)).toBe(true);
        },
      ),
    );
  });

  test('on random balanced vouchers: Σ classified flows = net cash change, sheet balances', () => {
    const codes = ACCOUNTS.map((a) => a.code);
    const voucher = fc
      .array(fc.tuple(fc.constantFrom(...codes), fc.integer({ min: 1, max: 1_000_000 })), {
        minLength: 1,
        maxLength: 6,
      })
      .chain((debits) =>
        fc.array(fc.constantFrom(...codes), { minLength: 1, maxLength: 4 }).map((creditCodes) => {
          const total = debits.reduce((s, [, fen]) => s + fen, 0);
          const shares = allocateProRata(
            total,
            creditCodes.map(() => 1),
          );
          const lines: PostingLine[] = [
            ...debits.map(([code, fen]) => ({
              code,
              root: code.slice(0, 4),
              tags: info(code).tags,
              debit: fen,
              credit: 0,
            })),
            ...creditCodes.map((code, i) => ({
              code,
              root: code.slice(0, 4),
              tags: info(code).tags,
              debit: 0,
              credit: shares[i] ?? 0,
            })),
          ];
          return lines;
        }),
      );
    fc.assert(
      fc.property(fc.array(voucher, { minLength: 1, maxLength: 30 }), (vouchers) => {
        const balances = new Map<string, number>();
        const classified = new Map<number, number>();
        for (const lines of vouchers) {
          for (const l of lines) balances.set(l.code, (balances.get(l.code) ?? 0) + l.debit - l.credit);
          for (const [no, fen] of classifyCashFlow(lines))
            classified.set(no, (classified.get(no) ?? 0) + fen);
        }
        const cash = ['1001', '1002', '1012'].reduce((s, c) => s + (balances.get(c) ?? 0), 0);
        const flows = computeCashFlowStatement(classified, 0);
        expect(flows.find((l) => l.no === 22)?.amount).toBe(cash);
        const sheet = computeBalanceSheet(balances, ACCOUNTS);
        expect(sheet.find((l) => l.no === 30)?.amount).toBe(sheet.find((l) => l.no === 53)?.amount);
      }),
    );
  });
});
