import { describe, expect, test } from 'vitest';
import { IPC_CALLS } from './ipc-channels.js';
import { apiKeyInputSchema, ipcContract, isAllowedBaseUrl } from './ipc.js';

describe('IPC contract', () => {
  test('the preload list of calls and the contract name exactly the same calls', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...IPC_CALLS].sort());
  });

  test('no call is a generic fetch: every argument schema is a closed object', () => {
    for (const [name, entry] of Object.entries(ipcContract)) {
      expect(entry.args.safeParse({ url: 'https://x' }).success, name).toBe(false);
    }
  });

  test('base URLs: https anywhere, http only to loopback, no credentials', () => {
    expect(isAllowedBaseUrl('https://api.zhangxiaoer.com')).toBe(true);
    expect(isAllowedBaseUrl('http://127.0.0.1:8787')).toBe(true);
    expect(isAllowedBaseUrl('http://localhost:8787')).toBe(true);
    expect(isAllowedBaseUrl('http://[::1]:8787')).toBe(true);
    expect(isAllowedBaseUrl('http://api.zhangxiaoer.com')).toBe(false);
    expect(isAllowedBaseUrl('http://127.0.0.1.evil.com')).toBe(false);
    expect(isAllowedBaseUrl('https://user:pw@api.zhangxiaoer.com')).toBe(false);
    expect(isAllowedBaseUrl('ftp://api.zhangxiaoer.com')).toBe(false);
    expect(isAllowedBaseUrl('not a url')).toBe(false);
  });

  test('API keys are accepted only in the provider format', () => {
    expect(apiKeyInputSchema.parse('  sk_live_51H8xAbc9j2K ')).toBe('sk_live_51H8xAbc9j2K');
    expect(apiKeyInputSchema.safeParse('sk_test_short').success).toBe(false);
    expect(apiKeyInputSchema.safeParse('pk_live_51H8xAbc9j2K').success).toBe(false);
    expect(apiKeyInputSchema.safeParse('sk_live_51H8x Abc9j2K').success).toBe(false);
  });
});
