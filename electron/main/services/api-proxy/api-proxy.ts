import type { ApiClient, CallOptions } from '../../../../shared/api/client.js';
import { ApiError, ApiTransportError } from '../../../../shared/api/errors.js';
import { pause } from '../../../../shared/api/retry.js';
import type { AppLogger } from '../../logging/logger.js';
import type { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import {
  classifyFailure,
  isRetryable,
  mayHaveApplied,
  meansUnreachable,
  type FailureKind,
} from './failure-kind.js';
import { OutcomeUnknownError } from './outcome-unknown-error.js';
import { RequestGate } from './request-gate.js';
import { DEFAULT_RETRY_POLICY, retryAfterMs, retryDelayMs, type RetryPolicy } from './retry-policy.js';

/** One HTTP attempt as it happened: for logs and for tests that check the backoff. */
export interface AttemptRecord {
  call: number;
  attempt: number;
  startedAt: number;
  endedAt: number;
  outcome: 'ok' | FailureKind;
  /** The server's `Retry-After`, in ms, when it sent one. */
  retryAfterMs?: number;
}

export interface ApiProxyOptions {
  /** The client for the current connection; asked again before each attempt (the engine may have moved). */
  client: () => Promise<ApiClient>;
  reachability: ReachabilityTracker;
  logger: AppLogger;
  policy?: RetryPolicy;
  /** Requests on the wire at once. */
  maxConcurrent?: number;
  random?: () => number;
  onAttempt?: (record: AttemptRecord) => void;
  /**
   * Whether the current server said it honours `Idempotency-Key`. Unless it did, a write whose
   * attempt may have been applied is not tried again. Absent: no server is trusted with that.
   */
  honoursIdempotencyKey?: () => boolean;
}

export interface ProxyCallOptions {
  /** What the call is, for the log (never its arguments). */
  name: string;
  /** Fires when the renderer abandoned the request. */
  signal?: AbortSignal;
  policy?: RetryPolicy;
  /**
   * Marks the call as a write. Sent as `Idempotency-Key` on every attempt, so retrying it cannot
   * apply it twice — on a server that honours the key. Toward any other server, an attempt that
   * may have been applied ends the call with an {@link OutcomeUnknownError} instead of a retry.
   */
  idempotencyKey?: string;
}

export type ApiOperation<T> = (client: ApiClient, options: CallOptions) => Promise<T>;

/**
 * Every API call from main goes through here: one typed operation per call (no generic fetch),
 * a fair concurrency gate, retries with exponential backoff and jitter for 429/5xx/network errors
 * honouring `Retry-After`, none for 400/401/403/404, a timeout per attempt and per call, and
 * cancellation when the caller's signal fires. Outcomes feed the reachability tracker. A write is
 * retried only when the failed attempt provably was not applied, or the server honours its key.
 * The classification, the waits and `Retry-After` come from the shared rule (`shared/api/retry.ts`)
 * that the ApiClient's own retries use; the clients given here must keep those off (`maxRetries`
 * 0, the default), or every attempt here would be several on the wire.
 */
export class ApiProxy {
  readonly #options: ApiProxyOptions;
  readonly #gate: RequestGate;
  readonly #policy: RetryPolicy;
  readonly #random: () => number;
  #calls = 0;

  constructor(options: ApiProxyOptions) {
    this.#options = options;
    this.#gate = new RequestGate({ maxConcurrent: options.maxConcurrent ?? 6 });
    this.#policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.#random = options.random ?? Math.random;
  }

  async call<T>(operation: ApiOperation<T>, options: ProxyCallOptions): Promise<T> {
    const policy = options.policy ?? this.#policy;
    const call = ++this.#calls;
    const deadline = AbortSignal.timeout(policy.callTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;

    for (let attempt = 1; ; attempt += 1) {
      let release: () => void;
      try {
        release = await this.#gate.acquire(call, signal);
      } catch (error) {
        throw stopped(options.signal, error);
      }

      const startedAt = Date.now();
      let failure: unknown;
      try {
        const client = await this.#options.client();
        const result = await operation(client, {
          signal,
          timeoutMs: policy.attemptTimeoutMs,
          idempotencyKey: options.idempotencyKey,
        });
        this.#record({ call, attempt, startedAt, endedAt: Date.now(), outcome: 'ok' });
        this.#options.reachability.answered();
        return result;
      } catch (error) {
        failure = deadline.aborted && !options.signal?.aborted ? callTimedOut(error) : error;
      } finally {
        release();
      }

      const kind = classifyFailure(failure);
      const unsureWrite = options.idempotencyKey !== undefined && mayHaveApplied(failure);
      const serverAskedMs = retryAfterMs(failure);
      this.#record({
        call,
        attempt,
        startedAt,
        endedAt: Date.now(),
        outcome: kind,
        retryAfterMs: serverAskedMs,
      });
      if (meansUnreachable(kind)) this.#options.reachability.unreachable();
      else if (serverAnswered(failure)) this.#options.reachability.answered();
      if (kind === 'rate_limited' && serverAskedMs !== undefined) {
        this.#gate.pauseUntil(Date.now() + serverAskedMs);
      }

      if (unsureWrite && !(this.#options.honoursIdempotencyKey?.() ?? false)) {
        this.#options.logger.warn({ call: options.name, attempt, reason: kind }, 'api write outcome unknown');
        throw new OutcomeUnknownError(failure);
      }
      if (!isRetryable(kind) || attempt >= policy.maxAttempts || deadline.aborted) throw failure;
      const delay = retryDelayMs(policy, attempt, kind, serverAskedMs, this.#random);
      this.#options.logger.info(
        { call: options.name, attempt, reason: kind, delayMs: delay },
        'api call retry',
      );
      try {
        await pause(delay, signal);
      } catch (error) {
        throw stopped(options.signal, error);
      }
    }
  }

  dispose(): void {
    this.#gate.dispose();
  }

  #record(record: AttemptRecord): void {
    this.#options.onAttempt?.(record);
  }
}

/** An error answer still proves the server is there; a missing key or a bug proves nothing. */
function serverAnswered(error: unknown): boolean {
  return error instanceof ApiError || (error instanceof ApiTransportError && error.kind === 'bad_response');
}

/** Why waiting ended early: the caller left (cancelled) or the call ran out of time. */
function stopped(callerSignal: AbortSignal | undefined, cause: unknown): ApiTransportError {
  if (callerSignal?.aborted) return new ApiTransportError('aborted', '请求已取消', { cause });
  return callTimedOut(cause);
}

function callTimedOut(cause: unknown): ApiTransportError {
  return new ApiTransportError('timeout', '请求超时', { cause });
}
