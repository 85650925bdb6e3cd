/** The request header that makes a retried write apply once (an extension the engine honours). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * The response header by which a server says it honours `Idempotency-Key`: the engine sends
 * `Idempotency-Key-Honoured: true` on every API answer. The provider's document promises no such
 * thing, so a client treats a server without it as one that may apply a resent write twice.
 */
export const IDEMPOTENCY_HONOURED_HEADER = 'Idempotency-Key-Honoured';
