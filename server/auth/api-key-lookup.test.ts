import { describe, expect, it } from 'vitest';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { hashApiKey } from './api-key-lookup.js';

describe('hashApiKey', () => {
  it('is a stable SHA-256 hex digest that does not contain the key', () => {
    const key = generateApiKey('live');
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toBe(hashApiKey(generateApiKey('live')));
  });
});
