import type { Statement, StatementLine } from '../../../../shared/api/statements.js';
import {
  balanceSheetRows,
  headerFields,
  indentLevel,
  isSingleMonth,
  periodLabelOfRange,
  reportFileName,
  statementColumns,
  type StatementColumn,
} from '../../../../shared/reports/statement-form.js';
import { escapeHtml, type PrintDocument } from './print-document.js';

/**
 * One statement (会小企01/02/03表) as a self-contained HTML page for printToPDF on A4: title, 表号,
 * header block (编制单位, 所属期 or 日期, 单位：元), 行次, 项目 and both columns; the balance sheet
 * as two sides on landscape. No script, no outside resources, every text escaped — the account
 * set's name and the 项目 come from the engine and are never trusted as markup.
 */

export interface StatementPeriod {
  startDate: string;
  endDate: string;
}

/** 1234567.8 → 1,234,567.80 (#,##0.00); zero left blank as on the printed form. */
export function formatStatementAmount(value: number | undefined): string {
  if (value === undefined) return '';
  const fen = Math.round(value * 100);
  if (fen === 0) return '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${whole}.${cents}`;
}

const STYLE = `
  @page { size: A4 portrait; margin: 10mm; }
  @page landscape { size: A4 landscape; margin: 10mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #000; margin: 0; }
  h1 { text-align: center; letter-spacing: 6px; font-size: 16pt; margin: 0 0 1mm; }
  .form-no { text-align: right; margin-bottom: 2mm; }
  .meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 1mm 2mm; }
  th { font-weight: 600; text-align: center; }
  td.line-no { text-align: center; width: 9mm; }
  td.amount { text-align: right; font-family: "DejaVu Sans Mono", Consolas, monospace; white-space: nowrap; }
  tr.total td { font-weight: 700; }
  tr.heading td { font-weight: 600; }
  .indent-1 { padding-left: 5mm; }
  .indent-2 { padding-left: 9mm; }
  .negative { color: #c00; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
`;

function itemCell(statement: Statement, line: StatementLine): string {
  const level = indentLevel(statement, line);
  const cls = level === 0 ? '' : ` class="indent-${String(level)}"`;
  return `<td${cls}>${escapeHtml(line.item)}</td>`;
}

function amountCells(line: StatementLine, columns: readonly StatementColumn[]): string {
  return columns
    .map((column) => {
      const value = line.kind === 'heading' ? undefined : line.values[column.key];
      const negative = value !== undefined && Math.round(value * 100) < 0;
      return `<td class="amount${negative ? ' negative' : ''}">${formatStatementAmount(value)}</td>`;
    })
    .join('');
}

function lineNoCell(line: StatementLine | undefined): string {
  return `<td class="line-no">${line?.line_no === null || line === undefined ? '' : String(line.line_no)}</td>`;
}

function oneSide(
  statement: Statement,
  line: StatementLine | undefined,
  columns: readonly StatementColumn[],
): string {
  if (!line)
    return `<td></td><td class="line-no"></td>${columns.map(() => '<td class="amount"></td>').join('')}`;
  return itemCell(statement, line) + lineNoCell(line) + amountCells(line, columns);
}

function rowClass(...lines: (StatementLine | undefined)[]): string {
  if (lines.some((l) => l?.kind === 'total')) return ' class="total"';
  if (lines.every((l) => l === undefined || l.kind === 'heading')) return ' class="heading"';
  return '';
}

function tableHtml(statement: Statement, columns: readonly StatementColumn[]): string {
  const heads = columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
  if (statement.title === '资产负债表') {
    const rows = balanceSheetRows(statement.lines)
      .map(
        ([left, right]) =>
          `<tr${rowClass(left, right)}>${oneSide(statement, left, columns)}${oneSide(statement, right, columns)}</tr>`,
      )
      .join('');
    return (
      `<table><thead><tr><th>资产</th><th>行次</th>${heads}<th>负债和所有者权益</th><th>行次</th>${heads}</tr></thead>` +
      `<tbody>${rows}</tbody></table>`
    );
  }
  const rows = statement.lines
    .map(
      (line) =>
        `<tr${rowClass(line)}>${itemCell(statement, line)}${lineNoCell(line)}${amountCells(line, columns)}</tr>`,
    )
    .join('');
  return `<table><thead><tr><th>项目</th><th>行次</th>${heads}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function statementPrintHtml(statement: Statement, period: StatementPeriod): string {
  const label = periodLabelOfRange(period.startDate, period.endDate);
  const columns = statementColumns(statement, isSingleMonth(period.startDate, period.endDate));
  const meta = headerFields(statement, { ...period, label })
    .map((f) => `<span>${escapeHtml(f.label)}：${escapeHtml(f.value)}</span>`)
    .join('');
  const landscape = statement.title === '资产负债表';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(statement.title)}</title><style>${STYLE}</style></head>
<body${landscape ? ' style="page: landscape"' : ''}>
<h1>${escapeHtml(statement.title)}</h1>
<div class="form-no">${escapeHtml(statement.form_no)}</div>
<div class="meta">${meta}</div>
${tableHtml(statement, columns)}
</body></html>`;
}

/** The statement as a document for the PDF printer: A4 (the two-sided balance sheet landscape). */
export function statementDocument(statement: Statement, period: StatementPeriod): PrintDocument {
  const label = periodLabelOfRange(period.startDate, period.endDate);
  return {
    kind: 'statement',
    title: `保存${statement.title} PDF`,
    html: statementPrintHtml(statement, period),
    pageSize: 'A4',
    landscape: statement.title === '资产负债表',
    suggestedFileName: reportFileName(statement.account_set_name, statement.title, label, 'pdf'),
  };
}
