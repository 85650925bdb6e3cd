import { describe, expect, test } from 'vitest';
import { MemorySecretBackend } from '../secrets/memory-backend.js';
import { SecretStore } from '../secrets/secret-store.js';
import { CloudKeys, originOf } from './cloud-keys.js';

describe('CloudKeys', () => {
  test('a key is filed under its origin; another origin has none; an origin change drops it', async () => {
    const store = new SecretStore(new MemorySecretBackend());
    const keys = new CloudKeys(store);
    const origin = originOf('https://api.zhangxiaoer.com/v2/');
    expect(origin).toBe('https://api.zhangxiaoer.com');
    await keys.set(origin, 'sk_live_abcdefgh1234');
    expect(await keys.forRequestTo(origin)).toBe('sk_live_abcdefgh1234');
    expect(await keys.forRequestTo('https://evil.example')).toBeNull();
    expect(await keys.originChanged(origin, origin)).toBe(false);
    expect(await keys.originChanged(origin, 'https://books.example.cn')).toBe(true);
    expect(await keys.forRequestTo(origin)).toBeNull();
  });

  test('a key an older version kept unbound is moved under the configured origin, once', async () => {
    const store = new SecretStore(new MemorySecretBackend());
    await store.set('cloud', 'sk_test_legacy123456');
    const keys = new CloudKeys(store);
    await keys.adoptUnboundKey('https://api.zhangxiaoer.com');
    expect(await keys.forRequestTo('https://api.zhangxiaoer.com')).toBe('sk_test_legacy123456');
    expect(await store.has('cloud')).toBe(false);
    await keys.adoptUnboundKey('https://other.example');
    expect(await keys.forRequestTo('https://other.example')).toBeNull();
  });
});
