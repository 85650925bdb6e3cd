import { ApiError, ApiTransportError } from '../../../../shared/api/errors.js';
import { EngineStartFailedError, EngineUnavailableError } from '../engine-host/engine-host.js';
import { KeyMissingError } from '../connection/key-missing-error.js';

/**
 * What a failed API call means for the layers above the client: whether to retry it, whether to
 * answer from the cache instead, whether the engine counts as unreachable, and whether a queued
 * write should wait (transient) or be given up (the request itself is wrong).
 */
export type FailureKind =
  /** No answer at all: connection refused or reset, DNS, per-attempt timeout, local engine not up yet. */
  | 'unreachable'
  /** The local engine is not running because it was stopped; retrying now cannot help. */
  | 'engine_stopped'
  /** 5xx, or a gateway answering in place of the API. */
  | 'server_error'
  /**
   * A success status whose body could not be read (cut off mid-answer, e.g. the engine died while
   * sending it). The request may well have been applied: a retry with the same idempotency key
   * finds out without applying it twice.
   */
  | 'garbled'
  /** 429: too many requests, come back after Retry-After. */
  | 'rate_limited'
  /** 401 or no key: about the key, not the request. */
  | 'auth'
  /** 400/403/404: the request itself will never succeed as it is. */
  | 'rejected'
  /** The caller gave up. */
  | 'cancelled'
  /** A bug or anything else: never retried, never hidden behind the cache. */
  | 'unknown';

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof ApiError) {
    if (error.code === 429) return 'rate_limited';
    if (error.code === 500) return 'server_error';
    if (error.code === 401) return 'auth';
    return 'rejected';
  }
  if (error instanceof ApiTransportError) {
    switch (error.kind) {
      case 'network':
      case 'timeout':
        return 'unreachable';
      case 'aborted':
        return 'cancelled';
      case 'bad_response':
        if (error.status !== undefined && error.status >= 500) return 'server_error';
        if (error.status !== undefined && error.status >= 200 && error.status < 300) return 'garbled';
        return 'unknown';
    }
  }
  if (error instanceof EngineUnavailableError) return 'engine_stopped';
  // The host restarts a local engine that failed to start: like a refused connection, try again.
  if (error instanceof EngineStartFailedError) return 'unreachable';
  if (error instanceof KeyMissingError) return 'auth';
  return 'unknown';
}

/** Retry rule: 429, 5xx and network errors are retried; 400/401/403/404 never. */
export function isRetryable(kind: FailureKind): boolean {
  return kind === 'unreachable' || kind === 'server_error' || kind === 'rate_limited' || kind === 'garbled';
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
 * Whether a write that failed so may nonetheless have been applied by the server. No when it
 * provably never got there (no connection, no address, no key, the engine not running) or when the
 * server answered that it did not apply it (400/401/403/404/429, or a 503 without an envelope —
 * refused before the request was read). Yes for a timeout, a reset or a socket closed after the
 * request went out, a 5xx after which the server may have committed, a success whose body was lost,
 * and anything unexplained.
 */
export function mayHaveApplied(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 500;
  if (error instanceof ApiTransportError) {
    switch (error.kind) {
      case 'network':
        return !error.notSent;
      case 'timeout':
      case 'aborted':
        return true;
      case 'bad_response':
        if (error.status === undefined) return true;
        if (error.status === 503) return false;
        return (error.status >= 200 && error.status < 300) || error.status >= 500;
    }
  }
  if (
    error instanceof EngineUnavailableError ||
    error instanceof EngineStartFailedError ||
    error instanceof KeyMissingError
  ) {
    return false;
  }
  return true;
}
