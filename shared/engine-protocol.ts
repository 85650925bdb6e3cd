import { z } from 'zod';
import { apiKeySchema } from './api/api-key-format.js';

/**
 * Messages between the desktop's main process and the engine process (server/engine-process.ts),
 * shared by both sides.
 * The key travels in the start message only: argv and the environment are visible to other
 * processes of the same user (`ps`, /proc/<pid>/environ).
 */
export const engineStartMessageSchema = z.strictObject({
  type: z.literal('start'),
  /** The engine keeps `engine.db` here. */
  dataDir: z.string().min(1),
  /** The local key main generated and keeps in the keychain. */
  apiKey: apiKeySchema,
});

export const engineListeningMessageSchema = z.strictObject({
  type: z.literal('listening'),
  /** On 127.0.0.1. */
  port: z.number().int().min(1).max(65_535),
});

export const engineFailedMessageSchema = z.strictObject({
  type: z.literal('failed'),
  /** Chinese, for the status line; never contains the key. */
  message: z.string(),
});

/** What the engine answers to `start`: exactly one of these. */
export const engineReplySchema = z.discriminatedUnion('type', [
  engineListeningMessageSchema,
  engineFailedMessageSchema,
]);

export type EngineStartMessage = z.infer<typeof engineStartMessageSchema>;
export type EngineListeningMessage = z.infer<typeof engineListeningMessageSchema>;
export type EngineFailedMessage = z.infer<typeof engineFailedMessageSchema>;
export type EngineReply = z.infer<typeof engineReplySchema>;
