import type { LightMyRequestResponse } from 'fastify';
import type { VoucherCreateRequest, VoucherEntry } from '../../shared/api/index.js';
import type { EngineDb } from '../db/engine-db.js';
import { listAccountSets } from '../tenancy/account-sets.js';
import { bearer, type TestEngine, type TestTenant } from './test-engine.js';

export const VOUCHER_CREATE = '/api/v2/voucher/create';

export function entry(account_code: string, debit: number, credit: number, abstract = '测试'): VoucherEntry {
  return { abstract, account_code, debit, credit };
}

/** The API document's own example: 采购办公用品 500.00, 560203 against 1002. */
export function seedExampleBody(accountId: string, date = '2024-03-15'): VoucherCreateRequest {
  return {
    account_id: accountId,
    date,
    entries: [entry('560203', 500, 0, '采购办公用品'), entry('1002', 0, 500, '支付办公用品款')],
  };
}

/** The first account set of the tenant with that status (test engines have one of each for A). */
export function accountSetId(
  engine: TestEngine,
  tenant: TestTenant,
  status: 'active' | 'frozen' = 'active',
): string {
  const set = listAccountSets(engine.db, tenant.id).find((s) => s.status === status);
  if (!set) throw new Error(`tenant has no ${status} account set`);
  return set.id;
}

export interface PostOptions {
  apiKey: string;
  headers?: Record<string, string>;
}

export function postJson(
  engine: TestEngine,
  url: string,
  body: unknown,
  options: PostOptions,
): Promise<LightMyRequestResponse> {
  return engine.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(options.apiKey), 'content-type': 'application/json', ...options.headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function getJson(engine: TestEngine, url: string, apiKey: string): Promise<LightMyRequestResponse> {
  return engine.app.inject({ method: 'GET', url, headers: bearer(apiKey) });
}

const LEDGER_TABLES = [
  'vouchers',
  'voucher_lines',
  'voucher_attachments',
  'periods',
  'account_period_totals',
  'voucher_cash_flows',
  'cash_flow_period_totals',
  'idempotency_records',
  'account_postings',
  'account_period_postings',
] as const;

/**
 * A fingerprint of everything the ledger writes: row counts and a content digest per table. Two
 * equal snapshots mean nothing was written in between.
 */
export function ledgerSnapshot(db: EngineDb): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const table of LEDGER_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();
    snapshot[table] = `${String(rows.length)}:${JSON.stringify(rows)}`;
  }
  return snapshot;
}

/** Σ debit and Σ credit in fen over every voucher line that counts (not voided). */
export function ledgerTotals(db: EngineDb): { debit: number; credit: number } {
  const row = db
    .prepare(
      `SELECT coalesce(sum(l.debit_fen), 0) AS debit, coalesce(sum(l.credit_fen), 0) AS credit
       FROM voucher_lines AS l JOIN vouchers AS v ON v.id = l.voucher_id WHERE v.status <> 'voided'`,
    )
    .get() as { debit: number; credit: number };
  return row;
}

/**
 * The per-(account, month) totals must equal the lines they summarise; returns the rows that differ
 * (none, when the ledger is consistent).
 */
export function totalsMismatches(db: EngineDb): unknown[] {
  return db
    .prepare(
      `WITH from_lines AS (
         SELECT l.account_set_id, v.period, l.account_code,
                sum(l.debit_fen) AS debit, sum(l.credit_fen) AS credit,
                sum(CASE WHEN v.kind = 'closing' THEN l.debit_fen ELSE 0 END) AS closing_debit,
                sum(CASE WHEN v.kind = 'closing' THEN l.credit_fen ELSE 0 END) AS closing_credit
         FROM voucher_lines AS l JOIN vouchers AS v ON v.id = l.voucher_id
         WHERE v.status <> 'voided'
         GROUP BY l.account_set_id, v.period, l.account_code)
       SELECT t.*, f.debit, f.credit FROM account_period_totals AS t
       LEFT JOIN from_lines AS f USING (account_set_id, period, account_code)
       WHERE t.debit_fen <> coalesce(f.debit, 0) OR t.credit_fen <> coalesce(f.credit, 0)
          OR t.closing_debit_fen <> coalesce(f.closing_debit, 0) OR t.closing_credit_fen <> coalesce(f.closing_credit, 0)
       UNION ALL
       SELECT f.account_set_id, f.period, f.account_code, NULL, NULL, NULL, NULL, f.debit, f.credit
       FROM from_lines AS f LEFT JOIN account_period_totals AS t USING (account_set_id, period, account_code)
       WHERE t.account_code IS NULL`,
    )
    .all();
}

/** Balance (debit − credit, fen) of an account over all periods up to `period`, every voucher that counts. */
export function balanceThrough(db: EngineDb, accountSetId: string, code: string, period: string): number {
  return db
    .prepare(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0) FROM account_period_totals
       WHERE account_set_id = ? AND account_code = ? AND period <= ?`,
    )
    .pluck()
    .get(accountSetId, code, period) as number;
}
