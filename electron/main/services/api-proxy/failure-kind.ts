import {
  apiWriteMayHaveApplied,
  classifyApiFailure,
  isRetryableApiFailure,
  type ApiFailureKind,
} from '../../../../shared/api/retry.js';
import { EngineStartFailedError, EngineUnavailableError } from '../engine-host/engine-host.js';
import { KeyMissingError } from '../connection/key-missing-error.js';

/**
 * What a failed API call means for the layers above the client: whether to retry it, whether to
 * answer from the cache instead, whether the engine counts as unreachable, and whether a queued
 * write should wait (transient) or be given up (the request itself is wrong). The API's own errors
 * are classified by the shared retry rule (`shared/api/retry.ts`, which the ApiClient's retries use
 * too); main adds its own failures: the local engine not running or not started, no key.
 */
export type FailureKind =
  | ApiFailureKind
  /** The local engine is not running because it was stopped; retrying now cannot help. */
  | 'engine_stopped';

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof EngineUnavailableError) return 'engine_stopped';
  // The host restarts a local engine that failed to start: like a refused connection, try again.
  if (error instanceof EngineStartFailedError) return 'unreachable';
  if (error instanceof KeyMissingError) return 'auth';
  return classifyApiFailure(error);
}

/** Retry rule: 429, 5xx and network errors are retried; 400/401/403/404 never. */
export function isRetryable(kind: FailureKind): boolean {
  return kind !== 'engine_stopped' && isRetryableApiFailure(kind);
}

/** Offline reads: a read that failed this way answers with the cached copy, when there is one. */
export function isServedFromCache(kind: FailureKind): boolean {
  return isRetryable(kind) || kind === 'engine_stopped';
}

/** No answer came back at all: the engine counts as offline. */
export function meansUnreachable(kind: FailureKind): boolean {
  return kind === 'unreachable' || kind === 'engine_stopped';
}

/** A queued write that failed this way waits for a later try; anything else fails it for good. */
export function keepsWriteQueued(kind: FailureKind): boolean {
  return isServedFromCache(kind) || kind === 'auth' || kind === 'cancelled';
}

/**
 * Whether a write that failed so may nonetheless have been applied by the server: the shared rule
 * (no when it provably never got there or the server answered that it did not apply it), and no
 * when main itself stopped it first (no key, the engine not running or not started).
 */
export function mayHaveApplied(error: unknown): boolean {
  if (
    error instanceof EngineUnavailableError ||
    error instanceof EngineStartFailedError ||
    error instanceof KeyMissingError
  ) {
    return false;
  }
  return apiWriteMayHaveApplied(error);
}
