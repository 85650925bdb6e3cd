import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidImageError } from './errors.js';
import { OcrPool, readPdfPageImage } from './index.js';
import { renderPdfPage } from './pdf-render.js';
import { drawSampleInvoice, SAMPLE_QR_PAYLOAD, type DrawnInvoice } from './testing/invoice-image.js';

/** A "scanned" PDF: each page is only a picture of the invoice, no text layer. */
function scannedPdf(png: Buffer, pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A5 landscape, in points.
    const doc = new PDFDocument({ size: [595, 420], margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 0; i < pages; i += 1) {
      doc.addPage();
      doc.image(png, 0, 21, { width: 595 });
    }
    doc.end();
  });
}

let invoice: DrawnInvoice;
let pdf: Buffer;
let pool: OcrPool;

beforeAll(async () => {
  invoice = await drawSampleInvoice(1.5);
  pdf = await scannedPdf(invoice.png, 2);
  pool = new OcrPool({ size: 1, threadsPerWorker: 1, timeoutMs: 300_000 });
});
afterAll(() => pool.close());

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidImageError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('scanned PDF pages', () => {
  it('renders a page with pdfjs and @napi-rs/canvas at about 2200 px', async () => {
    const page = await renderPdfPage(pdf, 2);
    expect(page).toMatchObject({ pageNumber: 2, pageCount: 2, pageWidth: 595, pageHeight: 420 });
    expect(page.raster.width).toBe(2200);
    // The picture is on the page: the raster is not blank.
    expect(page.raster.data.some((v) => v < 100)).toBe(true);
  });

  it('reads a scanned page in the pool: QR payload and runs in PDF points', async () => {
    const reading = await readPdfPageImage(pdf, 1, { pool });
    expect(reading.qrPayloads).toEqual([SAMPLE_QR_PAYLOAD]);
    expect(reading.page).toMatchObject({ pageNumber: 1, width: 595, height: 420, source: 'ocr' });
    expect(reading.diagnostics.pageCount).toBe(2);
    const number = reading.page.runs.find((r) => r.text === '发票号码:25437000000297554203');
    expect(number).toBeDefined();
    // Drawn at x = 640/1000 of the picture width, which spans the page's 595 pt.
    expect(Math.abs((number?.x ?? 0) - 595 * 0.64)).toBeLessThan(8);
  }, 120_000);

  it('refuses a page number outside the document and bytes that are not a PDF', async () => {
    expect(await reason(renderPdfPage(pdf, 3))).toBe('bad-page');
    expect(await reason(renderPdfPage(pdf, 0))).toBe('bad-page');
    expect(await reason(renderPdfPage(Buffer.from('%PDF-1.7\n garbage'), 1))).toBe('corrupt');
    expect(await reason(readPdfPageImage(pdf.subarray(0, 400), 1, { pool }))).toBe('corrupt');
  }, 120_000);
});
