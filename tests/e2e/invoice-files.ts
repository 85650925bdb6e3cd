/**
 * Generated invoices bought by the demo account set (演示科技有限公司), issued in one month, for the
 * 票据 e2e tests and the drop benchmark. Drawn with the corpus generator (tests/fixtures/invoices/);
 * `sameSeller` lets several invoices share one seller, which the corpus never does, so 批量生成凭证's
 * one-voucher-per-seller rule has something to merge.
 */
import type { Page } from 'playwright-core';
import { DEMO_COMPANY } from '../fixtures/invoices/companies.js';
import { buildInvoice, type InvoiceDoc } from '../fixtures/invoices/invoice-model.js';
import type { InvoiceTruth } from '../fixtures/invoices/invoice-truth.js';
import { layoutDigital } from '../fixtures/invoices/layout-digital.js';
import { makeStyle } from '../fixtures/invoices/layout-legacy.js';
import { Rng } from '../fixtures/invoices/prng.js';
import { renderOfd } from '../fixtures/invoices/render-ofd.js';
import { renderPdf } from '../fixtures/invoices/render-pdf.js';
import { renderXml } from '../fixtures/invoices/render-xml.js';

export interface GeneratedInvoiceFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
  truth: InvoiceTruth;
}

export type InvoiceFormat = 'pdf' | 'xml' | 'ofd';

export interface InvoicePlanItem {
  format: InvoiceFormat;
  /** Day of the month it is issued on. */
  day: number;
  /** Index of an earlier item whose seller this one shares. */
  sameSeller?: number;
  categories?: readonly string[];
  /** Issued by the demo company (a 销项 invoice): the generated seller becomes the buyer. */
  sale?: boolean;
}

const MEDIA: Record<InvoiceFormat, string> = {
  pdf: 'application/pdf',
  xml: 'application/xml',
  ofd: 'application/ofd',
};

/** Moves a 数电票 to `iso` (its number starts with the year's two digits; its QR holds the date). */
function redate(doc: InvoiceDoc, iso: string): void {
  const t = doc.truth;
  const oldCompact = t.date.replaceAll('-', '');
  const oldNumber = t.invoiceNumber ?? '';
  const number = `${iso.slice(2, 4)}${oldNumber.slice(2)}`;
  t.date = iso;
  t.invoiceNumber = number;
  if (t.qr) t.qr = t.qr.replace(oldCompact, iso.replaceAll('-', '')).replace(oldNumber, number);
}

/** Invoices for `month` (YYYY-MM) following `plan`, deterministic for a given `seed`. */
export async function makeMonthInvoices(
  month: string,
  plan: readonly InvoicePlanItem[],
  seed = 'zxe-e2e-invoices',
): Promise<GeneratedInvoiceFile[]> {
  const rng = new Rng(seed);
  const docs: InvoiceDoc[] = [];
  const files: GeneratedInvoiceFile[] = [];
  for (const [i, item] of plan.entries()) {
    const doc = buildInvoice(rng, {
      layout: 'digital',
      apiType: rng.chance(0.5) ? 'vat' : 'normal',
      lines: 1 + rng.int(0, 1),
      buyer: DEMO_COMPANY,
      categories: item.categories ?? ['办公用品', '快递服务', '餐饮服务', '住宿服务', '信息技术服务'],
    });
    const shared = item.sameSeller === undefined ? undefined : docs[item.sameSeller];
    if (shared) {
      doc.sellerCompany = shared.sellerCompany;
      doc.truth.seller = { ...shared.truth.seller };
    }
    if (item.sale) {
      doc.buyerCompany = doc.sellerCompany;
      doc.truth.buyer = { ...doc.truth.seller };
      doc.sellerCompany = DEMO_COMPANY;
      doc.truth.seller = { name: DEMO_COMPANY.name, taxId: DEMO_COMPANY.taxId };
    }
    redate(doc, `${month}-${String(item.day).padStart(2, '0')}`);
    docs.push(doc);
    const style = makeStyle(rng, { font: 'sans', labelFont: 'sans' });
    const bytes =
      item.format === 'pdf'
        ? await renderPdf([layoutDigital(doc, style)])
        : item.format === 'ofd'
          ? await renderOfd(doc, layoutDigital(doc, style))
          : renderXml(doc, '10:30:00', true);
    const number = String(i + 1).padStart(2, '0');
    files.push({
      name: `发票-${number}.${item.format}`,
      mediaType: MEDIA[item.format],
      bytes,
      truth: doc.truth,
    });
  }
  return files;
}

/**
 * Drops `files` on the page's 票据 drop zone in one drag, as a person dragging them from the
 * file manager would (the page's own DataTransfer and File, built in Chromium).
 */
export async function dropInvoiceFiles(page: Page, files: readonly GeneratedInvoiceFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mediaType, b64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((all) => {
    const Transfer = (
      globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } }
    ).DataTransfer;
    const dt = new Transfer();
    for (const f of all) {
      const raw = atob(f.b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      dt.items.add(new File([data], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const zone = page.locator('.ant-upload-drag .ant-upload-btn');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}
