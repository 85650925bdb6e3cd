import { describe, expect, test } from 'vitest';
import { MemorySecretBackend } from './memory-backend.js';
import { SecretStore } from './secret-store.js';

describe('SecretStore', () => {
  test('keeps one key per profile and reports only set + last four', async () => {
    const store = new SecretStore(new MemorySecretBackend());
    await store.set('cloud', 'sk_test_abcdefgh1234');
    await store.set('local-engine', 'sk_live_zzzzzzzz9999');
    expect(await store.status('cloud')).toEqual({ set: true, last4: '1234' });
    expect(await store.status('local-engine')).toEqual({ set: true, last4: '9999' });
    expect(store.storage).toBe('memory');
    await store.clear('cloud');
    expect(await store.status('cloud')).toEqual({ set: false, last4: null });
    expect(await store.has('local-engine')).toBe(true);
  });
});
