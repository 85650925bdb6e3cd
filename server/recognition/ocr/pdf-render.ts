/**
 * Rendering one PDF page to a raster for OCR (scanned PDFs, text layers that yield no Chinese):
 * pdfjs-dist's legacy build for Node, its canvas from @napi-rs/canvas, and every resource it needs
 * (CMaps, standard fonts, the JBIG2/JPEG 2000 decoders scans use, ICC profiles) read from its own
 * package folder — nothing is fetched, no script in the PDF is evaluated.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { InvalidImageError } from './errors.js';
import type { RgbImage } from './raster.js';

/** Longer side of the rendered raster: enough for 8 pt print on an A4 or A5 page. */
export const DEFAULT_RENDER_SIDE = 2200;
const MAX_SCALE = 4;

function pdfjsDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsResourceOptions(): {
  cMapUrl: string;
  cMapPacked: true;
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl: string;
} {
  const dir = pdfjsDir();
  return {
    cMapUrl: `${path.join(dir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dir, 'standard_fonts')}/`,
    wasmUrl: `${path.join(dir, 'wasm')}/`,
    iccUrl: `${path.join(dir, 'iccs')}/`,
  };
}

interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: unknown;
    context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

export interface RenderedPage {
  raster: RgbImage;
  pageNumber: number;
  pageCount: number;
  /** Page size in PDF points (the unit the text-layer path reports in). */
  pageWidth: number;
  pageHeight: number;
  /** Raster pixels per point. */
  scale: number;
}

/** Renders page `pageNumber` (1-based) so its longer side is about `maxSide` pixels. */
export async function renderPdfPage(
  bytes: Uint8Array,
  pageNumber: number,
  maxSide = DEFAULT_RENDER_SIDE,
): Promise<RenderedPage> {
  // Loaded on first use: a worker that never sees a PDF does not pay for pdfjs.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the buffer it is given.
  const loadingTask = getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsResourceOptions(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let document;
  try {
    document = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy();
    if (error instanceof Error && error.name === 'PasswordException')
      throw new InvalidImageError('corrupt', 'PDF 已加密，无法读取');
    throw new InvalidImageError('corrupt', 'PDF 已损坏或无法读取');
  }
  try {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > document.numPages) {
      throw new InvalidImageError('bad-page', `页码超出范围：此 PDF 共 ${String(document.numPages)} 页`);
    }
    const page = await document.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(MAX_SCALE, maxSide / Math.max(base.width, base.height, 1));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    // pdfjs's own factory (it draws on @napi-rs/canvas in Node); a canvas made outside it crashes
    // the renderer natively (measured with pdfjs-dist 5.6 and @napi-rs/canvas 1.1).
    const factory = document.canvasFactory as CanvasFactory;
    const { canvas, context } = factory.create(width, height);
    await page.render({ canvas, canvasContext: context, viewport, background: '#ffffff' }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      rgb[j] = rgba[i] ?? 255;
      rgb[j + 1] = rgba[i + 1] ?? 255;
      rgb[j + 2] = rgba[i + 2] ?? 255;
    }
    page.cleanup();
    return {
      raster: { data: rgb, width, height },
      pageNumber,
      pageCount: document.numPages,
      pageWidth: base.width,
      pageHeight: base.height,
      scale,
    };
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
    throw new InvalidImageError('corrupt', 'PDF 页面无法渲染');
  } finally {
    await document.destroy();
  }
}
