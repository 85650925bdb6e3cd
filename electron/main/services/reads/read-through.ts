import type { AppLogger } from '../../logging/logger.js';
import { classifyFailure, isServedFromCache } from '../api-proxy/failure-kind.js';
import type { CachedCopy } from '../cache/json-column.js';
import { describeError } from '../../logging/describe-error.js';

export interface Fetched<T> {
  data: T;
  source: 'live' | 'cache';
  fetchedAt: string;
}

export interface ReadThroughSpec<T> {
  name: string;
  fetchLive: () => Promise<T>;
  /** Absent when no cache could be opened: reads are then live only. */
  store?: (data: T, fetchedAt: string) => void;
  load?: () => CachedCopy<T> | undefined;
  /** Whether what was fetched still belongs where it would be stored (the connection may have changed). */
  stillCurrent?: () => boolean;
  logger: AppLogger;
}

/**
 * Offline reads: live when the engine answers (and stored), the cached copy with its own fetchedAt
 * when it cannot answer (unreachable, stopped, 5xx, still rate-limited after retries). Errors that
 * are answers — 400, 401, 403, 404 — stay errors: the cache must not hide a wrong key or a missing
 * account set. A cache that fails to read or write is logged and never fails the read itself.
 */
export async function readThrough<T>(spec: ReadThroughSpec<T>): Promise<Fetched<T>> {
  let data: T;
  try {
    data = await spec.fetchLive();
  } catch (error) {
    if (!isServedFromCache(classifyFailure(error)) || !spec.load) throw error;
    let cached: CachedCopy<T> | undefined;
    try {
      cached = spec.load();
    } catch (cacheError) {
      spec.logger.error({ read: spec.name, err: describeError(cacheError) }, 'cache read failed');
    }
    if (!cached) throw error;
    return { data: cached.data, source: 'cache', fetchedAt: cached.fetchedAt };
  }
  const fetchedAt = new Date().toISOString();
  if (spec.store && (spec.stillCurrent?.() ?? true)) {
    try {
      spec.store(data, fetchedAt);
    } catch (cacheError) {
      spec.logger.error({ read: spec.name, err: describeError(cacheError) }, 'cache write failed');
    }
  }
  return { data, source: 'live', fetchedAt };
}
