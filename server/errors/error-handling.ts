import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorEnvelope, type ApiErrorCode } from '../../shared/api/index.js';
import { redactApiKeys } from '../../shared/api/key-redaction.js';
import { ApiHttpError } from './api-http-error.js';

export const SERVER_ERROR_MESSAGE = '服务器错误，请联系技术支持';

/** Fastify's own request errors, in the user's words; the provider's table has no 413/415, so 400. */
const FASTIFY_REQUEST_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '参数错误：请求体不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '参数错误：请求体不能为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '参数错误：请求体过大，JSON 请求体不能超过 1MB',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '参数错误：不支持的 Content-Type，请使用 application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '参数错误：Content-Length 与请求体长度不一致',
};
const FALLBACK_REQUEST_ERROR = '参数错误：请求格式不正确';

/** Errors Fastify raises while reading a request carry a `FST_` code and a 4xx status. */
const fastifyRequestErrorSchema = z.object({
  code: z.string().startsWith('FST_'),
  statusCode: z.number().int().min(400).max(499),
});

/** Paths are echoed in 404 messages; a key pasted into a URL must not come back in one. */
function redactedPath(request: FastifyRequest): string {
  return redactApiKeys(request.url.split('?', 1)[0] ?? '').slice(0, 200);
}

function notFound(request: FastifyRequest): { code: 404; message: string } {
  return { code: 404, message: `资源不存在：${request.method} ${redactedPath(request)}` };
}

function toApiError(error: unknown, request: FastifyRequest): { code: ApiErrorCode; message: string } {
  if (error instanceof ApiHttpError) return { code: error.code, message: error.message };
  const fastifyError = fastifyRequestErrorSchema.safeParse(error);
  if (fastifyError.success) {
    // Fastify reads the body even for unknown routes; that the route does not exist matters more.
    if (request.is404) return notFound(request);
    // Fixed messages only: Fastify's own text can quote the request back.
    return { code: 400, message: FASTIFY_REQUEST_ERRORS[fastifyError.data.code] ?? FALLBACK_REQUEST_ERROR };
  }
  return { code: 500, message: SERVER_ERROR_MESSAGE };
}

/** Every answer that is not a success is the API's envelope `{ error: { code, message, type } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { code, message } = toApiError(error, request);
    if (code === 500) request.log.error({ err: error }, 'unhandled error');
    if (error instanceof ApiHttpError) void reply.headers(error.headers);
    return reply.code(code).send(errorEnvelope(code, message));
  });

  app.setNotFoundHandler((request, reply) => {
    const { code, message } = notFound(request);
    return reply.code(code).send(errorEnvelope(code, message));
  });
}

/** Errors Fastify's router raises before any hook runs; fixed words, the URL is never repeated. */
const ROUTER_ERRORS: Record<string, string> = {
  FST_ERR_BAD_URL: '参数错误：请求路径不是有效的 URL 编码',
  FST_ERR_MAX_PARAM_LENGTH: '参数错误：路径参数过长',
};

/**
 * Fastify's `frameworkErrors`: a path with bad percent-encoding (`%ZZ`) or an over-long parameter
 * is refused by the router before the onRequest hooks, so the key is checked here first. A caller
 * without a key hears 401 whatever the path, and cannot tell which routes take parameters.
 */
export function routerErrorHandler(
  checkApiKey: (request: FastifyRequest) => void,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    try {
      checkApiKey(request);
    } catch (caught) {
      const { code, message } = toApiError(caught, request);
      if (caught instanceof ApiHttpError) void reply.headers(caught.headers);
      void reply.code(code).send(errorEnvelope(code, message));
      return;
    }
    void reply.code(400).send(errorEnvelope(400, ROUTER_ERRORS[error.code] ?? FALLBACK_REQUEST_ERROR));
  };
}
