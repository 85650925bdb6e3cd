import ExcelJS from 'exceljs';
import type { DetailLedgerRow } from '../../../../../shared/api/detail-ledger';
import type { Statement } from '../../../../../shared/api/statements';
import type { TrialBalanceResponse } from '../../../../../shared/api/trial-balance';
import { balanceSheetRows, headerFields, indentLevel, statementColumns } from '../statements/statementLayout';

/**
 * The workbook laid out like the printed forms: merged title, 表号 and header block, bordered grid,
 * 行次 column, amounts as numbers in `#,##0.00`. Loaded on demand (exceljs is a chunk of its own).
 */

const MONEY = '#,##0.00';
/** ExcelJS.PaperSize.A4: a const enum, which an isolated module cannot read, so its value. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
const A4 = 9 as ExcelJS.PaperSize.A4;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface PeriodInfo {
  startDate: string;
  endDate: string;
  label: string;
  singleMonth: boolean;
}

function header(
  sheet: ExcelJS.Worksheet,
  title: string,
  formNo: string | undefined,
  fields: string[],
  width: number,
) {
  sheet.mergeCells(1, 1, 1, width);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  sheet.getRow(1).height = 26;
  if (formNo) {
    sheet.getCell(2, width).value = formNo;
    sheet.getCell(2, width).alignment = { horizontal: 'right' };
  }
  // 编制单位 left, 所属期 middle, 单位：元 right, as on the form.
  const [unit, when, money] = fields;
  const third = Math.max(1, Math.floor(width / 3));
  sheet.mergeCells(3, 1, 3, third);
  sheet.getCell(3, 1).value = unit ?? '';
  sheet.mergeCells(3, third + 1, 3, Math.max(third + 1, width - 1));
  sheet.getCell(3, third + 1).value = when ?? '';
  sheet.getCell(3, third + 1).alignment = { horizontal: 'center' };
  sheet.getCell(3, width).value = money ?? '';
  sheet.getCell(3, width).alignment = { horizontal: 'right' };
}

function grid(sheet: ExcelJS.Worksheet, fromRow: number, toRow: number, width: number) {
  for (let r = fromRow; r <= toRow; r += 1) {
    for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
  }
}

export function addStatementSheet(book: ExcelJS.Workbook, statement: Statement, period: PeriodInfo): void {
  const sheet = book.addWorksheet(statement.title, {
    pageSetup: { paperSize: A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = statementColumns(statement, period.singleMonth);
  const twoSided = statement.title === '资产负债表';
  const sideWidth = 2 + columns.length;
  const width = twoSided ? sideWidth * 2 : sideWidth;
  header(
    sheet,
    statement.title,
    statement.form_no,
    headerFields(statement, period).map((f) => `${f.label}：${f.value}`),
    width,
  );

  const headRow = sheet.getRow(4);
  const sides = twoSided ? ['资产', '负债和所有者权益'] : ['项目'];
  sides.forEach((side, i) => {
    const base = i * sideWidth;
    headRow.getCell(base + 1).value = side;
    headRow.getCell(base + 2).value = '行次';
    columns.forEach((c, j) => (headRow.getCell(base + 3 + j).value = c.label));
  });
  headRow.font = { bold: true };
  headRow.alignment = { horizontal: 'center' };

  const pairs = twoSided
    ? balanceSheetRows(statement.lines)
    : statement.lines.map((l) => [l, undefined] as const);
  let r = 5;
  for (const pair of pairs) {
    const row = sheet.getRow(r);
    pair.forEach((line, i) => {
      if (!line) return;
      const base = i * sideWidth;
      const item = row.getCell(base + 1);
      item.value = line.item;
      item.alignment = { indent: indentLevel(statement, line) * 2 };
      if (line.kind !== 'item') item.font = { bold: true };
      row.getCell(base + 2).value = line.line_no ?? '';
      row.getCell(base + 2).alignment = { horizontal: 'center' };
      columns.forEach((c, j) => {
        if (line.kind === 'heading') return;
        const cell = row.getCell(base + 3 + j);
        cell.value = line.values[c.key] ?? 0;
        cell.numFmt = MONEY;
        if (line.kind === 'total') cell.font = { bold: true };
      });
    });
    r += 1;
  }
  grid(sheet, 4, r - 1, width);
  sides.forEach((_side, i) => {
    const base = i * sideWidth;
    sheet.getColumn(base + 1).width = twoSided ? 30 : 48;
    sheet.getColumn(base + 2).width = 6;
    columns.forEach((_c, j) => (sheet.getColumn(base + 3 + j).width = 16));
  });
}

const TB_GROUPS = [
  ['期初余额', 'opening_debit', 'opening_credit'],
  ['本期发生额', 'period_debit', 'period_credit'],
  ['本年累计发生额', 'year_debit', 'year_credit'],
  ['期末余额', 'closing_debit', 'closing_credit'],
] as const;

export function addTrialBalanceSheet(
  book: ExcelJS.Workbook,
  tb: TrialBalanceResponse,
  period: PeriodInfo,
): void {
  const sheet = book.addWorksheet('科目余额表', {
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = 10;
  header(
    sheet,
    '科目余额表',
    undefined,
    [`编制单位：${tb.account_set_name}`, `所属期：${period.label}`, '单位：元'],
    width,
  );
  sheet.mergeCells(4, 1, 5, 1);
  sheet.getCell(4, 1).value = '科目编码';
  sheet.mergeCells(4, 2, 5, 2);
  sheet.getCell(4, 2).value = '科目名称';
  TB_GROUPS.forEach(([label], i) => {
    sheet.mergeCells(4, 3 + i * 2, 4, 4 + i * 2);
    sheet.getCell(4, 3 + i * 2).value = label;
    sheet.getCell(5, 3 + i * 2).value = '借方';
    sheet.getCell(5, 4 + i * 2).value = '贷方';
  });
  for (const r of [4, 5]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle' };
  }
  let r = 6;
  const put = (values: (string | number)[], bold: boolean) => {
    const row = sheet.getRow(r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (i >= 2) cell.numFmt = MONEY;
      if (bold) cell.font = { bold: true };
    });
    r += 1;
  };
  for (const row of tb.rows) {
    put(
      [
        row.code,
        `${'　'.repeat(row.level - 1)}${row.name}`,
        ...TB_GROUPS.flatMap(([, d, c]) => [row[d], row[c]]),
      ],
      row.level === 1,
    );
  }
  put(['合计', '', ...TB_GROUPS.flatMap(([, d, c]) => [tb.totals[d], tb.totals[c]])], true);
  grid(sheet, 4, r - 1, width);
  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 24;
  for (let c = 3; c <= width; c += 1) sheet.getColumn(c).width = 15;
}

export function addDetailLedgerSheet(
  book: ExcelJS.Workbook,
  account: { code: string; name: string; setName: string },
  rows: readonly DetailLedgerRow[],
  period: PeriodInfo,
): void {
  const sheet = book.addWorksheet('明细账', {
    pageSetup: { paperSize: A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = 7;
  header(
    sheet,
    `明细账 ${account.code} ${account.name}`,
    undefined,
    [`编制单位：${account.setName}`, `所属期：${period.label}`, '单位：元'],
    width,
  );
  const head = ['日期', '凭证字号', '摘要', '借方', '贷方', '方向', '余额'];
  head.forEach((h, i) => (sheet.getCell(4, i + 1).value = h));
  sheet.getRow(4).font = { bold: true };
  sheet.getRow(4).alignment = { horizontal: 'center' };
  let r = 5;
  for (const row of rows) {
    const amounts = row.kind === 'posting' || row.kind === 'month_total' || row.kind === 'year_total';
    const values = [
      row.date,
      row.voucher_no ?? '',
      row.abstract,
      amounts ? row.debit : '',
      amounts ? row.credit : '',
      row.direction,
      row.balance,
    ];
    values.forEach((v, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = v;
      if (i === 3 || i === 4 || i === 6) cell.numFmt = MONEY;
      if (row.kind !== 'posting') cell.font = { bold: true };
    });
    r += 1;
  }
  grid(sheet, 4, r - 1, width);
  [12, 10, 36, 16, 16, 6, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

export function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '账小二';
  book.created = new Date();
  return book;
}

/** Saves through a download link (Electron shows its save dialog for it; a browser downloads). */
export async function saveWorkbook(book: ExcelJS.Workbook, fileName: string): Promise<void> {
  const buffer = await book.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 「演示科技有限公司_资产负债表_2024年3月.xlsx」: set, statement and period, no path characters. */
export function exportFileName(setName: string, what: string, periodLabel: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${clean(setName)}_${clean(what)}_${clean(periodLabel)}.xlsx`;
}
