import { z } from 'zod';

/** The six codes of the provider's error table, each with the `type` the envelope carries. */
export const API_ERROR_TYPES = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_TYPES;
export type ApiErrorType = (typeof API_ERROR_TYPES)[ApiErrorCode];

/** Default Chinese meanings from the provider's table (错误码说明). */
export const API_ERROR_MEANINGS: Record<ApiErrorCode, string> = {
  400: '参数错误',
  401: '未授权',
  403: '权限不足',
  404: '资源不存在',
  429: '请求过于频繁',
  500: '服务器错误',
};

export const apiErrorCodeSchema = z.union([
  z.literal(400),
  z.literal(401),
  z.literal(403),
  z.literal(404),
  z.literal(429),
  z.literal(500),
]);

export const apiErrorTypeSchema = z.enum([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'rate_limit_error',
  'api_error',
]);

/** `{ error: { code, message, type } }` exactly as in the provider's 错误响应示例. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: apiErrorCodeSchema,
      message: z.string(),
      type: apiErrorTypeSchema,
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function errorEnvelope(code: ApiErrorCode, message: string): ErrorEnvelope {
  return { error: { code, message, type: API_ERROR_TYPES[code] } };
}

/** Thrown by the ApiClient for every error answer of the API; carries the envelope unchanged. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly type: ApiErrorType;
  /** Seconds the server asked us to wait (429/503 `Retry-After`), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(envelope: ErrorEnvelope, retryAfterSeconds?: number) {
    super(envelope.error.message);
    this.name = 'ApiError';
    this.code = envelope.error.code;
    this.type = envelope.error.type;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get envelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, type: this.type } };
  }
}

/** The server could not be reached or answered something that is not the API (no envelope). */
export class ApiTransportError extends Error {
  readonly kind: 'network' | 'timeout' | 'aborted' | 'bad_response';
  /** HTTP status when the server answered without an envelope. */
  readonly status: number | undefined;
  /**
   * True when the request provably never reached the server (connection refused, DNS failure, TLS
   * refused before anything was sent): a write that failed so was not applied and may be resent.
   */
  readonly notSent: boolean;
  /** Seconds the server asked us to wait (e.g. a gateway's 503 `Retry-After`), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ApiTransportError['kind'],
    message: string,
    options?: { cause?: unknown; status?: number; notSent?: boolean; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'ApiTransportError';
    this.kind = kind;
    this.status = options?.status;
    this.notSent = options?.notSent ?? false;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
