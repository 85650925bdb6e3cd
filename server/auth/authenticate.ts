import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EngineDb } from '../db/engine-db.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { effectiveRateLimit, type KeyRateLimit } from '../ratelimit/rate-limits.js';
import { apiKeySchema } from '../../shared/api/api-key-format.js';
import { findActiveApiKey, type ApiKeyScope } from './api-key-lookup.js';
import { parseAuthorizationHeader } from './authorization-header.js';

/** Who is calling: known once the key was checked, for every non-public route. */
export interface Caller {
  tenantId: string;
  keyId: string;
  scope: ApiKeyScope;
  /** Read from the key's row on every request, so a limit set from the admin CLI applies at once. */
  rateLimit: KeyRateLimit;
}

export const AUTH_MESSAGES = {
  missing: '未授权：缺少 API Key，请在请求头中携带 Authorization: Bearer {your_api_key}',
  malformed: '未授权：Authorization 请求头格式错误，应为 Authorization: Bearer {your_api_key}',
  invalid: '未授权：API Key 无效或已过期',
} as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without an API key (e.g. `/api/v2/openapi.json`). */
    public?: boolean;
  }
}

// A WeakMap rather than a request decoration: a route can only get a Caller through callerOf(),
// which cannot return "nobody" by mistake.
const callers = new WeakMap<FastifyRequest, Caller>();

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('callerOf() on a request that was not authenticated');
  return caller;
}

/** The caller when the request carried a valid key; undefined on public routes. */
export function findCaller(request: FastifyRequest): Caller | undefined {
  return callers.get(request);
}

function needsApiKey(request: FastifyRequest): boolean {
  // Unknown paths under /api/ still ask for a key, so that probing does not reveal which exist.
  if (request.is404) return request.url.startsWith('/api/');
  return request.routeOptions.config.public !== true;
}

function authenticate(db: EngineDb, request: FastifyRequest): void {
  const header = parseAuthorizationHeader(request.headers.authorization);
  if (header.kind !== 'bearer') throw new ApiHttpError(401, AUTH_MESSAGES[header.kind]);
  const key = apiKeySchema.safeParse(header.token);
  const record = key.success ? findActiveApiKey(db, key.data) : undefined;
  if (!record) throw new ApiHttpError(401, AUTH_MESSAGES.invalid);
  callers.set(request, {
    tenantId: record.tenantId,
    keyId: record.id,
    scope: record.scope,
    rateLimit: effectiveRateLimit(record),
  });
}

/**
 * For requests the router refused before any hook ran (bad URL encoding, over-long parameter): a
 * key is required under /api/, exactly as for a route that exists.
 */
export function checkApiKeyBeforeRouting(db: EngineDb, request: FastifyRequest): void {
  if (request.url.startsWith('/api/')) authenticate(db, request);
}

/** Checks `Authorization: Bearer <key>` on every route that is not marked `config.public`. */
export function registerAuthentication(app: FastifyInstance, db: EngineDb): void {
  // Callback style because the check is synchronous; Fastify turns a throw into the error reply.
  app.addHook('onRequest', (request, _reply, done) => {
    if (needsApiKey(request)) authenticate(db, request);
    done();
  });
}
