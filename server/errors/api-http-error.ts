import type { ApiErrorCode } from '../../shared/api/index.js';

/**
 * Thrown by routes and hooks to answer with the API's error envelope; the error handler turns it
 * into `{ error: { code, message, type } }`. The message is shown to users as is, so it is Chinese
 * and must never contain a key or other secret.
 */
export class ApiHttpError extends Error {
  readonly code: ApiErrorCode;
  /** Extra response headers (`Retry-After` on a 429). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiHttpError';
    this.code = code;
    this.headers = headers;
  }
}
