import type { VoucherPrintResult } from '../../../../shared/ipc.js';

/**
 * One page main prints to PDF: its own HTML (every user text escaped, no script, no outside
 * resources), the sheet it goes on and the name the save dialog proposes.
 */
export interface PrintDocument {
  kind: 'voucher' | 'statement';
  /** The save dialog's title, e.g. 「保存资产负债表 PDF」. */
  title: string;
  html: string;
  pageSize: 'A4' | 'A5';
  landscape: boolean;
  /** A bare file name (no folder), ending in .pdf. */
  suggestedFileName: string;
}

/** saved / cancelled, or unsupported where there is no printToPDF (browser mode prints the page). */
export type PrintResult = VoucherPrintResult;

/** Renders a document to PDF and lets the user save it (Electron: printToPDF + save dialog). */
export type PdfPrinter = (document: PrintDocument) => Promise<PrintResult>;

/** About 10 mm on every side (in inches), as each sheet's own @page rule says. */
const MARGIN_INCHES = 0.4;

/** printToPDF's options for a document. */
export function printToPdfOptions(document: PrintDocument) {
  return {
    pageSize: document.pageSize,
    landscape: document.landscape,
    printBackground: true,
    margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
  } as const;
}

/** The save dialog's options: the document's title and a PDF-only filter. */
export function saveDialogOptions(document: PrintDocument) {
  return {
    title: document.title,
    defaultPath: document.suggestedFileName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
}

/** The hidden window's size in CSS pixels for the sheet (96 dpi), so layout matches the paper. */
export function printWindowSize(document: PrintDocument): { width: number; height: number } {
  const [short, long] = document.pageSize === 'A4' ? [794, 1123] : [559, 794];
  return document.landscape ? { width: long, height: short } : { width: short, height: long };
}

/** The HTML as the data: URL the hidden window loads. */
export function documentUrl(document: PrintDocument): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(document.html)}`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}
