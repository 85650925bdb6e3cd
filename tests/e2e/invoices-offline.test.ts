import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invoiceListResponseSchema, type InvoiceRecord } from '../../shared/api/invoice.js';
import {
  ARTIFACTS_DIR,
  callIpc,
  openDemoAccountSet,
  startHarness,
  type Harness,
  type IpcName,
} from './browser-harness.js';
import { dropInvoiceFiles, makeMonthInvoices, type GeneratedInvoiceFile } from './invoice-files.js';

const JULY_2024 = { kind: 'month', startDate: '2024-07-01', endDate: '2024-07-31' } as const;

/**
 * 票据 while the engine is away, over browser mode with the real engine: an invoice dropped with
 * the engine stopped waits as 待发送 (main keeps the file in its outbox), is recognised once when the
 * engine is back, and the 票据 list and an invoice opened before open offline from the cache.
 */
describe('票据 offline: 待发送 uploads and cached reads (browser mode)', () => {
  let h: Harness;
  let base: string;
  let accountSetId: string;
  let files: GeneratedInvoiceFile[];

  const call = (name: IpcName, args: unknown): Promise<unknown> => callIpc(h, name, args);

  async function engineInvoices(): Promise<InvoiceRecord[]> {
    return invoiceListResponseSchema.parse(
      await call('listInvoices', { accountSetId, period: '2024-07', pageSize: 100 }),
    ).invoices;
  }

  /** The window as the user sees it, 1280×800 (not the full scrolled page). */
  async function windowShot(name: string): Promise<void> {
    await h.page.waitForTimeout(600);
    await h.page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
  }

  const upload = (name: string) => h.page.locator('[data-testid="upload-item"]', { hasText: name });
  const row = (invoiceNumber: string) =>
    h.page.locator(`tr.ant-table-row:has([data-invoice-number="${invoiceNumber}"])`);

  beforeAll(async () => {
    files = await makeMonthInvoices(
      '2024-07',
      [
        { format: 'pdf', day: 8, categories: ['办公用品'] },
        { format: 'xml', day: 16, categories: ['住宿服务'] },
      ],
      'zxe-e2e-invoices-offline',
    );
    h = await startHarness();
    ({ base, accountSetId } = await openDemoAccountSet(h, JULY_2024, 90_000));
  }, 180_000);

  afterAll(async () => {
    await h.close();
  });

  test('dropped with the engine stopped → 待发送 with the reason; engine back → 已识别, one invoice in the engine; the list and an opened invoice open offline from the cache', async () => {
    const [online, offline] = files;
    if (!online || !offline) throw new Error('generated invoices missing');
    const onlineNumber = online.truth.invoiceNumber ?? '';
    const offlineNumber = offline.truth.invoiceNumber ?? '';

    // Online: one invoice recognised and opened (its fields and PDF are read, so cached).
    await h.page.goto(`${base}#/invoices`);
    await h.page.locator('.ant-upload-drag').waitFor({ timeout: 20_000 });
    await dropInvoiceFiles(h.page, [online]);
    await expect
      .poll(() => upload(online.name).getAttribute('data-state'), { timeout: 90_000 })
      .toBe('recognized');
    await row(onlineNumber).waitFor({ timeout: 20_000 });
    await row(onlineNumber).locator('td').nth(3).click();
    await h.page.getByTestId('invoice-fields').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => h.page.getByTestId('invoice-pdf-canvas').getAttribute('width').then(Number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(100);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('invoice-fields').waitFor({ state: 'hidden' });

    // Engine stopped: the next drop waits in the outbox as 待发送, saying why.
    await h.mode.services.engine.stop();
    await dropInvoiceFiles(h.page, [offline]);
    await expect
      .poll(() => upload(offline.name).getAttribute('data-state'), { timeout: 30_000 })
      .toBe('outbox');
    await expect(upload(offline.name).getByTestId('upload-state').innerText()).resolves.toBe('待发送');
    await expect(upload(offline.name).getByTestId('upload-reason').innerText()).resolves.toMatch(
      /待发送队列.*恢复连接后自动上传识别/,
    );
    await expect(h.page.getByTestId('upload-summary').innerText()).resolves.toContain('待发送 1');
    await windowShot('invoices-offline-waiting-1280');

    // The header's outbox lists it by file name and account set.
    await h.page.getByTestId('outbox-status').click();
    const queued = h.page.locator('[data-testid="outbox-item"][data-kind="invoice.recognize"]');
    await queued.waitFor({ timeout: 15_000 });
    await expect(queued.getByTestId('outbox-item-title').innerText()).resolves.toContain(
      `票据 ${offline.name}`,
    );
    await expect(queued.getByTestId('outbox-item-when').innerText()).resolves.toContain('演示科技有限公司');
    await expect(queued.getAttribute('data-state')).resolves.toMatch(/^(pending|sending)$/);
    await windowShot('invoices-offline-outbox-popover-1280');
    await h.page.getByTestId('outbox-status').click();

    // Engine back: the outbox sends it, the row moves to 已识别 — once.
    await h.mode.services.engine.start();
    await expect
      .poll(() => upload(offline.name).getAttribute('data-state'), { timeout: 90_000 })
      .toBe('recognized');
    await row(offlineNumber).waitFor({ timeout: 20_000 });
    const listed = await engineInvoices();
    expect(listed.filter((i) => i.invoice_number === offlineNumber)).toHaveLength(1);
    expect(listed.filter((i) => i.invoice_number === onlineNumber)).toHaveLength(1);
    expect(listed).toHaveLength(2);
    const outbox = (await call('listOutbox', {})) as { items: { kind: string; state: string }[] };
    expect(outbox.items.filter((i) => i.kind === 'invoice.recognize').map((i) => i.state)).toEqual(['done']);
    await windowShot('invoices-offline-recognized-1280');

    // Offline again, a fresh page: the list comes from the cache, marked with when it was fetched.
    await h.mode.services.engine.stop();
    await h.page.goto(`${base}#/accounts`);
    await h.page.reload();
    await h.page.goto(`${base}#/invoices`);
    await h.page.getByTestId('cache-source-tag').first().waitFor({ timeout: 30_000 });
    await row(onlineNumber).waitFor({ timeout: 20_000 });
    await row(offlineNumber).waitFor({ timeout: 20_000 });
    await expect(h.page.locator('tr.ant-table-row').count()).resolves.toBe(2);
    await windowShot('invoices-offline-list-cache-1280');

    // The invoice opened before opens offline: its fields and its original, from the cache.
    await row(onlineNumber).locator('td').nth(3).click();
    await h.page.getByTestId('invoice-fields').waitFor({ timeout: 20_000 });
    await expect(h.page.getByTestId('field-invoice_number').inputValue()).resolves.toBe(onlineNumber);
    await expect
      .poll(() => h.page.getByTestId('invoice-pdf-canvas').getAttribute('width').then(Number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(100);
    // pdf.js has drawn the page (the spinner over the canvas is gone).
    const drawer = h.page.getByTestId('invoice-drawer');
    await drawer.locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 30_000 });
    await expect(drawer.getByTestId('cache-source-tag').count()).resolves.toBe(1);
    await windowShot('invoices-offline-drawer-cache-1280');
    await h.mode.services.engine.start();
  });
});
