import { createRequire } from 'node:module';
import type { SecretBackend } from './secret-store.js';

/** The keychain service name every key of the app is filed under; keys live only in the OS keychain. */
export const KEYCHAIN_SERVICE = 'zhangxiaoer-desktop';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The OS keychain through keytar (libsecret on Linux, Keychain on macOS, Credential Vault on Windows). */
export class KeytarSecretBackend implements SecretBackend {
  readonly kind = 'keychain' as const;
  readonly #keytar: Keytar;
  readonly #service: string;
  readonly #accountPrefix: string;

  constructor(keytar: Keytar, options: { service?: string; profileName?: string } = {}) {
    this.#keytar = keytar;
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#accountPrefix = options.profileName ? `${options.profileName}:` : '';
  }

  get(account: string): Promise<string | null> {
    return this.#keytar.getPassword(this.#service, this.#accountPrefix + account);
  }

  set(account: string, secret: string): Promise<void> {
    return this.#keytar.setPassword(this.#service, this.#accountPrefix + account, secret);
  }

  delete(account: string): Promise<boolean> {
    return this.#keytar.deletePassword(this.#service, this.#accountPrefix + account);
  }
}

/** keytar is a native module: load it lazily so a missing build degrades instead of crashing start-up. */
export function loadKeytar(): Keytar {
  const require = createRequire(import.meta.url);
  return require('keytar') as Keytar;
}

/**
 * A working keychain backend, or `undefined` when none is reachable (no Secret Service on the
 * session bus, locked keyring that cannot be opened, keytar not built). Probes with a real
 * round trip, because keytar only fails on first use.
 */
export async function openKeychainBackend(options: {
  service?: string;
  profileName?: string;
}): Promise<KeytarSecretBackend | undefined> {
  try {
    const backend = new KeytarSecretBackend(loadKeytar(), options);
    const probe = `__probe__${String(process.pid)}`;
    // A keyring that wants an unlock prompt nobody can answer would hang: give up after a while.
    await withTimeout(
      (async () => {
        await backend.set(probe, 'probe');
        await backend.delete(probe);
      })(),
      5_000,
    );
    return backend;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('keychain probe timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
