import type { ReportType } from '../../shared/api/report.js';
import type { Statement, StatementColumnKey, StatementLine } from '../../shared/api/statements.js';
import { fenToDecimal, type Fen } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { computeBalanceSheet } from './balance-sheet.js';
import { CASH_ROOTS, computeCashFlowStatement } from './cash-flow.js';
import {
  balancesAt,
  cashFlowsBetween,
  dayBefore,
  turnoverBetween,
  yearStart,
} from './ledger-figures-store.js';
import { sumBalances, type AccountInfo, type AccountTurnover } from './ledger-figures.js';
import { computeProfitStatement } from './profit-statement.js';

export interface StatementRequest {
  accountSet: { id: string; name: string };
  start: string;
  end: string;
}

function accountsOf(db: EngineDb, accountSetId: string): AccountInfo[] {
  return chartOf(db, accountSetId).accounts.map((account) => ({
    code: account.code,
    root: account.code.slice(0, 4),
    class: account.class,
    tags: account.tags,
  }));
}

interface Column {
  key: StatementColumnKey;
  lines: {
    no: number | null;
    item: string;
    kind: StatementLine['kind'];
    section?: string;
    amount: Fen | null;
  }[];
}

/** Joins per-column computed lines (same order in every column) into statement lines. */
function mergeColumns(columns: Column[]): StatementLine[] {
  const [first] = columns;
  if (!first) return [];
  return first.lines.map((line, index) => {
    const values: StatementLine['values'] = {};
    for (const column of columns) {
      const amount = column.lines[index]?.amount;
      if (amount !== null && amount !== undefined) values[column.key] = fenToDecimal(amount);
    }
    return {
      line_no: line.no,
      item: line.item,
      kind: line.kind,
      ...(line.section ? { section: line.section } : {}),
      values,
    };
  });
}

function profitTurnovers(
  db: EngineDb,
  accountSetId: string,
  start: string,
  end: string,
): Map<string, AccountTurnover> {
  const out = new Map<string, AccountTurnover>();
  for (const [code, t] of turnoverBetween(db, accountSetId, start, end)) {
    out.set(code, { debit: t.debit - t.closingDebit, credit: t.credit - t.closingCredit });
  }
  return out;
}

/**
 * One statement in its official format. Balance sheet: 期末余额 at `end`, 年初余额 at the start of
 * `end`'s year. Profit and cash flow: 本期金额 over [start, end], 本年累计金额 from 1 January of
 * `end`'s year to `end`.
 */
export function buildStatement(db: EngineDb, type: ReportType, request: StatementRequest): Statement {
  const { accountSet, start, end } = request;
  const accounts = accountsOf(db, accountSet.id);
  const header = { account_set_id: accountSet.id, account_set_name: accountSet.name, unit: '元' as const };
  const beforeYear = dayBefore(yearStart(end));

  if (type === 'balance') {
    return {
      title: '资产负债表',
      form_no: '会小企01表',
      ...header,
      columns: [
        { key: 'ending_balance', label: '期末余额' },
        { key: 'beginning_balance', label: '年初余额' },
      ],
      lines: mergeColumns([
        { key: 'ending_balance', lines: computeBalanceSheet(balancesAt(db, accountSet.id, end), accounts) },
        {
          key: 'beginning_balance',
          lines: computeBalanceSheet(balancesAt(db, accountSet.id, beforeYear), accounts),
        },
      ]),
    };
  }

  const columns = [
    { key: 'current_period', label: '本期金额' },
    { key: 'year_to_date', label: '本年累计金额' },
  ] as const;

  if (type === 'profit') {
    return {
      title: '利润表',
      form_no: '会小企02表',
      ...header,
      columns: [...columns],
      lines: mergeColumns([
        {
          key: 'current_period',
          lines: computeProfitStatement(profitTurnovers(db, accountSet.id, start, end), accounts),
        },
        {
          key: 'year_to_date',
          lines: computeProfitStatement(profitTurnovers(db, accountSet.id, yearStart(end), end), accounts),
        },
      ]),
    };
  }

  const flows = (from: string) =>
    computeCashFlowStatement(
      cashFlowsBetween(db, accountSet.id, from, end),
      sumBalances(balancesAt(db, accountSet.id, dayBefore(from)), accounts, CASH_ROOTS),
    );
  return {
    title: '现金流量表',
    form_no: '会小企03表',
    ...header,
    columns: [...columns],
    lines: mergeColumns([
      { key: 'current_period', lines: flows(start) },
      { key: 'year_to_date', lines: flows(yearStart(end)) },
    ]),
  };
}
