import type { ReportType } from '../../../../../shared/api/report';
import type { Statement, StatementColumnKey, StatementLine } from '../../../../../shared/api/statements';
import { chineseDate } from '../format';

/**
 * The printed layout of 会小企01/02/03表 on top of what the engine answers: which lines are 其中
 * sub-items (indented on the form), the column order the form uses, and the header block.
 */

/** 行次 printed as sub-items (其中 … and the lines that continue that list). */
const SUB_LINES: Record<Statement['title'], ReadonlySet<number>> = {
  资产负债表: new Set([10, 11, 12, 13]),
  利润表: new Set([4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17, 19, 23, 25, 26, 27, 28, 29]),
  现金流量表: new Set(),
};

/** 0: headings, totals and top items; 1: items under a heading; 2: 其中 sub-items. */
export function indentLevel(statement: Pick<Statement, 'title'>, line: StatementLine): 0 | 1 | 2 {
  if (line.line_no !== null && SUB_LINES[statement.title].has(line.line_no)) return 2;
  if (line.kind === 'heading') return 0;
  // Lines under a heading (流动资产：, 一、经营活动…) sit one step in, totals included.
  if (statement.title !== '利润表') return 1;
  return 0;
}

export interface StatementColumn {
  key: StatementColumnKey;
  label: string;
}

/**
 * The form's columns. 利润表 and 现金流量表 print 本年累计金额 before 本月金额 (本期金额 when the
 * period is longer than a month); the balance sheet 期末余额 then 年初余额.
 */
export function statementColumns(statement: Statement, singleMonth: boolean): StatementColumn[] {
  if (statement.title === '资产负债表') {
    return [
      { key: 'ending_balance', label: '期末余额' },
      { key: 'beginning_balance', label: '年初余额' },
    ];
  }
  return [
    { key: 'year_to_date', label: '本年累计金额' },
    { key: 'current_period', label: singleMonth ? '本月金额' : '本期金额' },
  ];
}

export const REPORT_TITLES: Record<ReportType, Statement['title']> = {
  balance: '资产负债表',
  profit: '利润表',
  cashflow: '现金流量表',
};

/** The header block: 编制单位, 所属期 (or 日期 for the balance sheet), 单位：元. */
export function headerFields(
  statement: Statement,
  period: { startDate: string; endDate: string; label: string },
): { label: string; value: string }[] {
  const when =
    statement.title === '资产负债表'
      ? { label: '日期', value: chineseDate(period.endDate) }
      : { label: '所属期', value: period.label };
  return [
    { label: '编制单位', value: statement.account_set_name },
    when,
    { label: '单位', value: statement.unit },
  ];
}

/** The balance sheet's two sides, paired row by row as printed (资产 left, 负债和所有者权益 right). */
export function balanceSheetRows(
  lines: readonly StatementLine[],
): [StatementLine | undefined, StatementLine | undefined][] {
  const left = lines.filter((l) => l.section === '资产');
  const right = lines.filter((l) => l.section !== '资产');
  const rows: [StatementLine | undefined, StatementLine | undefined][] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) rows.push([left[i], right[i]]);
  return rows;
}

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
