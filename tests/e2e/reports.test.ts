import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './browser-harness.js';

/** Known vouchers of March 2026 and the figures every statement must show for them. */
const MARCH = { kind: 'month', startDate: '2026-03-01', endDate: '2026-03-31' } as const;
const e = (account_code: string, debit: number, credit: number, abstract: string) => ({
  abstract,
  account_code,
  debit,
  credit,
});
const VOUCHERS = [
  { date: '2026-03-01', entries: [e('1002', 100_000, 0, '收到投资款'), e('3001', 0, 100_000, '收到投资款')] },
  {
    date: '2026-03-05',
    entries: [
      e('1122', 11_300, 0, '销售商品'),
      e('5001', 0, 10_000, '销售商品'),
      e('22210102', 0, 1_300, '销项税额'),
    ],
  },
  { date: '2026-03-10', entries: [e('1002', 11_300, 0, '收到货款'), e('1122', 0, 11_300, '收到货款')] },
  { date: '2026-03-15', entries: [e('560203', 500, 0, '采购办公用品'), e('1002', 0, 500, '支付办公用品款')] },
  { date: '2026-03-18', entries: [e('1405', 8_000, 0, '采购商品'), e('1002', 0, 8_000, '支付货款')] },
  { date: '2026-03-25', entries: [e('5401', 6_000, 0, '结转销售成本'), e('1405', 0, 6_000, '结转销售成本')] },
];

describe('报表 over browser mode with the real engine', () => {
  let h: Harness;
  let accountSetId: string;
  let downloadDir: string;

  async function call(name: string, args: unknown): Promise<unknown> {
    const answer = await h.mode.services.router.dispatch(name, args, h.mode.server.origin);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.data;
  }

  /** Screenshots of the current view at both window sizes. */
  async function shots(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.screenshot(`reports-${name}-1280x800`);
    await page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot(`reports-${name}-1024x700`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  /** The text of the amount cell `column` (0-based among amounts) on 行次 `lineNo`. */
  async function amountOn(page: Page, lineNo: number, column: number): Promise<string> {
    const row = page
      .locator(
        `tr[data-line="${String(lineNo)}"], tr[data-line-left="${String(lineNo)}"], tr[data-line-right="${String(lineNo)}"]`,
      )
      .first();
    const left = await row.getAttribute('data-line-left');
    const cells = row.locator('td.zxe-amount');
    const sideOffset = left !== null && left !== String(lineNo) ? 2 : 0;
    return (await cells.nth(sideOffset + column).innerText()).trim();
  }

  beforeAll(async () => {
    h = await startHarness();
    downloadDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-e2e-downloads-'));
    const sets = (await call('listAccountSets', {})) as {
      data: { accounts: { id: string; status: string }[] };
    };
    const active = sets.data.accounts.find((s) => s.status === 'active');
    if (!active) throw new Error('no active demo account set');
    accountSetId = active.id;
    for (const v of VOUCHERS) {
      const created = (await call('createVoucher', { voucher: { account_id: accountSetId, ...v } })) as {
        status: string;
      };
      expect(created.status).toBe('created');
    }
    await call('setUiState', { accountSetId, period: MARCH });
  });

  afterAll(async () => {
    await h.close();
    rmSync(downloadDir, { recursive: true, force: true });
  });

  test('each statement of the month shows the exact figures, in the official layout', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/balance`);
    const statement = page.getByTestId('statement');
    await statement.getByText('会小企01表').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('statement-field-日期').innerText()).resolves.toBe('日期：2026年3月31日');
    await expect(page.getByTestId('statement-field-编制单位').innerText()).resolves.toContain(
      '演示科技有限公司',
    );
    expect(await amountOn(page, 1, 0)).toBe('102,800.00'); // 货币资金
    expect(await amountOn(page, 9, 0)).toBe('2,000.00'); // 存货
    expect(await amountOn(page, 30, 0)).toBe('104,800.00'); // 资产总计
    expect(await amountOn(page, 36, 0)).toBe('1,300.00'); // 应交税费
    expect(await amountOn(page, 51, 0)).toBe('3,500.00'); // 未分配利润
    expect(await amountOn(page, 53, 0)).toBe('104,800.00');
    await expect(page.getByTestId('balance-check').innerText()).resolves.toContain('平衡');
    await shots(page, 'balance-sheet');

    await page.getByRole('tab', { name: '利润表' }).click();
    await statement.getByText('会小企02表').waitFor();
    await expect(page.getByTestId('statement-field-所属期').innerText()).resolves.toBe('所属期：2026年3月');
    // Columns: 本年累计金额, 本月金额.
    expect(await amountOn(page, 1, 1)).toBe('10,000.00');
    expect(await amountOn(page, 2, 1)).toBe('6,000.00');
    expect(await amountOn(page, 14, 1)).toBe('500.00');
    expect(await amountOn(page, 32, 1)).toBe('3,500.00');
    expect(await amountOn(page, 32, 0)).toBe('3,500.00');
    await shots(page, 'profit');

    await page.getByRole('tab', { name: '现金流量表' }).click();
    await statement.getByText('会小企03表').waitFor();
    expect(await amountOn(page, 1, 1)).toBe('11,300.00');
    expect(await amountOn(page, 3, 1)).toBe('8,000.00');
    expect(await amountOn(page, 6, 1)).toBe('500.00');
    expect(await amountOn(page, 7, 1)).toBe('2,800.00');
    expect(await amountOn(page, 15, 1)).toBe('100,000.00');
    expect(await amountOn(page, 22, 1)).toBe('102,800.00');
    await shots(page, 'cash-flow');

    await page.getByRole('tab', { name: '科目余额表' }).click();
    const tb = page.getByTestId('trial-balance');
    await tb.locator('tr[data-code="1002"]').waitFor();
    const total = tb.locator('tr[data-code="total"] td.zxe-amount');
    await expect(total.nth(2).innerText()).resolves.toBe('137,100.00'); // 本期借方
    await expect(total.nth(3).innerText()).resolves.toBe('137,100.00'); // 本期贷方
    await expect(page.getByTestId('balance-check').innerText()).resolves.toContain('借贷平衡');
    await shots(page, 'trial-balance');
  });

  test('drill from 货币资金 to the accounts, 1002 明细账 and the voucher', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/balance`);
    await page.getByRole('button', { name: '货币资金' }).click();
    await page.getByTestId('report-breadcrumbs').getByText('第 1 行').waitFor();
    await shots(page, 'drill-accounts');
    await page.locator('tr[data-code="1002"]').getByRole('button', { name: '1002' }).click();
    const ledger = page.getByTestId('detail-ledger');
    await ledger.locator('[data-kind="posting"]').first().waitFor();
    await expect(ledger.locator('[data-kind="posting"]').count()).resolves.toBe(4);
    const rows = await ledger.locator('[role="row"][data-index]').allInnerTexts();
    expect(rows[0]).toContain('期初余额');
    expect(rows.at(-3)).toContain('本月合计');
    expect(rows.at(-3)).toContain('111,300.00');
    expect(rows.at(-2)).toContain('本年累计');
    expect(rows.at(-1)).toContain('期末余额');
    expect(rows.at(-1)).toContain('102,800.00');
    await expect(page.getByTestId('report-breadcrumbs').innerText()).resolves.toContain('1002 明细账');
    await shots(page, 'detail-ledger');
    await ledger.getByRole('button', { name: '记-1' }).click();
    await page.waitForURL(/#\/vouchers\/vch_/);
    await page.getByText('收到投资款').first().waitFor({ timeout: 15_000 });
    await shots(page, 'drill-voucher');
    await page.goBack();
    await ledger.locator('[data-kind="posting"]').first().waitFor();
  });

  test('close the month (结转损益) and reopen it', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/closing`);
    const table = page.getByTestId('period-table');
    await table.getByText('2026-03').waitFor({ timeout: 15_000 });
    await table.getByRole('button', { name: '结账' }).click();
    await page.getByText('将生成一张「结转损益」凭证').waitFor();
    await shots(page, 'closing-confirm');
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '结账' }).click();
    const result = page.getByTestId('closing-result');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.innerText()).resolves.toContain('本期净利润 3,500.00');
    await expect(result.innerText()).resolves.toContain('记-7');
    await table.getByText('已结账').waitFor();
    await page.getByTestId('period-closed').waitFor();
    await shots(page, 'closed');

    await table.getByRole('button', { name: '反结账' }).click();
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '反结账' }).click();
    await table.getByText('未结账').waitFor({ timeout: 15_000 });
    await page.getByTestId('period-closed').waitFor({ state: 'detached' });
  });

  test('export xlsx and read it back: one sheet per statement plus 科目余额表, merged title, figures', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/balance`);
    await page.getByTestId('statement').getByText('会小企01表').waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('演示科技有限公司_资产负债表_2026年3月.xlsx');
    const file = path.join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['资产负债表', '利润表', '现金流量表', '科目余额表']);
    const bs = book.getWorksheet('资产负债表');
    if (!bs) throw new Error('no balance sheet');
    expect(bs.getCell('A1').value).toBe('资产负债表');
    expect(bs.getCell('A1').isMerged).toBe(true);
    expect(bs.getCell('H1').master.address).toBe('A1');
    expect(bs.getCell('H2').value).toBe('会小企01表');
    const cash = bs.getRow(6);
    expect(cash.getCell(1).value).toBe('货币资金');
    expect(cash.getCell(2).value).toBe(1);
    expect(cash.getCell(3).value).toBe(102_800);
    expect(cash.getCell(3).numFmt).toBe('#,##0.00');
    const pl = book.getWorksheet('利润表');
    const net = pl?.getRows(5, 40)?.find((r) => r.getCell(2).value === 32);
    expect(net?.getCell(4).value).toBe(3_500);
    const tb = book.getWorksheet('科目余额表');
    expect(tb?.getCell('C4').isMerged).toBe(true);
  });

  test('the charts render from their own chunk', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/chart`);
    await page.getByTestId('chart-profit').locator('canvas').waitFor({ timeout: 20_000 });
    await page.getByTestId('chart-balance').locator('canvas').waitFor();
    await shots(page, 'charts');
  });

  test('with the engine stopped a statement opens from the cache, with the badge', async () => {
    const { page } = h;
    await page.goto(`${h.mode.server.url}#/reports/profit`);
    await page.getByTestId('statement').getByText('会小企02表').waitFor({ timeout: 15_000 });
    await h.mode.services.engine.stop();
    await page.reload();
    await page.getByTestId('cache-source-tag').waitFor({ timeout: 20_000 });
    expect(await amountOn(page, 32, 1)).toBe('3,500.00');
    await shots(page, 'offline-cache');
    await h.mode.services.engine.start();
  });
});
