/**
 * Errors of the image path. The endpoint maps them: `InvalidImageError` → 400 (the message is
 * Chinese and can be shown as is), `OcrQueueFullError` → 429/503 with `Retry-After`,
 * `OcrTimeoutError` / `OcrWorkerCrashedError` → a clear failure for this file only.
 */

export type InvalidImageReason = 'unsupported' | 'corrupt' | 'too-large' | 'empty' | 'bad-page';

/** The bytes are not a usable image (or PDF page): never retried, answered with a 400. */
export class InvalidImageError extends Error {
  readonly reason: InvalidImageReason;
  constructor(reason: InvalidImageReason, message: string) {
    super(message);
    this.name = 'InvalidImageError';
    this.reason = reason;
  }
}

/** Every OCR worker is busy and the queue is full: try again after `retryAfterSeconds`. */
export class OcrQueueFullError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`识别队列已满，请 ${String(retryAfterSeconds)} 秒后重试`);
    this.name = 'OcrQueueFullError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The file took longer than the per-file limit; its worker was stopped and replaced. */
export class OcrTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`图片识别超时（超过 ${String(Math.round(timeoutMs / 1000))} 秒），请换一张更清晰或更小的图片`);
    this.name = 'OcrTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The worker reading this file died (out of memory, a native crash); it was replaced. */
export class OcrWorkerCrashedError extends Error {
  constructor(detail: string) {
    super('图片识别进程异常退出，请重试');
    this.name = 'OcrWorkerCrashedError';
    this.cause = detail;
  }
}

/** The pool was closed (engine shutting down) or its workers cannot start (models missing). */
export class OcrUnavailableError extends Error {
  constructor(detail: string) {
    super('图片识别暂不可用，请稍后重试');
    this.name = 'OcrUnavailableError';
    this.cause = detail;
  }
}
