import type { Statement, StatementColumnKey, StatementLine } from '../api/statements.js';

/**
 * The printed layout of 会小企01/02/03表 on top of what the engine answers: which lines are 其中
 * sub-items (indented on the form), the column order the form uses, the header block and the
 * period's name. Shared by the screen, the xlsx export and main's PDF of a statement.
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
export function statementColumns(
  statement: Pick<Statement, 'title'>,
  singleMonth: boolean,
): StatementColumn[] {
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

/** 2024-03-31 → 2024年3月31日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${String(Number(y))}年${String(Number(m))}月${String(Number(d))}日`;
}

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

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date range's name as the period picker gives it: 「2024年3月」「2024年第1季度」「2024年度」, or
 * 「2024-01-05 至 2024-02-10」 for any other range. Dates are YYYY-MM-DD.
 */
export function periodLabelOfRange(startDate: string, endDate: string): string {
  const [sy, sm, sd] = startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = endDate.split('-').map(Number) as [number, number, number];
  const wholeMonths = sd === 1 && ed === lastDayOfMonth(ey, em) && sy === ey;
  if (wholeMonths && sm === em) return `${String(sy)}年${String(sm)}月`;
  if (wholeMonths && sm % 3 === 1 && em === sm + 2) return `${String(sy)}年第${String((sm + 2) / 3)}季度`;
  if (wholeMonths && sm === 1 && em === 12) return `${String(sy)}年度`;
  return `${startDate} 至 ${endDate}`;
}

/** True when the range is exactly one calendar month (the form then says 本月金额). */
export function isSingleMonth(startDate: string, endDate: string): boolean {
  return /^\d{4}年\d{1,2}月$/.test(periodLabelOfRange(startDate, endDate));
}

/** 「演示科技有限公司_资产负债表_2024年3月.pdf」: set, statement and period, no path characters. */
export function reportFileName(
  setName: string,
  what: string,
  periodLabel: string,
  extension: string,
): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '');
  return `${clean(setName)}_${clean(what)}_${clean(periodLabel)}.${extension}`;
}
