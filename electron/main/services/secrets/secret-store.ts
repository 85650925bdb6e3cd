import type { KeyStatus } from '../../../../shared/ipc.js';

/**
 * Where a key may be kept. Each profile holds one key. A cloud key is filed under the origin it
 * was entered for (`cloud@https://api.zhangxiaoer.com`); plain `cloud` is where versions before
 * that kept it, read once to move it (see CloudKeys).
 */
export type SecretProfile = 'local-engine' | 'cloud' | `cloud@${string}`;

/** The OS keychain, or a stand-in with the same shape. */
export interface SecretBackend {
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/**
 * Keeps API keys per profile. The renderer-facing surface is `set`, `has`, `status` and `clear`:
 * none returns the key. `readForRequest` exists for the ApiClient in main and nothing else.
 */
export class SecretStore {
  readonly #backend: SecretBackend;
  readonly #onSecret: (secret: string) => void;

  /** `onSecret` learns every key this store sees, so the log redactor can scrub it. */
  constructor(backend: SecretBackend, onSecret: (secret: string) => void = () => undefined) {
    this.#backend = backend;
    this.#onSecret = onSecret;
  }

  get storage(): SecretBackend['kind'] {
    return this.#backend.kind;
  }

  async set(profile: SecretProfile, secret: string): Promise<void> {
    this.#onSecret(secret);
    await this.#backend.set(profile, secret);
  }

  async has(profile: SecretProfile): Promise<boolean> {
    return (await this.#backend.get(profile)) !== null;
  }

  async status(profile: SecretProfile): Promise<KeyStatus> {
    const secret = await this.#backend.get(profile);
    if (secret === null) return { set: false, last4: null };
    this.#onSecret(secret);
    return { set: true, last4: secret.length >= 4 ? secret.slice(-4) : null };
  }

  async clear(profile: SecretProfile): Promise<void> {
    await this.#backend.delete(profile);
  }

  /** For building the Authorization header in main. Never pass the result across IPC. */
  async readForRequest(profile: SecretProfile): Promise<string | null> {
    const secret = await this.#backend.get(profile);
    if (secret !== null) this.#onSecret(secret);
    return secret;
  }
}
