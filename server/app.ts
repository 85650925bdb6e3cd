import Fastify, { type FastifyInstance, type FastifyLoggerOptions } from 'fastify';
import type { LoggerOptions } from 'pino';
import { registerAccountsRoutes } from './accounts/accounts-routes.js';
import { redactApiKeys } from '../shared/api/key-redaction.js';
import { checkApiKeyBeforeRouting, registerAuthentication } from './auth/authenticate.js';
import { openEngineDb, type EngineDb } from './db/engine-db.js';
import { registerWriteAccess } from './auth/write-access.js';
import { registerErrorHandling, routerErrorHandler } from './errors/error-handling.js';
import { answerClientError } from './http/connection-errors.js';
import { registerRawJsonBody } from './http/raw-json-body.js';
import { DEFAULT_TIMEOUTS, type EngineTimeouts } from './http/timeouts.js';
import { registerIdempotencyAdvert } from './idempotency/idempotency-advert.js';
import { registerInvoiceRoutes } from './invoices/invoice-routes.js';
import { registerLedgerRoutes } from './ledger/ledger-routes.js';
import { registerOpenApiRoute } from './openapi/openapi-route.js';
import { registerReportRoutes } from './reports/report-routes.js';
import { registerRateLimit, type RateLimitOptions } from './ratelimit/rate-limit-hook.js';

export type EngineLoggerOptions = FastifyLoggerOptions & LoggerOptions;

export interface BuildAppOptions {
  /** An open engine database (the caller closes it), or a file path / `':memory:'` to open (closed with the app). */
  db: EngineDb | string;
  /** Fastify's pino logger; off unless asked for. */
  logger?: boolean | EngineLoggerOptions;
  /** The per-key token buckets' clock, for tests. */
  rateLimit?: RateLimitOptions;
  /** How long a client may take (defaults: DEFAULT_TIMEOUTS); tests shorten them. */
  timeouts?: Partial<EngineTimeouts>;
}

/** Node's own limit, stated so that it is a decision: larger headers are answered 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** JSON bodies (vouchers) stay far below this; invoice files get their own multipart limit. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Request log lines carry method and URL only, with anything key-shaped in the URL masked. */
function serializeRequest(request: { method: string; url: string }): { method: string; url: string } {
  return { method: request.method, url: redactApiKeys(request.url) };
}

function loggerOptions(logger: BuildAppOptions['logger']): false | EngineLoggerOptions {
  if (!logger) return false;
  const options: EngineLoggerOptions = logger === true ? {} : logger;
  // Ours replaces any caller-supplied `req` serializer: none may log headers (the key) or raw URLs.
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } };
}

/** The engine's HTTP API, ready for `inject()` or `listen()`; it does not listen by itself. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const ownsDb = typeof options.db === 'string';
  const db = typeof options.db === 'string' ? openEngineDb(options.db) : options.db;

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      requestTimeout: timeouts.requestMs,
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      connectionsCheckingInterval: timeouts.checkIntervalMs,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    // Every answer is the envelope, also the ones Fastify and Node give before any route runs.
    frameworkErrors: routerErrorHandler((request) => checkApiKeyBeforeRouting(db, request)),
    clientErrorHandler: answerClientError,
  });
  if (ownsDb) app.addHook('onClose', () => db.close());

  registerErrorHandling(app);
  registerRawJsonBody(app);
  registerIdempotencyAdvert(app);
  // onRequest hooks run in this order: who is calling (401), how often (429), may it write (403).
  registerAuthentication(app, db);
  registerRateLimit(app, options.rateLimit);
  registerWriteAccess(app);
  registerOpenApiRoute(app);
  registerAccountsRoutes(app, db);
  registerLedgerRoutes(app, db);
  registerInvoiceRoutes(app, db);
  registerReportRoutes(app, db);
  return app;
}
