import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VoucherCreateRequest, VoucherEntry } from '../../shared/api/index.js';
import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import {
  accountSetId,
  entry,
  ledgerSnapshot,
  ledgerTotals,
  postJson,
  totalsMismatches,
  VOUCHER_CREATE,
} from '../testing/ledger-fixtures.js';
import { createTestEngine } from '../testing/test-engine.js';

const LEAVES = [...leafCodes(DEFAULT_CHART)];
const NON_LEAVES = DEFAULT_CHART.map((a) => a.code).filter((code) => !LEAVES.includes(code));

const fen = fc.integer({ min: 1, max: 100_000_000_00 });
const line = fc.tuple(fc.constantFrom(...LEAVES), fen);
const date = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** Random debit and credit lines on leaf accounts, balanced by one last line on the short side. */
const validShape = fc
  .record({
    date,
    debits: fc.array(line, { minLength: 1, maxLength: 5 }),
    credits: fc.array(line, { minLength: 1, maxLength: 5 }),
    balancing: fc.constantFrom(...LEAVES),
  })
  .map(({ date: d, debits, credits, balancing }) => {
    const entries: VoucherEntry[] = [
      ...debits.map(([code, amount]) => entry(code, amount / 100, 0)),
      ...credits.map(([code, amount]) => entry(code, 0, amount / 100)),
    ];
    const gap = debits.reduce((s, [, a]) => s + a, 0) - credits.reduce((s, [, a]) => s + a, 0);
    if (gap > 0) entries.push(entry(balancing, 0, gap / 100));
    if (gap < 0) entries.push(entry(balancing, -gap / 100, 0));
    return { date: d, entries };
  });

type Shape = { date: string; entries: VoucherEntry[] };

/** Ways to break exactly one rule of a valid voucher; each must end in 400. */
const MUTATIONS: Record<string, (shape: Shape, pick: number) => Record<string, unknown>> = {
  unbalanced: (s) => ({
    ...s,
    entries: s.entries.map((e, i) => (i === 0 ? { ...e, debit: e.debit + 0.01 } : e)),
  }),
  nonLeaf: (s, pick) => ({
    ...s,
    entries: s.entries.map((e, i) =>
      i === 0 ? { ...e, account_code: NON_LEAVES[pick % NON_LEAVES.length] } : e,
    ),
  }),
  unknownAccount: (s) => ({
    ...s,
    entries: s.entries.map((e, i) => (i === 1 ? { ...e, account_code: '9999' } : e)),
  }),
  bothSides: (s) => ({ ...s, entries: [...s.entries, entry('1001', 1, 1)] }),
  zeroLine: (s) => ({ ...s, entries: [...s.entries, entry('1001', 0, 0)] }),
  threeDecimals: (s) => ({ ...s, entries: [...s.entries, entry('1001', 0.001, 0), entry('1002', 0, 0.001)] }),
  negative: (s) => ({ ...s, entries: [...s.entries, entry('1001', -1, 0), entry('1002', 0, -1)] }),
  impossibleDate: (s) => ({ ...s, date: '2024-02-30' }),
  oneLine: (s) => ({ ...s, entries: s.entries.slice(0, 1) }),
  debitsOnly: (s) => ({
    ...s,
    entries: s.entries.map((e) => ({ ...e, debit: e.debit + e.credit, credit: 0 })),
  }),
  extraField: (s) => ({ ...s, note: 'x' }),
  stringAmount: (s) => ({
    ...s,
    entries: s.entries.map((e, i) => (i === 0 ? { ...e, debit: String(e.debit) } : e)),
  }),
};

const invalidShape = fc
  .tuple(validShape, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat())
  .map(([shape, name, pick]) => ({ name, body: (MUTATIONS[name] ?? (() => shape))(shape, pick) }));

const step = fc.oneof(
  validShape.map((shape) => ({
    valid: true as const,
    name: 'valid',
    body: { ...shape },
  })),
  invalidShape.map(({ name, body }) => ({ valid: false as const, name, body })),
);

describe('voucher/create over random vouchers (fast-check)', () => {
  it('posts valid vouchers, refuses invalid ones with 400 without writing, and keeps the ledger balanced', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const engine = createTestEngine();
        try {
          const setA = accountSetId(engine, engine.tenantA);
          const posted = new Map<string, number>();
          for (const { valid, name, body } of steps) {
            const before = ledgerSnapshot(engine.db);
            const request: VoucherCreateRequest | Record<string, unknown> = { account_id: setA, ...body };
            const response = await postJson(engine, VOUCHER_CREATE, request, {
              apiKey: engine.tenantA.apiKey,
            });
            if (valid) {
              expect(response.statusCode, response.body).toBe(200);
              const period = body.date.slice(0, 7);
              const n = (posted.get(period) ?? 0) + 1;
              posted.set(period, n);
              expect(response.json()).toMatchObject({ voucher_no: `记-${String(n)}` });
            } else {
              expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
              expect(response.json()).toMatchObject({ error: { code: 400, type: 'invalid_request_error' } });
              expect(ledgerSnapshot(engine.db), name).toEqual(before);
            }
            const totals = ledgerTotals(engine.db);
            expect(totals.debit).toBe(totals.credit);
          }
          expect(totalsMismatches(engine.db)).toEqual([]);
        } finally {
          await engine.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
