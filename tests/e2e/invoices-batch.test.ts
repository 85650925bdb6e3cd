import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invoiceListResponseSchema, type InvoiceRecord } from '../../shared/api/invoice.js';
import { voucherListResponseSchema, type VoucherListResponse } from '../../shared/api/ledger.js';
import {
  ARTIFACTS_DIR,
  callIpc,
  openDemoAccountSet,
  startHarness,
  type Harness,
  type IpcName,
} from './browser-harness.js';
import { dropInvoiceFiles, makeMonthInvoices, type GeneratedInvoiceFile } from './invoice-files.js';

const MAY_2024 = { kind: 'month', startDate: '2024-05-01', endDate: '2024-05-31' } as const;

type Voucher = VoucherListResponse['vouchers'][number];

const fen = (yuan: number): number => Math.round(yuan * 100);

/** An entry list as account → side → fen, the way two vouchers are compared. */
function bySide(entries: readonly { account_code: string; debit: number; credit: number }[]) {
  const sums = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.account_code}:${e.debit !== 0 ? 'D' : 'C'}`;
    sums.set(key, (sums.get(key) ?? 0) + fen(e.debit || e.credit));
  }
  return Object.fromEntries([...sums.entries()].sort());
}

/**
 * 批量生成凭证 over browser mode with the real engine: six generated invoices (two pairs from the same
 * seller, one 销项) dropped at once; three booked one voucher per seller, two one voucher per invoice;
 * the engine holds exactly those vouchers with those amounts, and the list shows each 凭证字号.
 */
describe('票据: 批量生成凭证 with both merge rules (browser mode)', () => {
  let h: Harness;
  let base: string;
  let accountSetId: string;
  let files: GeneratedInvoiceFile[];

  const call = (name: IpcName, args: unknown): Promise<unknown> => callIpc(h, name, args);

  async function engineInvoices(direction?: 'purchase' | 'sale'): Promise<InvoiceRecord[]> {
    return invoiceListResponseSchema.parse(
      await call('listInvoices', {
        accountSetId,
        period: '2024-05',
        pageSize: 100,
        ...(direction ? { direction } : {}),
      }),
    ).invoices;
  }

  async function engineVouchers(): Promise<Voucher[]> {
    return voucherListResponseSchema.parse(
      (
        (await call('listVouchers', { accountSetId, period: '2024-05', page: 1, pageSize: 100 })) as {
          data: unknown;
        }
      ).data,
    ).vouchers;
  }

  /** A modal or drawer as the window shows it (a full-page picture would cut its mask in half). */
  async function overlayShot(name: string): Promise<void> {
    await h.page.waitForTimeout(600);
    await h.page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
  }

  async function openDrawer(invoiceNumber: string, name: string): Promise<void> {
    await row(invoiceNumber).locator('td').nth(3).click();
    await h.page.getByTestId('invoice-fields').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => h.page.getByTestId('invoice-pdf-canvas').getAttribute('width').then(Number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(100);
    await overlayShot(name);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('invoice-fields').waitFor({ state: 'hidden' });
  }

  const row = (invoiceNumber: string) =>
    h.page.locator(`tr.ant-table-row:has([data-invoice-number="${invoiceNumber}"])`);

  async function select(numbers: readonly string[]): Promise<void> {
    for (const n of numbers)
      await row(n).locator('.ant-table-selection-column input[type="checkbox"]').check();
  }

  async function filterTo(label: string): Promise<void> {
    await h.page.locator('.ant-segmented-item', { hasText: label }).click();
  }

  beforeAll(async () => {
    files = await makeMonthInvoices('2024-05', [
      { format: 'pdf', day: 3, categories: ['办公用品'] },
      { format: 'xml', day: 9, sameSeller: 0, categories: ['办公用品'] },
      { format: 'ofd', day: 12, categories: ['快递服务'] },
      { format: 'xml', day: 15, sameSeller: 2, categories: ['快递服务'] },
      { format: 'xml', day: 20, categories: ['住宿服务'] },
      { format: 'xml', day: 22, sale: true, categories: ['信息技术服务'] },
    ]);
    h = await startHarness();
    ({ base, accountSetId } = await openDemoAccountSet(h, MAY_2024, 90_000));
  }, 180_000);

  afterAll(async () => {
    await h.close();
  });

  test('six dropped invoices → 进项/销项 tabs; three merged by seller into two vouchers, two booked one per invoice; each row shows its 凭证字号; filters; vouchers in 凭证', async () => {
    const number = (i: number): string => files[i]?.truth.invoiceNumber ?? '';
    await h.page.goto(`${base}#/invoices`);
    await h.page.locator('.ant-upload-drag').waitFor({ timeout: 20_000 });
    await dropInvoiceFiles(h.page, files);
    await expect
      .poll(() => h.page.locator('[data-testid="upload-item"][data-state="recognized"]').count(), {
        timeout: 120_000,
      })
      .toBe(6);

    // The engine read each file as generated: amounts and direction.
    const all = await engineInvoices();
    expect(all).toHaveLength(6);
    const byNumber = new Map(all.map((i) => [i.invoice_number, i]));
    for (const f of files) {
      const inv = byNumber.get(f.truth.invoiceNumber);
      expect(inv?.amount, f.name).toBe(Number(f.truth.totalWithTax));
    }
    expect(byNumber.get(number(5))?.direction).toBe('sale');
    expect(byNumber.get(number(1))?.seller.tax_id).toBe(byNumber.get(number(0))?.seller.tax_id);

    // 进项 lists the five purchases, 销项 the one sale under 购买方.
    await row(number(4)).waitFor({ timeout: 20_000 });
    await expect.poll(() => h.page.locator('[data-testid="invoice-table"] tr.ant-table-row').count()).toBe(5);
    await h.page.getByRole('tab', { name: '销项' }).click();
    await row(number(5)).waitFor();
    expect(await h.page.locator('[data-testid="invoice-table"] tr.ant-table-row').count()).toBe(1);
    await h.page.getByRole('columnheader', { name: '购买方' }).waitFor();
    await h.page.getByRole('tab', { name: '进项' }).click();
    await row(number(0)).waitFor();
    await h.screenshot('invoices-list-1280');

    // One voucher per seller: invoices 0 and 1 share a seller, 4 stands alone → 2 vouchers.
    await select([number(0), number(1), number(4)]);
    await h.page.getByTestId('batch-generate').click();
    const summary = h.page.getByTestId('merge-summary');
    await expect.poll(() => summary.innerText()).toBe('3 张票据 → 3 张凭证');
    await h.page.getByText('同一销售方合并为一张凭证').click();
    await expect.poll(() => summary.innerText()).toBe('3 张票据 → 2 张凭证');
    // The preview is editable: the merged voucher gets its own 摘要.
    const abstracts = await h.page.getByTestId('merge-preview').getByLabel('凭证摘要').all();
    const values = await Promise.all(abstracts.map((a) => a.inputValue()));
    const abstract = abstracts[values.findIndex((v) => v.endsWith('等2张票据'))];
    if (!abstract) throw new Error(`no merged voucher among ${values.join(' / ')}`);
    await abstract.fill('5月办公用品（合并）');
    await overlayShot('invoices-batch-1280');
    await h.page.getByTestId('generate-all').click();
    await expect
      .poll(() => h.page.getByTestId('merge-preview').locator('.ant-tag-success').count(), {
        timeout: 30_000,
      })
      .toBe(2);
    await overlayShot('invoices-batch-done-1280');
    await h.page.getByRole('button', { name: /^完\s?成$/ }).click();

    const first = await engineVouchers();
    expect(first).toHaveLength(2);
    const pair = first.find((v) => v.attachments.length === 2);
    const single = first.find((v) => v.attachments.length === 1);
    const inv = (i: number): InvoiceRecord => {
      const found = byNumber.get(number(i));
      if (!found) throw new Error(`invoice ${String(i)} missing`);
      return found;
    };
    expect(pair?.attachments.sort()).toEqual([inv(0).invoice_id, inv(1).invoice_id].sort());
    expect(pair?.entries.every((e) => e.abstract === '5月办公用品（合并）')).toBe(true);
    // The merged voucher adds up both invoices' entries account by account, side by side.
    const expectedPair = bySide([...inv(0).entries, ...inv(1).entries]);
    expect(pair && bySide(pair.entries)).toEqual(expectedPair);
    const pairDebit = (pair?.entries ?? []).reduce((s, e) => s + fen(e.debit), 0);
    expect(pairDebit).toBe(fen(inv(0).amount) + fen(inv(1).amount));
    expect(single?.attachments).toEqual([inv(4).invoice_id]);
    expect(single && bySide(single.entries)).toEqual(bySide(inv(4).entries));
    expect(single?.date).toBe(inv(4).issue_date);
    expect(pair?.date).toBe(inv(1).issue_date);

    // Each booked invoice shows its voucher's 凭证字号; its checkbox is disabled.
    for (const [i, v] of [
      [0, pair],
      [1, pair],
      [4, single],
    ] as const) {
      await row(number(i))
        .getByTestId('invoice-voucher-no')
        .getByText(v?.voucher_no ?? '?')
        .waitFor({ timeout: 20_000 });
      expect(await row(number(i)).locator('input[type="checkbox"]').isDisabled()).toBe(true);
    }

    // One voucher per invoice for the other seller's two invoices, even though they share a seller.
    await select([number(2), number(3)]);
    await h.page.getByTestId('batch-generate').click();
    await expect.poll(() => summary.innerText()).toBe('2 张票据 → 2 张凭证');
    await h.page.getByTestId('generate-all').click();
    await expect
      .poll(() => h.page.getByTestId('merge-preview').locator('.ant-tag-success').count(), {
        timeout: 30_000,
      })
      .toBe(2);
    await h.page.getByRole('button', { name: /^完\s?成$/ }).click();
    const second = (await engineVouchers()).filter((v) => !first.some((f) => f.voucher_id === v.voucher_id));
    expect(second).toHaveLength(2);
    for (const i of [2, 3]) {
      const v = second.find((s) => s.attachments.includes(inv(i).invoice_id));
      expect(v?.attachments).toEqual([inv(i).invoice_id]);
      expect(v && bySide(v.entries)).toEqual(bySide(inv(i).entries));
      expect((v?.entries ?? []).reduce((s, e) => s + fen(e.debit), 0)).toBe(fen(inv(i).amount));
      await row(number(i))
        .getByTestId('invoice-voucher-no')
        .getByText(v?.voucher_no ?? '?')
        .waitFor({ timeout: 20_000 });
    }
    await h.screenshot('invoices-list-booked-1280');
    await openDrawer(number(0), 'invoices-drawer-batch-1280');

    // Filters: 已生成凭证 shows all five purchases, 未生成凭证 none; the same file again is 重复.
    await filterTo('未生成凭证');
    await h.page.getByText('本期间还没有票据').waitFor();
    await filterTo('已生成凭证');
    await expect.poll(() => h.page.locator('[data-testid="invoice-table"] tr.ant-table-row').count()).toBe(5);
    await filterTo('全部');
    await dropInvoiceFiles(h.page, files.slice(4, 5));
    await expect
      .poll(() => h.page.getByTestId('upload-item').first().getAttribute('data-state'), { timeout: 60_000 })
      .toBe('duplicate');
    await filterTo('重复');
    await expect.poll(() => h.page.locator('[data-testid="invoice-table"] tr.ant-table-row').count()).toBe(1);
    await row(number(4)).getByTestId('invoice-duplicate').waitFor();
    await filterTo('全部');
    await expect.poll(() => h.page.locator('[data-testid="invoice-table"] tr.ant-table-row').count()).toBe(6);

    // 1024 × 700: every key column is on screen without scrolling sideways.
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.page.waitForTimeout(300);
    const overflow = await h.page
      .locator(
        '[data-testid="invoice-table"] .ant-table-content, [data-testid="invoice-table"] .ant-table-body',
      )
      .first()
      .evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const title of ['开票日期', '发票号码', '销售方', '类别', '金额', '税额', '价税合计', '状态']) {
      const box = await h.page.getByRole('columnheader', { name: title, exact: true }).boundingBox();
      expect(box && box.x + box.width, title).toBeLessThanOrEqual(1024);
    }
    await h.screenshot('invoices-list-1024');
    await openDrawer(number(0), 'invoices-drawer-batch-1024');
    // The batch preview at 1024 × 700 (the 销项 invoice has no voucher yet).
    await h.page.getByRole('tab', { name: '销项' }).click();
    await select([number(5)]);
    await h.page.getByTestId('batch-generate').click();
    await expect.poll(() => summary.innerText()).toBe('1 张票据 → 1 张凭证');
    await overlayShot('invoices-batch-1024');
    await h.page.getByRole('button', { name: /^取\s?消$/ }).click();
    await h.page.getByRole('tab', { name: '进项' }).click();
    await h.page.setViewportSize({ width: 1280, height: 800 });

    // The vouchers are in 凭证.
    await h.page.goto(`${base}#/vouchers`);
    for (const v of [...first, ...second])
      await h.page.getByText(v.voucher_no, { exact: true }).first().waitFor({ timeout: 20_000 });
  }, 300_000);
});
