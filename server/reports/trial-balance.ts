import type { TrialBalanceResponse } from '../../shared/api/trial-balance.js';
import { fenToDecimal, type Fen } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { balancesAt, dayBefore, turnoverBetween, yearStart } from './ledger-figures-store.js';

const split = (net: Fen) => ({ debit: Math.max(0, net), credit: Math.max(0, -net) });

/**
 * 科目余额表 over [start, end]: opening balance, the period's debit and credit (closing vouchers
 * included — they are postings like any other), and closing balance, for every account with a
 * figure; parents carry the sum of their children, and the balance side is decided per row.
 * 本年累计 is the debit and credit from 1 January of `end`'s year to `end`.
 */
export function buildTrialBalance(
  db: EngineDb,
  accountSet: { id: string; name: string },
  start: string,
  end: string,
): TrialBalanceResponse {
  const chart = chartOf(db, accountSet.id);
  const opening = balancesAt(db, accountSet.id, dayBefore(start));
  const turnover = turnoverBetween(db, accountSet.id, start, end);
  const yearTurnover = turnoverBetween(db, accountSet.id, yearStart(end), end);

  // Roll leaf figures up to every ancestor.
  type Figures = { opening: Fen; debit: Fen; credit: Fen; yearDebit: Fen; yearCredit: Fen };
  const rolled = new Map<string, Figures>();
  const add = (code: string, figures: Figures) => {
    for (
      let current = chart.get(code);
      current;
      current = current.parent ? chart.get(current.parent) : undefined
    ) {
      const row = rolled.get(current.code) ?? {
        opening: 0,
        debit: 0,
        credit: 0,
        yearDebit: 0,
        yearCredit: 0,
      };
      row.opening += figures.opening;
      row.debit += figures.debit;
      row.credit += figures.credit;
      row.yearDebit += figures.yearDebit;
      row.yearCredit += figures.yearCredit;
      rolled.set(current.code, row);
    }
  };
  const codes = new Set([...opening.keys(), ...turnover.keys(), ...yearTurnover.keys()]);
  for (const code of codes) {
    const t = turnover.get(code);
    const y = yearTurnover.get(code);
    add(code, {
      opening: opening.get(code) ?? 0,
      debit: t?.debit ?? 0,
      credit: t?.credit ?? 0,
      yearDebit: y?.debit ?? 0,
      yearCredit: y?.credit ?? 0,
    });
  }

  const level = (code: string) => {
    let depth = 1;
    for (let a = chart.get(code); a?.parent; a = chart.get(a.parent)) depth += 1;
    return depth;
  };
  const totals = {
    opening_debit: 0,
    opening_credit: 0,
    period_debit: 0,
    period_credit: 0,
    year_debit: 0,
    year_credit: 0,
    closing_debit: 0,
    closing_credit: 0,
  };
  const rows = chart.accounts
    .filter((account) => {
      const r = rolled.get(account.code);
      return (
        r !== undefined &&
        (r.opening !== 0 || r.debit !== 0 || r.credit !== 0 || r.yearDebit !== 0 || r.yearCredit !== 0)
      );
    })
    .map((account) => {
      const r = rolled.get(account.code) ?? { opening: 0, debit: 0, credit: 0, yearDebit: 0, yearCredit: 0 };
      const open = split(r.opening);
      const close = split(r.opening + r.debit - r.credit);
      const depth = level(account.code);
      if (depth === 1) {
        totals.opening_debit += open.debit;
        totals.opening_credit += open.credit;
        totals.period_debit += r.debit;
        totals.period_credit += r.credit;
        totals.year_debit += r.yearDebit;
        totals.year_credit += r.yearCredit;
        totals.closing_debit += close.debit;
        totals.closing_credit += close.credit;
      }
      return {
        code: account.code,
        name: account.name,
        level: depth,
        is_leaf: account.is_leaf,
        opening_debit: fenToDecimal(open.debit),
        opening_credit: fenToDecimal(open.credit),
        period_debit: fenToDecimal(r.debit),
        period_credit: fenToDecimal(r.credit),
        year_debit: fenToDecimal(r.yearDebit),
        year_credit: fenToDecimal(r.yearCredit),
        closing_debit: fenToDecimal(close.debit),
        closing_credit: fenToDecimal(close.credit),
      };
    });

  return {
    account_id: accountSet.id,
    account_set_name: accountSet.name,
    period: { start_date: start, end_date: end },
    rows,
    totals: {
      opening_debit: fenToDecimal(totals.opening_debit),
      opening_credit: fenToDecimal(totals.opening_credit),
      period_debit: fenToDecimal(totals.period_debit),
      period_credit: fenToDecimal(totals.period_credit),
      year_debit: fenToDecimal(totals.year_debit),
      year_credit: fenToDecimal(totals.year_credit),
      closing_debit: fenToDecimal(totals.closing_debit),
      closing_credit: fenToDecimal(totals.closing_credit),
    },
  };
}
