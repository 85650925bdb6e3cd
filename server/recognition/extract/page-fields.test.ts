import { describe, expect, it } from 'vitest';
import type { PositionedPage, TextRun } from '../positioned-text.js';
import { extractFromPage } from './page-fields.js';

const run = (text: string, x: number, y: number, width: number): TextRun => ({
  text,
  x,
  y,
  width,
  height: 11,
  confidence: 0.99,
});

/** An OCR page of a 数电专票 with two item lines (PDF points, as the scanned-PDF path reports). */
function page(totalsLabel: TextRun[], secondItem = [run('12935.73', 415, 167, 34)]): PositionedPage {
  return {
    pageNumber: 1,
    width: 595,
    height: 397,
    source: 'ocr',
    runs: [
      run('电子发票(增值税专用发票)', 201, 23, 185),
      run('发票号码:24507322208789103587', 409, 25, 123),
      run('开票日期:2024年04月02日', 406, 43, 99),
      run('项目名称', 56, 139, 44),
      run('单价', 328, 140, 26),
      run('数量', 264, 140, 26),
      run('金额', 406, 141, 27),
      run('税率/征收率', 455, 141, 42),
      run('税额', 532, 141, 27),
      run('*咨询服务*咨询服务费', 35, 153, 74),
      run('6361.92', 418, 154, 31),
      run('6%', 461, 155, 14),
      run('381.72', 545, 155, 26),
      run('*咨询服务*咨询服务费', 34, 166, 76),
      ...secondItem,
      run('6%', 461, 167, 15),
      run('776.14', 545, 167, 25),
      ...totalsLabel,
      run('¥19297.65', 411, 275, 37),
      run('¥1157.86', 535, 275, 36),
      run('价税合计(大写)', 31, 295, 54),
      run('⊗贰万零肆佰伍拾伍圆伍角壹分', 147, 295, 111),
      run('(小写)', 395, 297, 22),
      run('¥20455.51', 424, 297, 39),
    ],
  };
}

describe('the 合计 line read by OCR', () => {
  it.each([
    ['with its label', [run('合', 58, 273, 10), run('计', 150, 273, 10)]],
    ['with half of its label lost', [run('合', 58, 273, 10)]],
    ['with its label lost', []],
  ])('%s: the totals, and no extra item', (_label, totalsLabel) => {
    const invoice = extractFromPage(page(totalsLabel));
    expect(invoice.items).toHaveLength(2);
    expect(invoice.totalAmount?.value).toBe(1_929_765);
    expect(invoice.totalTax?.value).toBe(115_786);
  });
});

describe('a quantity OCR read as a look-alike of 1', () => {
  const amount = run('12935.73', 415, 167, 34);
  it.each(['√', 'V', 'l', '|'])('%s is 1 when the line’s price equals its amount', (glyph) => {
    const invoice = extractFromPage(
      page([], [run(glyph, 286, 168, 6), run('12935.73', 341, 167, 30), amount]),
    );
    expect(invoice.items[1]).toMatchObject({ quantity: '1', unitPrice: '12935.73', amountFen: 1_293_573 });
  });

  it('stays unread when the price does not prove it', () => {
    const invoice = extractFromPage(page([], [run('√', 286, 168, 6), run('6467.865', 341, 167, 30), amount]));
    expect(invoice.items[1]).toMatchObject({ quantity: null, unitPrice: '6467.865' });
  });
});
