import { createHash } from 'node:crypto';

/**
 * The `Idempotency-Key` of one upload: derived from the engine, the account set and the file's
 * content, so every resend of it — after a timeout, a crash, a restart — carries the same key and
 * the engine answers with the first invoice instead of making a second one. Stored with the queue
 * item before the first send.
 */
export function uploadIdempotencyKey(scope: string, accountSetId: string, contentSha256: string): string {
  const digest = createHash('sha256')
    .update(`zxe-folder-watch\n${scope}\n${accountSetId}\n${contentSha256}`)
    .digest('hex');
  return `fw-${digest.slice(0, 48)}`;
}
