import { describe, expect, test } from 'vitest';
import { balanceSheetFixture, profitFixture } from './statement-fixtures.js';
import { formatStatementAmount, statementDocument, statementPrintHtml } from './statement-print-html.js';

const MARCH = { startDate: '2026-03-01', endDate: '2026-03-31' };

/** The cells of the first table row whose 项目 cell is exactly `item`. */
function rowOf(html: string, item: string): string[] {
  const row = html.split('<tr').find((r) => r.includes(`>${item}</td>`));
  if (!row) throw new Error(`no row for ${item}`);
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
}

describe('a statement printed by main (HTML for printToPDF on A4)', () => {
  test('amounts are #,##0.00, negatives keep their minus, zero is blank', () => {
    expect(formatStatementAmount(1234567.8)).toBe('1,234,567.80');
    expect(formatStatementAmount(-250.5)).toBe('-250.50');
    expect(formatStatementAmount(0.07)).toBe('0.07');
    expect(formatStatementAmount(999.999)).toBe('1,000.00');
    expect(formatStatementAmount(0)).toBe('');
    expect(formatStatementAmount(-0.001)).toBe('');
    expect(formatStatementAmount(undefined)).toBe('');
  });

  test('the balance sheet: title, 表号, header block with 日期, two sides with 行次 and both columns', () => {
    const html = statementPrintHtml(balanceSheetFixture('演示科技有限公司'), MARCH);
    expect(html).toContain('<h1>资产负债表</h1>');
    expect(html).toContain('<div class="form-no">会小企01表</div>');
    expect(html).toContain('<span>编制单位：演示科技有限公司</span>');
    expect(html).toContain('<span>日期：2026年3月31日</span>');
    expect(html).toContain('<span>单位：元</span>');
    expect(html).toContain(
      '<th>资产</th><th>行次</th><th>期末余额</th><th>年初余额</th><th>负债和所有者权益</th><th>行次</th><th>期末余额</th><th>年初余额</th>',
    );
    // 货币资金 (行次 1) sits beside 短期借款 (行次 31) on the same printed row.
    expect(rowOf(html, '货币资金')).toEqual([
      '货币资金',
      '1',
      '1,234,567.80',
      '1,000.00',
      '短期借款',
      '31',
      '',
      '',
    ]);
    expect(rowOf(html, '资产总计')).toEqual([
      '资产总计',
      '30',
      '1,234,317.30',
      '1,000.00',
      '负债和所有者权益总计',
      '53',
      '1,234,317.30',
      '1,000.00',
    ]);
    expect(html).toMatch(/<tr class="total"><td class="indent-1">资产总计/);
    expect(html).toContain('<td class="indent-2">其中：原材料</td>');
    expect(html).toContain('<td class="amount negative">-250.50</td>');
  });

  test('the income statement: 所属期, 本年累计金额 before 本月金额, 本期金额 for a quarter', () => {
    const month = statementPrintHtml(profitFixture('演示科技有限公司'), MARCH);
    expect(month).toContain('<div class="form-no">会小企02表</div>');
    expect(month).toContain('<span>所属期：2026年3月</span>');
    expect(month).toContain('<th>项目</th><th>行次</th><th>本年累计金额</th><th>本月金额</th>');
    expect(rowOf(month, '减：营业成本')).toEqual(['减：营业成本', '2', '90,000.25', '30,000.00']);
    expect(rowOf(month, '四、净利润')).toEqual(['四、净利润', '32', '59,999.75', '-1,200.40']);
    const quarter = statementPrintHtml(profitFixture('演示科技有限公司'), {
      startDate: '2026-01-01',
      endDate: '2026-03-31',
    });
    expect(quarter).toContain('<span>所属期：2026年第1季度</span>');
    expect(quarter).toContain('<th>本期金额</th>');
  });

  test('a hostile account-set name or 项目 is text, never markup; the page allows no script', () => {
    const hostile = '<img src=x onerror="alert(1)">&"\'';
    const statement = profitFixture(hostile);
    statement.lines = statement.lines.map((line, i) =>
      i === 0 ? { ...line, item: '</td><script>alert(2)</script>' } : line,
    );
    const html = statementPrintHtml(statement, MARCH);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('编制单位：&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#34;&#39;');
    expect(html).toContain('&#60;/td&#62;&#60;script&#62;alert(2)&#60;/script&#62;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  test('the document: A4 (balance sheet landscape), file name says set, statement and period', () => {
    const sheet = statementDocument(balanceSheetFixture('演示科技有限公司'), MARCH);
    expect(sheet).toMatchObject({
      kind: 'statement',
      pageSize: 'A4',
      landscape: true,
      title: '保存资产负债表 PDF',
      suggestedFileName: '演示科技有限公司_资产负债表_2026年3月.pdf',
    });
    const year = statementDocument(profitFixture('演示 科技/有限:公司'), {
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(year).toMatchObject({
      landscape: false,
      suggestedFileName: '演示科技有限公司_利润表_2026年度.pdf',
    });
    const custom = statementDocument(profitFixture('<a>..\\b'), {
      startDate: '2026-01-05',
      endDate: '2026-02-10',
    });
    expect(custom.suggestedFileName).toBe('a..b_利润表_2026-01-05至2026-02-10.pdf');
  });
});
