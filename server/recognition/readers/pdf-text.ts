import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, type PDFDocumentProxy } from './pdfjs-legacy.js';
import type { DocumentInitParameters, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PositionedPage, TextRun } from '../positioned-text.js';
import { InvoiceFileError } from '../recognition-errors.js';
import { normalizeText } from '../text-normalize.js';

/** Invoice PDFs have one page per invoice; platforms bundle a few dozen at most. */
export const MAX_PDF_PAGES = 40;

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs fetches these for CJK fonts without embedded maps; from node_modules, never a CDN. */
const CMAP_URL = `${pathToFileURL(path.join(pdfjsRoot, 'cmaps')).href}/`;
const STANDARD_FONT_URL = `${pathToFileURL(path.join(pdfjsRoot, 'standard_fonts')).href}/`;

/**
 * How the text path opens a PDF (everything but the bytes). These documents are never drawn: the
 * OCR path renders pages from a document of its own.
 *
 * `skipCompositeFontPrograms` comes from the project's patch of pdfjs-dist (patches/, applied on
 * install): a Type0 font with its own ToUnicode map, written horizontally, is not parsed from its
 * embedded program. Text content needs only the ToUnicode map and the widths of the font
 * dictionaries; parsing and recompiling the embedded CJK CFF subsets for rendering was four fifths
 * of the time of reading an invoice PDF. Vertical fonts and fonts without ToUnicode (whose text may
 * come from the program's own encoding) are still parsed. An unpatched pdfjs ignores the option:
 * same text, slower.
 */
export const PDF_TEXT_OPTIONS = {
  cMapUrl: CMAP_URL,
  cMapPacked: true,
  standardFontDataUrl: STANDARD_FONT_URL,
  isEvalSupported: false,
  disableFontFace: true,
  skipCompositeFontPrograms: true,
  useSystemFonts: false,
  stopAtErrors: true,
  verbosity: 0,
} as const satisfies DocumentInitParameters;

export interface OpenedPdf {
  pageCount: number;
  /** Positioned text of one page (1-based); y grows downwards from the top edge. */
  page(pageNumber: number): Promise<PositionedPage>;
  close(): Promise<void>;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PositionedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: false });
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!isTextItem(item) || !item.str.trim()) continue;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = (item.transform as unknown[]).map(Number);
      const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
      const [vx = 0, vy = 0] = (viewport.convertToViewportPoint(e, f) as unknown[]).map(Number);
      const text = normalizeText(item.str);
      const rotated = Math.abs(b) > Math.abs(a);
      if (rotated) {
        // Vertical text (side labels): one glyph per row, stacked downwards from the origin.
        const length = item.height || size * Array.from(text).length;
        runs.push({ text, x: vx, y: vy - length, width: size, height: length, confidence: 1 });
        continue;
      }
      runs.push({
        text,
        x: vx,
        y: vy - size * 0.88,
        width: item.width || size * Array.from(text).length,
        height: size,
        confidence: 1,
      });
    }
    return { pageNumber, width: viewport.width, height: viewport.height, source: 'pdf-text', runs };
  } finally {
    page.cleanup();
  }
}

/** Opens a PDF from its bytes; unreadable, encrypted or oversized files throw an InvoiceFileError. */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const task = getDocument({
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...PDF_TEXT_OPTIONS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    if (errorName(error) === 'PasswordException') {
      throw new InvoiceFileError('参数错误：PDF 已加密（需要密码），请上传未加密的发票文件');
    }
    throw new InvoiceFileError('参数错误：PDF 文件已损坏或不完整，无法读取');
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await task.destroy();
    throw new InvoiceFileError(
      `参数错误：PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限；请拆分后分别上传`,
    );
  }
  return {
    pageCount: doc.numPages,
    page: async (pageNumber) => {
      try {
        return await readPage(doc, pageNumber);
      } catch {
        throw new InvoiceFileError(`参数错误：PDF 第 ${pageNumber} 页已损坏，无法读取`);
      }
    },
    close: () => task.destroy(),
  };
}
