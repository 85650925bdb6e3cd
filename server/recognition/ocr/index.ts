/**
 * The image path of invoice recognition: JPG/PNG photos, scans and screenshots, and PDF pages
 * that must be read from pixels (scans, text layers without usable Chinese). QR codes are decoded
 * first, then PaddleOCR reads positioned text; all of it runs in a worker pool, off the engine's
 * event loop. What comes back is the recognition's common `ImageReading` shape (plus diagnostics).
 */
import { inspectImage } from './image-input.js';
import type { ImageReadingDetails, ReadOptions } from './read-raster.js';
import { imageReadingDetailsSchema } from './worker-protocol.js';
import { OcrPool, type OcrPoolOptions } from './worker-pool.js';

export {
  InvalidImageError,
  OcrQueueFullError,
  OcrTimeoutError,
  OcrUnavailableError,
  OcrWorkerCrashedError,
  type InvalidImageReason,
} from './errors.js';
export {
  inspectImage,
  sniffImageKind,
  MAX_INPUT_PIXELS,
  type ImageHeader,
  type ImageKind,
} from './image-input.js';
export { renderPdfPage, type RenderedPage } from './pdf-render.js';
export type { Preprocessing } from './preprocess.js';
export type { ImageReadingDetails, ReadOptions } from './read-raster.js';
export { OcrPool, type OcrPoolOptions, type OcrPoolStats } from './worker-pool.js';

let defaultPool: OcrPool | null = null;

/** Options for the engine's shared pool, from the environment (ZXE_OCR_WORKERS, …). */
function poolOptionsFromEnv(): OcrPoolOptions {
  const number = (name: string) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const options: OcrPoolOptions = {};
  const size = number('ZXE_OCR_WORKERS');
  const maxQueue = number('ZXE_OCR_QUEUE');
  const timeoutMs = number('ZXE_OCR_TIMEOUT_MS');
  if (size !== undefined) options.size = size;
  if (maxQueue !== undefined) options.maxQueue = maxQueue;
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  // The engine's memory budget in MB (worker-pool.ts), or "off" to start files whatever the RSS.
  const budget = process.env.ZXE_OCR_MEMORY_MB;
  const budgetMb = number('ZXE_OCR_MEMORY_MB');
  if (budget === 'off') options.memoryBudgetBytes = null;
  else if (budgetMb !== undefined) options.memoryBudgetBytes = budgetMb * 1024 * 1024;
  // A folder for the rewritten models, or "off" to rewrite them in memory in every worker.
  const cache = process.env.ZXE_OCR_MODEL_CACHE;
  if (cache) options.modelCacheDir = cache === 'off' ? null : cache;
  return options;
}

/** The engine's shared pool, created on first use (workers start lazily too). */
export function getOcrPool(): OcrPool {
  defaultPool ??= new OcrPool(poolOptionsFromEnv());
  return defaultPool;
}

/** Stops the shared pool's workers (engine shutdown); the next use starts a new pool. */
export async function closeOcrPool(): Promise<void> {
  const pool = defaultPool;
  defaultPool = null;
  await pool?.close();
}

export interface ReadImageOptions extends ReadOptions {
  /** Pool to run on; the shared pool by default. */
  pool?: OcrPool;
}

function split(opts: ReadImageOptions): { pool: OcrPool; options: ReadOptions } {
  const { pool, ...options } = opts;
  return { pool: pool ?? getOcrPool(), options };
}

/**
 * Reads a JPG or PNG: QR payloads and OCR runs in the (upright, deskewed) raster's pixels.
 * Refuses unsupported, corrupt and oversized images with `InvalidImageError` before queueing.
 */
export async function readInvoiceImage(
  bytes: Uint8Array,
  opts: ReadImageOptions = {},
): Promise<ImageReadingDetails> {
  await inspectImage(bytes);
  const { pool, options } = split(opts);
  const result = await pool.run({ kind: 'image', bytes, options });
  return imageReadingDetailsSchema.parse(result);
}

/**
 * Renders page `pageNumber` (1-based) of a PDF and reads it like an image; runs are reported in
 * PDF points with the origin at the top-left, like the text-layer path.
 */
export async function readPdfPageImage(
  bytes: Uint8Array,
  pageNumber: number,
  opts: ReadImageOptions = {},
): Promise<ImageReadingDetails> {
  const { pool, options } = split(opts);
  const result = await pool.run({ kind: 'pdf-page', bytes, pageNumber, options });
  return imageReadingDetailsSchema.parse(result);
}
