import { z } from 'zod';
import { lastDayOfPeriod, nextPeriod, periodOfDate, previousPeriod } from '../../shared/ledger/periods.js';
import type { Fen } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';

/**
 * Ledger figures for statements, read from the aggregates kept with every posting: whole months
 * from `account_period_totals` / `cash_flow_period_totals`, and only the days of a partial first or
 * last month from the vouchers themselves. A statement therefore costs O(accounts × months).
 */

export interface Turnover {
  debit: Fen;
  credit: Fen;
  /** The part of debit/credit that came from closing vouchers (结转损益). */
  closingDebit: Fen;
  closingCredit: Fen;
}

/** The first date ever: balances "at D" are turnover from the beginning of the books to D. */
const BEGINNING = '1900-01-01';

/** `2024-03-01` → `2024-02-29`. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

export function yearStart(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}

interface RangeParts {
  /** Whole months, inclusive; undefined when none. */
  months?: { from: string; to: string };
  /** Date ranges inside partial months, inclusive. */
  days: { from: string; to: string }[];
}

/** Splits [start, end] into whole months and the leftover days at either edge. */
export function splitRange(start: string, end: string): RangeParts {
  const startPeriod = periodOfDate(start);
  const endPeriod = periodOfDate(end);
  const startsOnFirst = start.endsWith('-01');
  const endsOnLast = end === lastDayOfPeriod(endPeriod);
  if (startPeriod === endPeriod) {
    return startsOnFirst && endsOnLast
      ? { months: { from: startPeriod, to: endPeriod }, days: [] }
      : { days: [{ from: start, to: end }] };
  }
  const days: RangeParts['days'] = [];
  let fromMonth = startPeriod;
  let toMonth = endPeriod;
  if (!startsOnFirst) {
    days.push({ from: start, to: lastDayOfPeriod(startPeriod) });
    fromMonth = nextPeriod(startPeriod);
  }
  if (!endsOnLast) {
    days.push({ from: `${endPeriod}-01`, to: end });
    toMonth = previousPeriod(endPeriod);
  }
  return { months: fromMonth <= toMonth ? { from: fromMonth, to: toMonth } : undefined, days };
}

const turnoverRowSchema = z.object({
  account_code: z.string(),
  debit: z.number().int(),
  credit: z.number().int(),
  closing_debit: z.number().int(),
  closing_credit: z.number().int(),
});

const flowRowSchema = z.object({ line_no: z.number().int(), amount: z.number().int() });

/**
 * The rows of [start, end]: one query over the monthly aggregates for the whole months, one over
 * dated rows for each partial month. Both queries take (account set, from, to).
 */
function rowsOverRange(
  db: EngineDb,
  accountSetId: string,
  start: string,
  end: string,
  sql: { months: string; days: string },
): unknown[] {
  if (start > end) return [];
  const { months, days } = splitRange(start, end);
  const rows: unknown[] = [];
  if (months) rows.push(...statement(db, sql.months).all(accountSetId, months.from, months.to));
  for (const range of days) rows.push(...statement(db, sql.days).all(accountSetId, range.from, range.to));
  return rows;
}

const TURNOVER_SQL = {
  months: `SELECT account_code, SUM(debit_fen) AS debit, SUM(credit_fen) AS credit,
                  SUM(closing_debit_fen) AS closing_debit, SUM(closing_credit_fen) AS closing_credit
           FROM account_period_totals
           WHERE account_set_id = ? AND period BETWEEN ? AND ?
           GROUP BY account_code`,
  days: `SELECT l.account_code, SUM(l.debit_fen) AS debit, SUM(l.credit_fen) AS credit,
                SUM(CASE WHEN v.kind = 'closing' THEN l.debit_fen ELSE 0 END) AS closing_debit,
                SUM(CASE WHEN v.kind = 'closing' THEN l.credit_fen ELSE 0 END) AS closing_credit
         FROM vouchers v JOIN voucher_lines l ON l.voucher_id = v.id
         WHERE v.account_set_id = ? AND v.date BETWEEN ? AND ? AND v.status <> 'voided'
         GROUP BY l.account_code`,
};

const CASH_FLOW_SQL = {
  months: `SELECT line_no, SUM(amount_fen) AS amount FROM cash_flow_period_totals
           WHERE account_set_id = ? AND period BETWEEN ? AND ? GROUP BY line_no`,
  days: `SELECT line_no, SUM(amount_fen) AS amount FROM voucher_cash_flows
         WHERE account_set_id = ? AND date BETWEEN ? AND ? GROUP BY line_no`,
};

/** Turnover per account over [start, end], closing vouchers included and reported apart. */
export function turnoverBetween(
  db: EngineDb,
  accountSetId: string,
  start: string,
  end: string,
): Map<string, Turnover> {
  const out = new Map<string, Turnover>();
  const rows = rowsOverRange(db, accountSetId, start, end, TURNOVER_SQL);
  for (const row of z.array(turnoverRowSchema).parse(rows)) {
    const t = out.get(row.account_code) ?? { debit: 0, credit: 0, closingDebit: 0, closingCredit: 0 };
    t.debit += row.debit;
    t.credit += row.credit;
    t.closingDebit += row.closing_debit;
    t.closingCredit += row.closing_credit;
    out.set(row.account_code, t);
  }
  return out;
}

/** Net balance (debit − credit) per account at the end of `date`. */
export function balancesAt(db: EngineDb, accountSetId: string, date: string): Map<string, Fen> {
  const balances = new Map<string, Fen>();
  for (const [code, t] of turnoverBetween(db, accountSetId, BEGINNING, date))
    balances.set(code, t.debit - t.credit);
  return balances;
}

/** Classified cash flows (现金流量表 item lines) over [start, end]. */
export function cashFlowsBetween(
  db: EngineDb,
  accountSetId: string,
  start: string,
  end: string,
): Map<number, Fen> {
  const out = new Map<number, Fen>();
  const rows = rowsOverRange(db, accountSetId, start, end, CASH_FLOW_SQL);
  for (const row of z.array(flowRowSchema).parse(rows)) {
    out.set(row.line_no, (out.get(row.line_no) ?? 0) + row.amount);
  }
  return out;
}
