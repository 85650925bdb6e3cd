import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiHttpError } from '../errors/api-http-error.js';
import { findIllFormedString, illFormedTextMessage } from './well-formed-text.js';

// The exact bytes of each JSON body (as text): an idempotent retry is recognised by them, and
// hashing the text avoids re-serialising whatever shape (or depth) a client sent.
const rawBodies = new WeakMap<FastifyRequest, string>();

export function rawBodyOf(request: FastifyRequest): string | undefined {
  return rawBodies.get(request);
}

const INVALID_UTF8_MESSAGE = '参数错误：请求体不是有效的 UTF-8 文本';

/** Fatal: bytes that are not UTF-8 are refused rather than silently turned into U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's JSON parser with the same parser (prototype-poisoning checks, error codes and
 * body limit included) that also keeps the raw text, and refuses text that is not well-formed
 * Unicode: invalid UTF-8 bytes, and lone surrogates written as `\ud800` escapes, which JSON allows
 * but which cannot be stored as UTF-8. Fastify's text/plain parser goes: the API speaks JSON, and a
 * JSON text sent as text/plain should hear so (400 unsupported Content-Type).
 */
export function registerRawJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      done(new ApiHttpError(400, INVALID_UTF8_MESSAGE), undefined);
      return;
    }
    rawBodies.set(request, text);
    void parseJson(request, text, (error, parsed: unknown) => {
      if (error) {
        done(error, undefined);
        return;
      }
      const badPath = findIllFormedString(parsed);
      if (badPath !== undefined) done(new ApiHttpError(400, illFormedTextMessage(badPath)), undefined);
      else done(null, parsed);
    });
  });

  // Query strings and path parameters, for the same reason (they reach SQL and the logs).
  app.addHook('preValidation', (request, _reply, done) => {
    const badPath = findIllFormedString({ ...(request.params as object), ...(request.query as object) });
    if (badPath !== undefined) throw new ApiHttpError(400, illFormedTextMessage(badPath));
    done();
  });
}
