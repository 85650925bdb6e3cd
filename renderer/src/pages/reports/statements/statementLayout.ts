import type { ReportType } from '../../../../../shared/api/report';
import type { Statement, StatementColumnKey, StatementLine } from '../../../../../shared/api/statements';

export {
  balanceSheetRows,
  headerFields,
  indentLevel,
  statementColumns,
  type StatementColumn,
} from '../../../../../shared/reports/statement-form';

/** The screen's side of the printed layout: titles by report type and the check under the form. */

export const REPORT_TITLES: Record<ReportType, Statement['title']> = {
  balance: '资产负债表',
  profit: '利润表',
  cashflow: '现金流量表',
};

export interface BalanceCheck {
  balanced: boolean;
  label: string;
  details: { label: string; left: number; right: number }[];
}

const value = (lines: readonly StatementLine[], no: number, key: StatementColumnKey) =>
  lines.find((l) => l.line_no === no)?.values[key] ?? 0;

/**
 * The check under the form: 资产总计 = 负债和所有者权益总计 (lines 30 and 53, both columns); on the
 * cash-flow statement 期末现金余额 = 现金净增加额 + 期初现金余额 (22 = 20 + 21).
 */
export function balanceCheck(statement: Statement): BalanceCheck | undefined {
  const { lines } = statement;
  if (statement.title === '资产负债表') {
    const details = (['ending_balance', 'beginning_balance'] as const).map((key) => ({
      label: key === 'ending_balance' ? '期末' : '年初',
      left: value(lines, 30, key),
      right: value(lines, 53, key),
    }));
    return {
      balanced: details.every((d) => Math.round(d.left * 100) === Math.round(d.right * 100)),
      label: '资产总计 = 负债和所有者权益总计',
      details,
    };
  }
  if (statement.title === '现金流量表') {
    const details = (['current_period', 'year_to_date'] as const).map((key) => ({
      label: key === 'current_period' ? '本期' : '本年累计',
      left: value(lines, 22, key),
      right: value(lines, 20, key) + value(lines, 21, key),
    }));
    return {
      balanced: details.every((d) => Math.round(d.left * 100) === Math.round(d.right * 100)),
      label: '期末现金余额 = 现金净增加额 + 期初现金余额',
      details,
    };
  }
  return undefined;
}
