import { z } from 'zod';
import { randomBase62 } from '../random-base62.js';

/**
 * The shape of an API key, shared by the desktop's main process (which generates the local key and
 * keeps it in the keychain) and the engine (which checks and stores keys). Hashing and lookup are
 * the engine's alone: server/auth/api-key-lookup.ts.
 */
export const API_KEY_PREFIXES = { live: 'sk_live_', test: 'sk_test_' } as const;
export type ApiKeyMode = keyof typeof API_KEY_PREFIXES;
export type ApiKeyPrefix = (typeof API_KEY_PREFIXES)[ApiKeyMode];

/** 32 base62 characters: about 190 random bits. */
const RANDOM_PART_LENGTH = 32;

/** Every key we issue or accept: `sk_live_`/`sk_test_` + 32 to 128 base62 characters. */
export const apiKeySchema = z
  .string()
  .regex(/^sk_(live|test)_[A-Za-z0-9]{32,128}$/, { error: '应为 sk_live_ 或 sk_test_ 开头的 API Key' });

export function generateApiKey(mode: ApiKeyMode): string {
  return API_KEY_PREFIXES[mode] + randomBase62(RANDOM_PART_LENGTH);
}

export function apiKeyPrefix(key: string): ApiKeyPrefix {
  return key.startsWith(API_KEY_PREFIXES.live) ? API_KEY_PREFIXES.live : API_KEY_PREFIXES.test;
}

/** What the UI may show of a key (「…9j2K」). */
export function apiKeyLast4(key: string): string {
  return key.slice(-4);
}
