import { describe, expect, test } from 'vitest';
import { APP_ORIGIN, isSafeExternalUrl, makeOriginCheck } from './trusted-url.js';

describe('trusted URLs', () => {
  const check = makeOriginCheck([APP_ORIGIN, 'http://127.0.0.1:4780']);

  test('only the listed origins pass, whatever the path', () => {
    expect(check('app://zxe')).toBe(true);
    expect(check('app://zxe/index.html#/settings')).toBe(true);
    expect(check('http://127.0.0.1:4780/')).toBe(true);
    expect(check('http://127.0.0.1:4781')).toBe(false);
    expect(check('app://evil')).toBe(false);
    expect(check('https://zxe')).toBe(false);
    expect(check('file:///etc/passwd')).toBe(false);
    expect(check('null')).toBe(false);
    expect(check(undefined)).toBe(false);
    expect(check('http://user:pw@127.0.0.1:4780')).toBe(false);
  });

  test('external links: http(s) only, no credentials', () => {
    expect(isSafeExternalUrl('https://www.chinatax.gov.cn/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
    expect(isSafeExternalUrl('https://a:b@example.com')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
