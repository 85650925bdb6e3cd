import type { SecretBackend } from './secret-store.js';

/** Used when no OS keychain is reachable: the key lives until the process ends, never on disk. */
export class MemorySecretBackend implements SecretBackend {
  readonly kind = 'memory' as const;
  readonly #secrets = new Map<string, string>();

  get(account: string): Promise<string | null> {
    return Promise.resolve(this.#secrets.get(account) ?? null);
  }

  set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
    return Promise.resolve();
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.#secrets.delete(account));
  }
}
