/**
 * Writes the fictional invoices the demo account set (演示科技有限公司) can try on first launch:
 *   npx tsx scripts/make-demo-invoices.ts
 * Deterministic: the same sources give the same files. Output: resources/demo-invoices/.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_COMPANY } from '../tests/fixtures/invoices/companies.js';
import { buildInvoice, type InvoicePlan } from '../tests/fixtures/invoices/invoice-model.js';
import { layoutDigital } from '../tests/fixtures/invoices/layout-digital.js';
import { layoutLegacy, makeStyle } from '../tests/fixtures/invoices/layout-legacy.js';
import { Rng } from '../tests/fixtures/invoices/prng.js';
import { renderPageCanvas } from '../tests/fixtures/invoices/render-canvas.js';
import { renderOfd } from '../tests/fixtures/invoices/render-ofd.js';
import { renderPdf } from '../tests/fixtures/invoices/render-pdf.js';
import { renderXml } from '../tests/fixtures/invoices/render-xml.js';

const OUT = join(import.meta.dirname, '..', 'resources', 'demo-invoices');

const rng = new Rng('zxe-demo-invoices');
const style = (wrapTaxId = false): ReturnType<typeof makeStyle> =>
  makeStyle(rng, { font: 'sans', labelFont: 'sans', wrapTaxId });
const plan = (p: Omit<InvoicePlan, 'buyer'>): InvoicePlan => ({ ...p, buyer: DEMO_COMPANY });

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const office = buildInvoice(
  rng,
  plan({ layout: 'digital', apiType: 'vat', lines: 2, categories: ['办公用品'] }),
);
writeFileSync(
  join(OUT, 'digital-vat-office-supplies.pdf'),
  await renderPdf([layoutDigital(office, style())]),
);

const meal = buildInvoice(
  rng,
  plan({ layout: 'legacy', apiType: 'normal', lines: 1, categories: ['餐饮服务'] }),
);
writeFileSync(join(OUT, 'legacy-normal-meal.pdf'), await renderPdf([layoutLegacy(meal, style())]));

const courier = buildInvoice(
  rng,
  plan({ layout: 'digital', apiType: 'normal', lines: 1, categories: ['快递服务'] }),
);
writeFileSync(
  join(OUT, 'digital-normal-courier.png'),
  await renderPageCanvas(layoutDigital(courier, style()), { dpi: 110 }).encode('png'),
);

const it = buildInvoice(
  rng,
  plan({ layout: 'digital', apiType: 'vat', lines: 1, categories: ['信息技术服务'] }),
);
writeFileSync(join(OUT, 'digital-vat-it-service.ofd'), await renderOfd(it, layoutDigital(it, style())));

const travel = buildInvoice(
  rng,
  plan({ layout: 'digital', apiType: 'normal', lines: 1, categories: ['住宿服务'] }),
);
writeFileSync(join(OUT, 'digital-normal-hotel.xml'), renderXml(travel, '10:30:00', true));

// What each file holds, for the app's first-launch hint and for tests.
const index = [
  ['digital-vat-office-supplies.pdf', office],
  ['legacy-normal-meal.pdf', meal],
  ['digital-normal-courier.png', courier],
  ['digital-vat-it-service.ofd', it],
  ['digital-normal-hotel.xml', travel],
].map(([file, doc]) => {
  const t = (doc as typeof office).truth;
  return {
    file,
    kind: t.kindName,
    invoice_type: t.apiType,
    invoice_number: t.invoiceNumber,
    date: t.date,
    seller: t.seller.name,
    amount: t.totalWithTax,
    category: t.expected.category,
  };
});
writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');

let total = 0;
for (const f of readdirSync(OUT)) {
  const size = statSync(join(OUT, f)).size;
  total += size;
  console.log(`${f}\t${String(size)} bytes`);
}
console.log(`total ${String(total)} bytes in ${OUT}`);
