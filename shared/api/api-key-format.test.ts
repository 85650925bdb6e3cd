import { describe, expect, it } from 'vitest';
import { apiKeySchema, generateApiKey } from './api-key-format.js';

describe('generateApiKey', () => {
  it('makes sk_live_/sk_test_ + 32 base62 characters', () => {
    expect(generateApiKey('live')).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(generateApiKey('test')).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(apiKeySchema.safeParse(generateApiKey('live')).success).toBe(true);
  });

  it('never repeats and uses the whole alphabet', () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey('test'));
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set<string>();
    for (const key of keys) for (const char of key.slice('sk_test_'.length)) seen.add(char);
    expect(seen.size).toBe(62);
  });
});
