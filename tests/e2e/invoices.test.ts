import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invoiceListResponseSchema } from '../../shared/api/invoice.js';
import { voucherListResponseSchema } from '../../shared/api/ledger.js';
import { callIpc, openDemoAccountSet, startHarness, type Harness, type IpcName } from './browser-harness.js';

const DEMO = path.resolve(import.meta.dirname, '../../resources/demo-invoices');
const OFFICE_PDF = 'digital-vat-office-supplies.pdf';
const JUNE_2024 = { kind: 'month', startDate: '2024-06-01', endDate: '2024-06-30' } as const;

function yuan(text: string): number {
  return Number(text.replace(/[,¥\s]/g, ''));
}

/** The 票据 section over browser mode with the real local engine: drop → recognise → voucher → 利润表. */
describe('票据: drop, recognise, 生成凭证, learning, duplicates (browser mode)', () => {
  let h: Harness;
  let base: string;
  let accountSetId: string;

  const call = (name: IpcName, args: unknown): Promise<unknown> => callIpc(h, name, args);

  async function dropFile(file: string): Promise<void> {
    const bytes = readFileSync(path.join(DEMO, file)).toString('base64');
    const transfer = await h.page.evaluateHandle(
      ({ name, b64 }) => {
        const raw = atob(b64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        // The page's own DataTransfer (this callback runs in Chromium).
        const Transfer = (
          globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } }
        ).DataTransfer;
        const dt = new Transfer();
        dt.items.add(new File([data], name, { type: 'application/pdf' }));
        return dt;
      },
      { name: file, b64: bytes },
    );
    const zone = h.page.locator('.ant-upload-drag .ant-upload-btn');
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  async function profitRow(name: string): Promise<number[]> {
    await h.page.goto(`${base}#/reports/profit`);
    const row = h.page.locator('tr', { hasText: name }).first();
    await row.waitFor({ timeout: 20_000 });
    await h.page.waitForTimeout(300);
    return (await row.locator('td.zxe-amount').allInnerTexts()).map(yuan);
  }

  beforeAll(async () => {
    h = await startHarness();
    ({ base, accountSetId } = await openDemoAccountSet(h, JUNE_2024, 30_000));
  }, 60_000);

  afterAll(async () => {
    await h.close();
  });

  test('a dropped invoice is recognised, becomes a voucher with a changed expense account, and shows in 凭证 and 利润表; the same file again is 重复', async () => {
    const before = await profitRow('管理费用');

    await h.page.goto(`${base}#/invoices`);
    await h.page.locator('.ant-upload-drag').waitFor({ timeout: 20_000 });
    await dropFile(OFFICE_PDF);
    const item = h.page.getByTestId('upload-item').first();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 90_000 }).toBe('recognized');
    await h.page
      .locator('tr.ant-table-row', { hasText: '上海朗润办公用品股份有限公司' })
      .first()
      .waitFor({ timeout: 20_000 });
    await h.screenshot('invoices-recognized-1280');

    const listed = invoiceListResponseSchema.parse(
      await call('listInvoices', { accountSetId, period: '2024-06' }),
    );
    const invoice = listed.invoices.find((i) => i.invoice_number === '24317561527460088021');
    if (!invoice) throw new Error('recognised invoice not listed');
    expect(invoice.amount).toBe(2143.62);
    expect(invoice.category_account_code).toBe('560203');
    const net = invoice.total_amount ?? 0;

    // The drawer: the PDF rendered by pdf.js, the fields, the suggestion with its reason.
    await h.page.locator('tr.ant-table-row', { hasText: '上海朗润办公用品股份有限公司' }).first().click();
    await h.page.getByTestId('invoice-pdf-canvas').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => h.page.getByTestId('invoice-pdf-canvas').getAttribute('width').then(Number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(100);
    await expect(h.page.getByTestId('field-invoice_number').inputValue()).resolves.toBe(
      '24317561527460088021',
    );
    await expect(h.page.getByTestId('category-reason').innerText()).resolves.toMatch(/税收分类/);
    await h.screenshot('invoices-drawer-1280');

    // 生成凭证: the editor prefilled; the expense line moved from 办公费 to 业务招待费 (560202).
    await h.page.getByTestId('generate-voucher').click();
    const modal = h.page;
    const account = modal.getByLabel('第1行会计科目');
    await account.waitFor({ timeout: 15_000 });
    await expect(account.inputValue()).resolves.toContain('560203');
    await account.click();
    await h.page.keyboard.press('Control+A');
    await h.page.keyboard.type('560202');
    await h.page.getByTestId('account-picker').waitFor();
    await h.page.keyboard.press('Enter');
    await modal.getByTestId('will-learn').waitFor();
    await h.screenshot('invoices-voucher-editor-1280');
    await modal.getByTestId('save-invoice-voucher').click();
    const learned = h.page.getByTestId('learned');
    await learned.waitFor({ timeout: 20_000 });
    await expect(learned.innerText()).resolves.toMatch(/已记住：上海朗润办公用品股份有限公司 → .*业务招待费/);
    await h.screenshot('invoices-learned-1280');

    // The voucher exists with the invoice attached, and the list shows its 凭证字号.
    const vouchers = voucherListResponseSchema.parse(
      (
        (await call('listVouchers', { accountSetId, period: '2024-06', page: 1, pageSize: 100 })) as {
          data: unknown;
        }
      ).data,
    );
    const voucher = vouchers.vouchers.find((v) => v.attachments.includes(invoice.invoice_id));
    if (!voucher) throw new Error('no voucher with the invoice attached');
    expect(voucher.entries.find((e) => e.account_code === '560202')?.debit).toBe(net);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('invoice-voucher-no').getByText(voucher.voucher_no).waitFor({ timeout: 20_000 });
    await h.page.goto(`${base}#/vouchers`);
    await h.page.getByText(voucher.voucher_no, { exact: true }).first().waitFor({ timeout: 20_000 });

    // That month's 利润表: 管理费用 grew by the invoice's amount without tax.
    const after = await profitRow('管理费用');
    expect(
      after.some((value, i) => Math.round((value - (before[i] ?? 0)) * 100) === Math.round(net * 100)),
    ).toBe(true);
    await h.screenshot('invoices-profit-1280');

    // The same file again: 重复.
    await h.page.goto(`${base}#/invoices`);
    await h.page.locator('.ant-upload-drag').waitFor();
    await dropFile(OFFICE_PDF);
    await expect
      .poll(() => h.page.getByTestId('upload-item').first().getAttribute('data-state'), { timeout: 60_000 })
      .toBe('duplicate');
    await h.screenshot('invoices-duplicate-1280');
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot('invoices-duplicate-1024');

    // The learned account: the next recognition of this seller's invoice suggests 业务招待费.
    await h.page.locator('tr.ant-table-row', { hasText: '上海朗润办公用品股份有限公司' }).first().click();
    await h.page.getByTestId('category-reason').waitFor();
    await h.screenshot('invoices-drawer-1024');
    await h.page.setViewportSize({ width: 1280, height: 800 });
  }, 300_000);
});
