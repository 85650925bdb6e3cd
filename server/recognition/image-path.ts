import type { ImageReading } from './positioned-text.js';

/**
 * How recognition reaches the image path (OCR + QR in a worker pool). The engine uses the OCR
 * module's shared pool; tests can hand in their own.
 */
export interface ImagePath {
  readImage(bytes: Uint8Array): Promise<ImageReading>;
  readPdfPage(pdfBytes: Uint8Array, pageNumber: number): Promise<ImageReading>;
}

/** The OCR module, loaded on first use so that text-layer recognition never pays for it. */
export const defaultImagePath: ImagePath = {
  readImage: async (bytes) => (await import('./ocr/index.js')).readInvoiceImage(bytes),
  readPdfPage: async (bytes, pageNumber) =>
    (await import('./ocr/index.js')).readPdfPageImage(bytes, pageNumber),
};
