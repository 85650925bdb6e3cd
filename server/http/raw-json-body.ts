import type { FastifyInstance, FastifyRequest } from 'fastify';

// The exact bytes of each JSON body (as text): an idempotent retry is recognised by them, and
// hashing the text avoids re-serialising whatever shape (or depth) a client sent.
const rawBodies = new WeakMap<FastifyRequest, string>();

export function rawBodyOf(request: FastifyRequest): string | undefined {
  return rawBodies.get(request);
}

/**
 * Replaces Fastify's JSON parser with the same parser (prototype-poisoning checks, error codes and
 * body limit included) that also keeps the raw text. Fastify's text/plain parser goes: the API
 * speaks JSON, and a JSON text sent as text/plain should hear so (400 unsupported Content-Type).
 */
export function registerRawJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    rawBodies.set(request, text);
    void parseJson(request, text, done);
  });
}
