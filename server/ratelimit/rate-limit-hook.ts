import type { FastifyInstance } from 'fastify';
import { ApiHttpError } from '../errors/api-http-error.js';
import { findCaller } from '../auth/authenticate.js';
import { RateLimiter } from './rate-limiter.js';

export function rateLimitMessage(retryAfterSeconds: number): string {
  return `请求过于频繁，请 ${String(retryAfterSeconds)} 秒后重试；如需更高限额请联系管理员`;
}

export interface RateLimitOptions {
  /** Milliseconds, monotonic; injectable for tests. */
  now?: () => number;
}

/**
 * Token bucket per API key, checked right after the key (so an unknown key is a 401, not a 429).
 * Registered after registerAuthentication: onRequest hooks run in registration order.
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): void {
  const limiter = new RateLimiter(options.now);
  app.addHook('onRequest', (request, _reply, done) => {
    const caller = findCaller(request);
    if (caller) {
      const result = limiter.take(caller.keyId, caller.rateLimit);
      if (!result.allowed) {
        throw new ApiHttpError(429, rateLimitMessage(result.retryAfterSeconds), {
          'retry-after': String(result.retryAfterSeconds),
        });
      }
    }
    done();
  });
}
