/**
 * The seam between the folder-watch queue and whatever sends an invoice to the engine. The queue
 * knows nothing of HTTP: it hands over the exact bytes it hashed, the key it stored, and a signal;
 * the uploader answers with the invoice or throws an {@link UploadFailure} saying whether trying
 * again can help. Anything else thrown counts as "try again later".
 */
export interface InvoiceUploadRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Media type by sniffed bytes; the engine sniffs again anyway. */
  contentType: string;
  accountSetId: string;
  /** Stable per (engine, account set, content): a resend can never create a second invoice. */
  idempotencyKey: string;
  signal: AbortSignal;
}

export interface InvoiceUploadResult {
  invoiceId: string;
}

export type InvoiceUploader = (request: InvoiceUploadRequest) => Promise<InvoiceUploadResult>;

/**
 * - `never`: the engine refused this file (400/403/404): resending the same bytes cannot help.
 * - `later`: no verdict (no answer, 5xx, 429, cut off): resend later with the same key.
 * - `key`: the API key is missing or wrong: wait until the user fixes it in 设置.
 */
export type UploadRetry = 'never' | 'later' | 'key';

export class UploadFailure extends Error {
  readonly retry: UploadRetry;

  constructor(retry: UploadRetry, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UploadFailure';
    this.retry = retry;
  }
}
