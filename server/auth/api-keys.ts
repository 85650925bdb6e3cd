import { createHash } from 'node:crypto';
import { z } from 'zod';
import { randomBase62 } from '../ids.js';

export const API_KEY_PREFIXES = { live: 'sk_live_', test: 'sk_test_' } as const;
export type ApiKeyMode = keyof typeof API_KEY_PREFIXES;
export type ApiKeyPrefix = (typeof API_KEY_PREFIXES)[ApiKeyMode];

const RANDOM_PART_LENGTH = 32;

/** The shape of every key we issue or accept: `sk_live_`/`sk_test_` + at least 32 base62 chars. */
export const apiKeySchema = z
  .string()
  .regex(/^sk_(live|test)_[A-Za-z0-9]{32,128}$/, { error: '应为 sk_live_ 或 sk_test_ 开头的 API Key' });

export function generateApiKey(mode: ApiKeyMode): string {
  return API_KEY_PREFIXES[mode] + randomBase62(RANDOM_PART_LENGTH);
}

/**
 * SHA-256 rather than a slow password hash: the key carries ~190 random bits, so there is nothing
 * to brute-force, and every request has to hash it.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefix(key: string): ApiKeyPrefix {
  return key.startsWith(API_KEY_PREFIXES.live) ? API_KEY_PREFIXES.live : API_KEY_PREFIXES.test;
}

/** What the UI may show of a key (「…9j2K」). */
export function apiKeyLast4(key: string): string {
  return key.slice(-4);
}
