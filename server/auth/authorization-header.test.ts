import { describe, expect, it } from 'vitest';
import { apiKeySchema, generateApiKey, hashApiKey } from './api-keys.js';
import { parseAuthorizationHeader } from './authorization-header.js';

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

describe('hashApiKey', () => {
  it('is a stable SHA-256 hex digest that does not contain the key', () => {
    const key = generateApiKey('live');
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toBe(hashApiKey(generateApiKey('live')));
  });
});

describe('parseAuthorizationHeader', () => {
  it('reads the token of a Bearer header, whatever the case of the scheme', () => {
    expect(parseAuthorizationHeader('Bearer sk_test_abc')).toEqual({ kind: 'bearer', token: 'sk_test_abc' });
    expect(parseAuthorizationHeader('bearer sk_test_abc')).toEqual({ kind: 'bearer', token: 'sk_test_abc' });
  });

  it('tells a missing header from a malformed one', () => {
    expect(parseAuthorizationHeader(undefined)).toEqual({ kind: 'missing' });
    expect(parseAuthorizationHeader('  ')).toEqual({ kind: 'missing' });
    for (const value of ['Basic xx', 'Bearer', 'Bearer ', 'Bearer a b', 'sk_test_abc', 'Token sk_test_abc']) {
      expect(parseAuthorizationHeader(value), value).toEqual({ kind: 'malformed' });
    }
  });
});
