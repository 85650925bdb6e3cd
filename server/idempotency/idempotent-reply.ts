import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorEnvelope } from '../../shared/api/index.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { rawBodyOf } from '../http/raw-json-body.js';
import { findIdempotencyRecord, saveIdempotencyRecord } from './idempotency-records.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * 400, not 409: the provider's error table (and so every client's handling) knows no 409, and a key
 * reused for another request is a mistake in the request.
 */
export const IDEMPOTENCY_CONFLICT_MESSAGE =
  '参数错误：Idempotency-Key 已用于另一个不同的请求，请为新的请求使用新的 Idempotency-Key';

const keySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/);

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return undefined;
  const parsed = keySchema.safeParse(header);
  if (!parsed.success) {
    throw new ApiHttpError(400, '参数错误：Idempotency-Key 应为 1 到 128 个可见 ASCII 字符');
  }
  return parsed.data;
}

/** Method, path and the exact body text: "the same request" in the strictest useful sense. */
function fingerprintOf(request: FastifyRequest): string {
  const path = request.url.split('?', 1)[0] ?? '';
  return createHash('sha256')
    .update(`${request.method} ${path}\n${rawBodyOf(request) ?? ''}`, 'utf8')
    .digest('hex');
}

/**
 * Runs a write once per `Idempotency-Key` of the tenant. A retry with the same key and the same
 * request gets the first answer again (status and body, with `Idempotent-Replayed: true`); the same
 * key with another request is refused with 400. Lookup, the write and the record share one
 * immediate transaction, so the record exists exactly when the write does. Answers of the route
 * itself are remembered, errors included (the same request would meet the same rule); 5xx are not,
 * so that a retry after a fault can still succeed. Without the header, `action` just runs.
 */
export function respondIdempotently(
  db: EngineDb,
  request: FastifyRequest,
  reply: FastifyReply,
  action: () => unknown,
): unknown {
  const key = idempotencyKeyOf(request);
  if (key === undefined) return action();
  const { tenantId } = callerOf(request);
  const fingerprint = fingerprintOf(request);

  const outcome = db
    .transaction(() => {
      const existing = findIdempotencyRecord(db, tenantId, key);
      if (existing) {
        if (existing.fingerprint !== fingerprint) throw new ApiHttpError(400, IDEMPOTENCY_CONFLICT_MESSAGE);
        return { ...existing, replayed: true };
      }
      let statusCode = 200;
      let responseBody: string;
      try {
        // A savepoint of its own: a refused write leaves nothing behind, yet its answer is recorded.
        responseBody = JSON.stringify(db.transaction(action)());
      } catch (error) {
        if (!(error instanceof ApiHttpError) || error.code === 500) throw error;
        statusCode = error.code;
        responseBody = JSON.stringify(errorEnvelope(error.code, error.message));
      }
      const record = { fingerprint, statusCode, responseBody };
      saveIdempotencyRecord(db, tenantId, key, record);
      return { ...record, replayed: false };
    })
    .immediate();

  void reply.code(outcome.statusCode).type('application/json; charset=utf-8');
  if (outcome.replayed) void reply.header(REPLAYED_HEADER, 'true');
  return outcome.responseBody;
}
