import { describe, expect, it } from 'vitest';
import { parseAuthorizationHeader } from './authorization-header.js';

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
