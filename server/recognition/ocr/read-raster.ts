/**
 * One job of the image path, as a worker runs it: bytes → raster (an image decoded safely, or a
 * PDF page rendered) → QR codes first → OCR → the `ImageReading` the field extraction consumes.
 */
import { collectGarbage } from './collect-garbage.js';
import { DEFAULT_MAX_RASTER_SIDE, decodeImage } from './image-input.js';
import { ocrRaster, type OcrOptions } from './ocr-engine.js';
import type { PaddleModels } from './paddle-models.js';
import { renderPdfPage } from './pdf-render.js';
import { enhanceForOcr, type Preprocessing } from './preprocess.js';
import { decodeQrCodes } from './qr-decode.js';
import type { RgbImage } from './raster.js';
import type { RecogniseAssist } from './text-recognition.js';
import type { ImageReading, PositionedPage } from '../positioned-text.js';

export interface ReadOptions {
  /** Longer side images are downscaled to before OCR. */
  maxSide?: number;
  /** 'auto' enhances when the image looks like a photo; see preprocess.ts. */
  preprocessing?: Preprocessing;
  /** Skip QR decoding (the caller already has the payload). */
  skipQr?: boolean;
  ocr?: OcrOptions;
}

/** What a job answers: the contract's reading plus how it was obtained. */
export interface ImageReadingDetails extends ImageReading {
  diagnostics: {
    /** Size of the raster OCR ran on. */
    rasterWidth: number;
    rasterHeight: number;
    quarterTurns: 0 | 1 | 2 | 3;
    skewDegrees: number;
    qrPass: string | null;
    enhanced: boolean;
    /** PDF pages only. */
    pageCount?: number;
    timings: { decodeMs: number; qrMs: number; ocrMs: number };
  };
}

export type RasterJob =
  | { kind: 'image'; bytes: Uint8Array; options?: ReadOptions }
  | { kind: 'pdf-page'; bytes: Uint8Array; pageNumber: number; options?: ReadOptions };

async function readRaster(
  models: PaddleModels,
  raster: RgbImage,
  options: ReadOptions,
  assist: RecogniseAssist | undefined,
): Promise<
  Omit<ImageReadingDetails, 'page' | 'diagnostics'> & {
    frame: { width: number; height: number; runs: PositionedPage['runs'] };
    diagnostics: Omit<ImageReadingDetails['diagnostics'], 'timings' | 'pageCount'> & {
      qrMs: number;
      ocrMs: number;
    };
  }
> {
  let started = performance.now();
  const qr = options.skipQr ? { payloads: [], pass: null } : await decodeQrCodes(raster);
  const qrMs = performance.now() - started;
  // The QR passes' RGBA copies (7 MB each for a page) and the decoder's intermediates are garbage
  // now: collected before detection, the stage that needs the most memory (collect-garbage.ts).
  collectGarbage();
  started = performance.now();
  const enhanced = enhanceForOcr(raster, options.preprocessing ?? 'auto');
  const result = await ocrRaster(models, enhanced.raster, options.ocr, assist);
  const ocrMs = performance.now() - started;
  return {
    qrPayloads: qr.payloads,
    frame: { width: result.width, height: result.height, runs: result.runs },
    diagnostics: {
      rasterWidth: raster.width,
      rasterHeight: raster.height,
      quarterTurns: result.quarterTurns,
      skewDegrees: Math.round(((result.skew * 180) / Math.PI) * 100) / 100,
      qrPass: qr.pass,
      enhanced: enhanced.applied,
      qrMs,
      ocrMs,
    },
  };
}

/** `assist` lets another worker recognise part of the lines (see `recogniseLines`). */
export async function runRasterJob(
  models: PaddleModels,
  job: RasterJob,
  assist?: RecogniseAssist,
): Promise<ImageReadingDetails> {
  const options = job.options ?? {};
  const started = performance.now();
  if (job.kind === 'image') {
    const { raster } = await decodeImage(job.bytes, options.maxSide ?? DEFAULT_MAX_RASTER_SIDE);
    const decodeMs = performance.now() - started;
    const read = await readRaster(models, raster, options, assist);
    const { qrMs, ocrMs, ...diagnostics } = read.diagnostics;
    return {
      page: {
        pageNumber: 1,
        width: read.frame.width,
        height: read.frame.height,
        source: 'ocr',
        runs: read.frame.runs,
      },
      qrPayloads: read.qrPayloads,
      diagnostics: { ...diagnostics, timings: { decodeMs, qrMs, ocrMs } },
    };
  }
  const rendered = await renderPdfPage(job.bytes, job.pageNumber, options.maxSide);
  const decodeMs = performance.now() - started;
  const read = await readRaster(
    models,
    rendered.raster,
    {
      ...options,
      preprocessing: options.preprocessing ?? 'none',
    },
    assist,
  );
  const { qrMs, ocrMs, ...diagnostics } = read.diagnostics;
  // Report in PDF points, like the text-layer path, so the same geometry rules apply.
  const k = 1 / rendered.scale;
  const turned = read.diagnostics.quarterTurns % 2 === 1;
  return {
    page: {
      pageNumber: job.pageNumber,
      width: turned ? rendered.pageHeight : rendered.pageWidth,
      height: turned ? rendered.pageWidth : rendered.pageHeight,
      source: 'ocr',
      runs: read.frame.runs.map((r) => ({
        ...r,
        x: r.x * k,
        y: r.y * k,
        width: r.width * k,
        height: r.height * k,
      })),
    },
    qrPayloads: read.qrPayloads,
    diagnostics: { ...diagnostics, pageCount: rendered.pageCount, timings: { decodeMs, qrMs, ocrMs } },
  };
}
