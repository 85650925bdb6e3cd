import type { z } from 'zod';
import type { AccountsListResponse } from './accounts.js';
import { endpoints, fillPath } from './endpoints.js';
import { ApiError, ApiTransportError, errorEnvelopeSchema } from './errors.js';
import { IDEMPOTENCY_HONOURED_HEADER, IDEMPOTENCY_KEY_HEADER } from './idempotency.js';
import type {
  InvoiceListResponse,
  InvoiceRecognizeFields,
  InvoiceRecognizeResponse,
  InvoiceRecord,
} from './invoice.js';
import { redactApiKeys } from './key-redaction.js';
import {
  CLIENT_RETRY_DEFAULTS,
  classifyApiFailure,
  mayRetry,
  parseRetryAfter,
  pause,
  retryAfterMs,
  retryDelayMs,
  type BackoffPolicy,
} from './retry.js';
import type {
  ChartResponse,
  PeriodCloseResponse,
  PeriodListResponse,
  PeriodReopenResponse,
  PeriodRequest,
  Voucher,
  VoucherListQuery,
  VoucherListResponse,
  VoucherReverseRequest,
  VoucherReverseResponse,
} from './ledger.js';
import type { ReportQuery, ReportResponse, ReportType } from './report.js';
import type { TrialBalanceResponse } from './trial-balance.js';
import type { VoucherCreateRequest, VoucherCreateResponse } from './voucher.js';
import type { DetailLedgerQuery, DetailLedgerResponse } from './detail-ledger.js';

export const DEFAULT_CLOUD_BASE_URL = 'https://api.zhangxiaoer.com';

export interface ApiClientOptions {
  /** e.g. `https://api.zhangxiaoer.com` or `http://127.0.0.1:8787` */
  baseUrl: string;
  apiKey: string;
  /** Per-call timeout; a call may override it. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Hears, with every API answer (a success or an error envelope), whether the server said it
   * honours `Idempotency-Key`.
   */
  onServerTraits?: (traits: { honoursIdempotencyKey: boolean }) => void;
  /**
   * Retries after the first attempt, for 429, 5xx and network errors (never 400/401/403/404).
   * Default 0: the app's main process retries in its ApiProxy; the Node SDK's entry point sets 2.
   * A write (POST) is retried only when the failed attempt provably was not applied (not sent,
   * 429, a 503 without an envelope), or when the call carries an idempotency key and the server's
   * latest answer said it honours one. With retries on, a write without a key gets a random one.
   */
  maxRetries?: number;
  /** The longest single wait between attempts, `Retry-After` included (default 60 s). */
  maxRetryWaitMs?: number;
  /** How waits grow between attempts (default 0.5 s, 1 s, … plus up to 100 ms of jitter). */
  backoff?: BackoffPolicy;
  /** For tests of the jitter: a number in [0, 1). */
  random?: () => number;
  /** Hears each retry before its wait: which retry (1 for the first), the wait, and why. */
  onRetry?: (retry: { retry: number; delayMs: number; error: unknown }) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Sent as `Idempotency-Key` on POSTs (an extension the engine honours). */
  idempotencyKey?: string;
}

export interface InvoiceUpload extends InvoiceRecognizeFields {
  file: Uint8Array;
  filename: string;
  /** Media type of the file; the engine sniffs the bytes anyway. */
  contentType?: string;
}

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
}

/**
 * The typed client of API v2 — our Node SDK. One method per endpoint; every answer is parsed with
 * the shared schema; every error answer is thrown as an {@link ApiError} carrying the envelope.
 * The key goes into the Authorization header and nowhere else (not into errors, not into logs),
 * and only to the base URL's origin: redirects are never followed, and an error message from the
 * server passes through the key redactor first (a third-party server may echo the header).
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly #apiKey: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #onServerTraits: ApiClientOptions['onServerTraits'];
  readonly #maxRetries: number;
  readonly #maxRetryWaitMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #random: () => number;
  readonly #onRetry: ApiClientOptions['onRetry'];
  #honoursIdempotencyKey = false;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#onServerTraits = options.onServerTraits;
    this.#maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 0));
    this.#maxRetryWaitMs = options.maxRetryWaitMs ?? CLIENT_RETRY_DEFAULTS.maxRetryWaitMs;
    this.#backoff = options.backoff ?? CLIENT_RETRY_DEFAULTS.backoff;
    this.#random = options.random ?? Math.random;
    this.#onRetry = options.onRetry;
  }

  /** Retries after the first attempt (0: none). */
  get maxRetries(): number {
    return this.#maxRetries;
  }

  /** Whether this server's latest API answer said it honours `Idempotency-Key`. */
  get honoursIdempotencyKey(): boolean {
    return this.#honoursIdempotencyKey;
  }

  listAccounts(options?: CallOptions): Promise<AccountsListResponse> {
    const spec = endpoints.accountsList;
    return this.#call({ method: spec.method, path: spec.path }, spec.response, options);
  }

  createVoucher(body: VoucherCreateRequest, options?: CallOptions): Promise<VoucherCreateResponse> {
    const spec = endpoints.voucherCreate;
    return this.#call({ method: spec.method, path: spec.path, json: body }, spec.response, options);
  }

  recognizeInvoice(upload: InvoiceUpload, options?: CallOptions): Promise<InvoiceRecognizeResponse> {
    const spec = endpoints.invoiceRecognize;
    const form = new FormData();
    const bytes = new Uint8Array(upload.file);
    form.append(
      spec.multipartFile.field,
      new Blob([bytes], { type: upload.contentType ?? 'application/octet-stream' }),
      upload.filename,
    );
    form.append('account_id', upload.account_id);
    if (upload.invoice_type) form.append('invoice_type', upload.invoice_type);
    if (upload.page) form.append('page', upload.page);
    return this.#call({ method: spec.method, path: spec.path, form }, spec.response, options);
  }

  getReport(type: ReportType, query: ReportQuery, options?: CallOptions): Promise<ReportResponse> {
    const spec = endpoints.report;
    const path = spec.path.replace('{type}', encodeURIComponent(type));
    return this.#call({ method: spec.method, path, query: { ...query } }, spec.response, options);
  }

  // ——— Engine extensions (local or self-hosted engine only; the cloud answers 404) ———

  /** The account set's chart of accounts with leaf flags, for the voucher editor. */
  getChart(accountId: string, options?: CallOptions): Promise<ChartResponse> {
    const spec = endpoints.chart;
    const path = fillPath(spec.path, { account_id: accountId });
    return this.#call({ method: spec.method, path }, spec.response, options);
  }

  /** This API's OpenAPI 3.1 document (public; the key is sent all the same). */
  getOpenApi(options?: CallOptions): Promise<Record<string, unknown>> {
    const spec = endpoints.openapi;
    return this.#call({ method: spec.method, path: spec.path }, spec.response, options);
  }

  listVouchers(query: VoucherListQuery, options?: CallOptions): Promise<VoucherListResponse> {
    const spec = endpoints.voucherList;
    const params: Record<string, string> = { account_id: query.account_id };
    if (query.period !== undefined) params.period = query.period;
    if (query.start_date !== undefined) params.start_date = query.start_date;
    if (query.end_date !== undefined) params.end_date = query.end_date;
    if (query.q !== undefined) params.q = query.q;
    if (query.page !== undefined) params.page = String(query.page);
    if (query.page_size !== undefined) params.page_size = String(query.page_size);
    return this.#call({ method: spec.method, path: spec.path, query: params }, spec.response, options);
  }

  getVoucher(voucherId: string, options?: CallOptions): Promise<Voucher> {
    const spec = endpoints.voucherGet;
    const path = fillPath(spec.path, { voucher_id: voucherId });
    return this.#call({ method: spec.method, path }, spec.response, options);
  }

  /** 红字冲销: posts a voucher with the same lines in negative amounts. */
  reverseVoucher(
    voucherId: string,
    body: VoucherReverseRequest = {},
    options?: CallOptions,
  ): Promise<VoucherReverseResponse> {
    const spec = endpoints.voucherReverse;
    const path = fillPath(spec.path, { voucher_id: voucherId });
    return this.#call({ method: spec.method, path, json: body }, spec.response, options);
  }

  listPeriods(accountId: string, options?: CallOptions): Promise<PeriodListResponse> {
    const spec = endpoints.periodList;
    return this.#call(
      { method: spec.method, path: spec.path, query: { account_id: accountId } },
      spec.response,
      options,
    );
  }

  /** 结账: posts the closing voucher (结转损益) and closes the period. */
  closePeriod(body: PeriodRequest, options?: CallOptions): Promise<PeriodCloseResponse> {
    const spec = endpoints.periodClose;
    return this.#call({ method: spec.method, path: spec.path, json: body }, spec.response, options);
  }

  /** 反结账: voids the closing voucher (its number stays used) and opens the period again. */
  reopenPeriod(body: PeriodRequest, options?: CallOptions): Promise<PeriodReopenResponse> {
    const spec = endpoints.periodReopen;
    return this.#call({ method: spec.method, path: spec.path, json: body }, spec.response, options);
  }

  /** 科目余额表: opening, period debit/credit and closing per account. */
  getTrialBalance(query: ReportQuery, options?: CallOptions): Promise<TrialBalanceResponse> {
    const spec = endpoints.trialBalance;
    return this.#call({ method: spec.method, path: spec.path, query: { ...query } }, spec.response, options);
  }

  /** 明细账: one account's postings with running balance and monthly lines, paged by row. */
  getDetailLedger(query: DetailLedgerQuery, options?: CallOptions): Promise<DetailLedgerResponse> {
    const spec = endpoints.detailLedger;
    const params: Record<string, string> = {
      account_id: query.account_id,
      account_code: query.account_code,
      start_date: query.start_date,
      end_date: query.end_date,
    };
    if (query.page !== undefined) params.page = String(query.page);
    if (query.page_size !== undefined) params.page_size = String(query.page_size);
    return this.#call({ method: spec.method, path: spec.path, query: params }, spec.response, options);
  }

  /** The account set's recognised invoices, newest issue date first. */
  listInvoices(
    query: {
      account_id: string;
      period?: string;
      direction?: 'purchase' | 'sale';
      duplicate?: boolean;
      page?: number;
      page_size?: number;
    },
    options?: CallOptions,
  ): Promise<InvoiceListResponse> {
    const spec = endpoints.invoiceList;
    const params: Record<string, string> = { account_id: query.account_id };
    if (query.period !== undefined) params.period = query.period;
    if (query.direction !== undefined) params.direction = query.direction;
    if (query.duplicate !== undefined) params.duplicate = String(query.duplicate);
    if (query.page !== undefined) params.page = String(query.page);
    if (query.page_size !== undefined) params.page_size = String(query.page_size);
    return this.#call({ method: spec.method, path: spec.path, query: params }, spec.response, options);
  }

  getInvoice(invoiceId: string, options?: CallOptions): Promise<InvoiceRecord> {
    const spec = endpoints.invoiceGet;
    const path = fillPath(spec.path, { invoice_id: invoiceId });
    return this.#call({ method: spec.method, path }, spec.response, options);
  }

  /** The original file of a recognised invoice: its bytes and media type (not JSON). */
  getInvoiceFile(
    invoiceId: string,
    options: CallOptions = {},
  ): Promise<{ mediaType: string; bytes: Uint8Array }> {
    const spec = endpoints.invoiceFile;
    const url = new URL(this.baseUrl + fillPath(spec.path, { invoice_id: invoiceId }));
    return this.#withRetries(spec.method, options, (attempt) => this.#fetchFile(url, attempt));
  }

  async #fetchFile(url: URL, options: CallOptions): Promise<{ mediaType: string; bytes: Uint8Array }> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${this.#apiKey}` },
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      throw transportFailure(error, url, options.signal);
    }
    if (response.ok) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      return { mediaType: mediaType || 'application/octet-stream', bytes };
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    const envelope = errorEnvelopeSchema.safeParse(payload);
    if (envelope.success) {
      const { error } = envelope.data;
      throw new ApiError(
        { error: { ...error, message: this.#redact(error.message) } },
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    throw new ApiTransportError('bad_response', `服务器返回了无法识别的错误（HTTP ${response.status}）`, {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  /**
   * Runs `attempt` once, then again while the failure may be retried (see `maxRetries`), waiting
   * between attempts as the backoff and `Retry-After` say. In all at most 1 + maxRetries attempts of
   * at most `timeoutMs` each and maxRetries waits of at most `maxRetryWaitMs` each; the caller's
   * signal ends a wait at once. Every attempt of a write carries the same idempotency key.
   */
  async #withRetries<T>(
    method: 'GET' | 'POST',
    options: CallOptions,
    attempt: (options: CallOptions) => Promise<T>,
  ): Promise<T> {
    const write = method !== 'GET';
    const idempotencyKey =
      options.idempotencyKey ?? (write && this.#maxRetries > 0 ? newIdempotencyKey() : undefined);
    const attemptOptions: CallOptions = { ...options, idempotencyKey };
    for (let retry = 1; ; retry += 1) {
      try {
        return await attempt(attemptOptions);
      } catch (error) {
        const again =
          retry <= this.#maxRetries &&
          mayRetry(error, {
            write,
            idempotencyKey: idempotencyKey !== undefined,
            serverHonoursIdempotencyKey: this.#honoursIdempotencyKey,
          });
        if (!again) throw error;
        const delay = retryDelayMs(
          this.#backoff,
          retry,
          classifyApiFailure(error),
          retryAfterMs(error),
          this.#random,
        );
        const delayMs = Math.min(delay, this.#maxRetryWaitMs);
        this.#onRetry?.({ retry, delayMs, error });
        await pause(delayMs, options.signal);
      }
    }
  }

  #call<S extends z.ZodType>(
    request: RequestSpec,
    schema: S,
    options: CallOptions = {},
  ): Promise<z.infer<S>> {
    return this.#withRetries(request.method, options, (attempt) => this.#attempt(request, schema, attempt));
  }

  async #attempt<S extends z.ZodType>(
    request: RequestSpec,
    schema: S,
    options: CallOptions,
  ): Promise<z.infer<S>> {
    const { payload, status } = await this.#send(request, options);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      // A success status all the same: a write may have been applied.
      throw new ApiTransportError('bad_response', `服务器返回的数据格式不符合 API v2：${request.path}`, {
        status,
      });
    }
    return parsed.data;
  }

  async #send(request: RequestSpec, options: CallOptions): Promise<{ payload: unknown; status: number }> {
    const url = new URL(this.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.#apiKey}`,
      Accept: 'application/json',
    };
    let body: string | FormData | undefined;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form) {
      body = request.form;
    }
    if (options.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey;

    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    let response: Response;
    try {
      // `manual`: a redirect is refused below, so the Authorization header never leaves this origin.
      response = await this.#fetch(url, {
        method: request.method,
        headers,
        body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      throw transportFailure(error, url, options.signal);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new ApiTransportError(
        'bad_response',
        `服务器要求转到其他地址（HTTP ${String(response.status)}），已拒绝：API Key 只发往所设置的地址`,
        { status: response.status },
      );
    }

    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      if (options.signal?.aborted || timeout.aborted) throw transportFailure(error, url, options.signal);
      throw new ApiTransportError('bad_response', `服务器返回的不是 JSON（HTTP ${response.status}）`, {
        status: response.status,
      });
    }

    const envelope = response.ok ? undefined : errorEnvelopeSchema.safeParse(payload);
    if (response.ok || envelope?.success) {
      this.#honoursIdempotencyKey = response.headers.get(IDEMPOTENCY_HONOURED_HEADER) === 'true';
      this.#onServerTraits?.({ honoursIdempotencyKey: this.#honoursIdempotencyKey });
    }
    if (response.ok) return { payload, status: response.status };
    if (envelope?.success) {
      const { error } = envelope.data;
      const message = this.#redact(error.message);
      throw new ApiError(
        { error: { ...error, message } },
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    throw new ApiTransportError('bad_response', `服务器返回了无法识别的错误（HTTP ${response.status}）`, {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  /** The server's text with this client's key, and anything key-shaped, masked. */
  #redact(text: string): string {
    const withoutOwnKey = this.#apiKey.length >= 8 ? text.split(this.#apiKey).join('***') : text;
    return redactApiKeys(withoutOwnKey);
  }
}

/** Error codes that mean the request never left: no connection, no address, TLS refused before sending. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_NODATA',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Whether a fetch failure provably happened before the request was sent. Walks the `cause` chain
 * (fetch wraps the socket's error) and an AggregateError's members (one per address tried): all of
 * them must be connection failures. A reset, a socket closed mid-answer or a timeout is not proof.
 */
export function failedBeforeSending(error: unknown): boolean {
  const seen = new Set<unknown>();
  const codes: string[] = [];
  const visit = (value: unknown): void => {
    if (!(value instanceof Error) || seen.has(value)) return;
    seen.add(value);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if (value instanceof AggregateError) for (const member of value.errors) visit(member);
    visit(value.cause);
  };
  visit(error);
  return codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
}

function transportFailure(
  error: unknown,
  url: URL,
  callerSignal: AbortSignal | undefined,
): ApiTransportError {
  if (callerSignal?.aborted) return new ApiTransportError('aborted', '请求已取消', { cause: error });
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ApiTransportError('timeout', `请求超时：${url.host}`, { cause: error });
  }
  return new ApiTransportError('network', `无法连接到服务器：${url.host}`, {
    cause: error,
    notSent: failedBeforeSending(error),
  });
}

/** A random idempotency key for a write the caller gave none (so that its retries apply once). */
function newIdempotencyKey(): string {
  const crypto = (
    globalThis as { crypto?: Partial<Pick<typeof globalThis.crypto, 'randomUUID' | 'getRandomValues'>> }
  ).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
