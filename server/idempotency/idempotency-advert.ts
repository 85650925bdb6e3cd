import type { FastifyInstance } from 'fastify';
import { IDEMPOTENCY_HONOURED_HEADER } from '../../shared/api/idempotency.js';

/**
 * Every API answer says `Idempotency-Key-Honoured: true`: a write retried with the same key is
 * applied once (see respondIdempotently). Clients learn from it that resending a write whose answer
 * was lost is safe here; toward a server without the header they must not resend it unasked.
 */
export function registerIdempotencyAdvert(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) void reply.header(IDEMPOTENCY_HONOURED_HEADER, 'true');
  });
}
