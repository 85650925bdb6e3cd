import { extractFromPage } from './extract/page-fields.js';
import type { ExtractedInvoice } from './extract/invoice-fields.js';
import { LABELS } from './extract/labels.js';
import { sniffInvoiceFile, type InvoiceFileType } from './file-sniff.js';
import type { ImagePath } from './image-path.js';
import type { PositionedPage } from './positioned-text.js';
import { openPdf } from './readers/pdf-text.js';
import { readOfd } from './readers/ofd-text.js';
import { readInvoiceXml } from './readers/xml-invoice.js';
import { InvoiceFileError } from './recognition-errors.js';
import { hasCjk } from './text-normalize.js';

export interface FileReading {
  fileType: InvoiceFileType;
  pageCount: number;
  /** The page that was read (1-based). */
  page: number;
  /** Pages that look like invoices of their own; more than one means a multi-invoice file. */
  invoicePages: number;
  extraction: ExtractedInvoice;
  /** The reading path actually used. */
  path: 'pdf-text' | 'ofd' | 'xml' | 'ocr';
  warnings: string[];
}

export interface ReadOptions {
  /** 1-based page to read; defaults to 1. */
  page?: number;
  imagePath: ImagePath;
}

const KEY_LABELS = /发票|合计|名称|金额|号码|税额|票据|行程|收款/;

/** A text layer worth reading: Chinese text with at least some of an invoice's labels. */
export function usableTextLayer(page: PositionedPage): boolean {
  const text = page.runs.map((run) => run.text).join('');
  return hasCjk(text) && KEY_LABELS.test(text.replace(/\s/g, ''));
}

function looksLikeInvoicePage(page: PositionedPage): boolean {
  const text = page.runs
    .map((run) => run.text)
    .join('')
    .replace(/\s/g, '');
  return LABELS.invoiceNumber.test(text) || LABELS.invoiceCode.test(text) || /(?<!\d)\d{20}(?!\d)/.test(text);
}

function pickPage(requested: number | undefined, pageCount: number): number {
  const page = requested ?? 1;
  if (page > pageCount) {
    throw new InvoiceFileError(`参数错误：page 为 ${page}，但文件只有 ${pageCount} 页`);
  }
  return page;
}

async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<FileReading> {
  const pdf = await openPdf(bytes);
  try {
    const pageNumber = pickPage(options.page, pdf.pageCount);
    const pages: PositionedPage[] = [];
    for (let n = 1; n <= pdf.pageCount; n += 1) pages.push(await pdf.page(n));
    const chosen = pages[pageNumber - 1];
    if (!chosen) throw new InvoiceFileError('参数错误：PDF 没有页面');
    const invoicePages = pages.filter(looksLikeInvoicePage).length;
    if (usableTextLayer(chosen)) {
      return {
        fileType: 'pdf',
        pageCount: pdf.pageCount,
        page: pageNumber,
        invoicePages,
        extraction: extractFromPage(chosen),
        path: 'pdf-text',
        warnings: [],
      };
    }
    // A scan, or a text layer without usable Chinese (fonts without a ToUnicode map): read pixels.
    const reading = await options.imagePath.readPdfPage(bytes, pageNumber);
    return {
      fileType: 'pdf',
      pageCount: pdf.pageCount,
      page: pageNumber,
      invoicePages: Math.max(invoicePages, pdf.pageCount > 1 ? pdf.pageCount : 1),
      extraction: extractFromPage({ ...reading.page, source: 'ocr' }, reading.qrPayloads),
      path: 'ocr',
      warnings: chosen.runs.length > 0 ? ['PDF 的文字层不可用（没有可读的中文），已改为按图像识别'] : [],
    };
  } finally {
    await pdf.close();
  }
}

/** QR payloads of an OFD's embedded images (decoded in this thread: they are small). */
async function ofdQrPayloads(images: readonly Uint8Array[]): Promise<string[]> {
  if (images.length === 0) return [];
  const [{ decodeImage }, { decodeQrCodes }] = await Promise.all([
    import('./ocr/image-input.js'),
    import('./ocr/qr-decode.js'),
  ]);
  const payloads: string[] = [];
  for (const image of images) {
    try {
      const { raster } = await decodeImage(image, 1200, 200);
      payloads.push(...(await decodeQrCodes(raster)).payloads);
    } catch {
      // An unreadable picture in the package is not the invoice's QR; the text still stands.
    }
    if (payloads.some((p) => p.startsWith('01,'))) break;
  }
  return payloads;
}

async function readOfdFile(bytes: Uint8Array, options: ReadOptions): Promise<FileReading> {
  const ofd = readOfd(bytes);
  const pageNumber = pickPage(options.page, ofd.pageCount);
  const page = ofd.pages[pageNumber - 1];
  if (!page) throw new InvoiceFileError('参数错误：OFD 没有页面');
  return {
    fileType: 'ofd',
    pageCount: ofd.pageCount,
    page: pageNumber,
    invoicePages: ofd.pages.filter(looksLikeInvoicePage).length,
    extraction: extractFromPage(page, await ofdQrPayloads(ofd.images)),
    path: 'ofd',
    warnings: usableTextLayer(page) ? [] : ['OFD 页面没有可读的文字'],
  };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvoiceFileError('参数错误：XML 文件不是 UTF-8 编码');
  }
}

/** Reads one page of an invoice file, whichever of the five formats it is in. */
export async function readInvoiceFile(bytes: Uint8Array, options: ReadOptions): Promise<FileReading> {
  const fileType = sniffInvoiceFile(bytes);
  switch (fileType) {
    case 'pdf':
      return readPdf(bytes, options);
    case 'ofd':
      return readOfdFile(bytes, options);
    case 'xml': {
      pickPage(options.page, 1);
      const extraction = readInvoiceXml(decodeUtf8(bytes));
      return { fileType, pageCount: 1, page: 1, invoicePages: 1, extraction, path: 'xml', warnings: [] };
    }
    case 'jpeg':
    case 'png': {
      pickPage(options.page, 1);
      const reading = await options.imagePath.readImage(bytes);
      return {
        fileType,
        pageCount: 1,
        page: 1,
        invoicePages: 1,
        extraction: extractFromPage({ ...reading.page, source: 'ocr' }, reading.qrPayloads),
        path: 'ocr',
        warnings: reading.qrPayloads.length === 0 ? ['未能解码图片中的二维码'] : [],
      };
    }
  }
}
