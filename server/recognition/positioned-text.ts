/**
 * The one shape every reader of an invoice produces, whatever the source: a PDF's text layer, an
 * OFD page's positioned text, OCR boxes of an image. Field extraction works on these runs by
 * geometry (rows rebuilt from y, cells from x), never by the order a reader happened to emit them.
 *
 * Coordinates are in the page's own units with the origin at the top-left corner and y growing
 * downwards (PDF and OFD readers flip their y axis to match images).
 */
export type TextSource = 'pdf-text' | 'ofd' | 'xml' | 'qr' | 'ocr';

export interface TextRun {
  /** NFKC-normalised text of the run. */
  text: string;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  /** 0..1; 1 for text layers, the recogniser's score for OCR. */
  confidence: number;
}

export interface PositionedPage {
  /** 1-based page number inside the file. */
  pageNumber: number;
  width: number;
  height: number;
  source: Exclude<TextSource, 'qr' | 'xml'>;
  runs: TextRun[];
}

/** What the image path (OCR + QR) answers for one image or rendered page. */
export interface ImageReading {
  page: PositionedPage;
  /** Raw payloads of every QR code found, in the order found; empty when none could be decoded. */
  qrPayloads: string[];
}
