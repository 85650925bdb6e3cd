import { ApiHttpError } from '../errors/api-http-error.js';
import { InvoiceFileError } from './recognition-errors.js';

function named(error: unknown, name: string): error is Error & Record<string, unknown> {
  return error instanceof Error && error.name === name;
}

/**
 * Errors of reading a file, in the API's envelope: an unreadable file is the caller's 400; a full
 * OCR queue is 429 with Retry-After (the provider's table has no 503); an OCR timeout or a crashed
 * worker fails this file only, with a 400 that says so.
 */
export function toRecognitionHttpError(error: unknown): ApiHttpError {
  if (error instanceof ApiHttpError) return error;
  if (error instanceof InvoiceFileError) return new ApiHttpError(400, error.message);
  if (named(error, 'InvalidImageError'))
    return new ApiHttpError(400, `参数错误：${error.message.replace(/^参数错误[:：]/, '')}`);
  if (named(error, 'OcrQueueFullError')) {
    const seconds = typeof error.retryAfterSeconds === 'number' ? error.retryAfterSeconds : 5;
    return new ApiHttpError(429, `请求过于频繁：${error.message}`, {
      'Retry-After': String(Math.max(1, Math.ceil(seconds))),
    });
  }
  if (named(error, 'OcrTimeoutError') || named(error, 'OcrWorkerCrashedError')) {
    return new ApiHttpError(400, `参数错误：${error.message}`);
  }
  if (named(error, 'OcrUnavailableError')) {
    return new ApiHttpError(429, `请求过于频繁：${error.message}`, { 'Retry-After': '30' });
  }
  throw error;
}
