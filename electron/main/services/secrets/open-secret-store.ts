import { openKeychainBackend } from './keytar-backend.js';
import { MemorySecretBackend } from './memory-backend.js';
import { SecretStore } from './secret-store.js';

export type SecretStorageChoice = 'auto' | 'keychain' | 'memory';

/**
 * The OS keychain when reachable; otherwise (auto) keys are kept in memory and the UI says so —
 * never written to disk in plain text. `keychain` insists and fails loudly.
 */
export async function openSecretStore(options: {
  choice: SecretStorageChoice;
  service?: string;
  profileName?: string;
  onSecret?: (secret: string) => void;
}): Promise<SecretStore> {
  if (options.choice !== 'memory') {
    const keychain = await openKeychainBackend({
      service: options.service,
      profileName: options.profileName,
    });
    if (keychain) return new SecretStore(keychain, options.onSecret);
    if (options.choice === 'keychain') {
      throw new Error('系统钥匙串不可用（需要 Secret Service，例如 gnome-keyring，并已解锁）');
    }
  }
  return new SecretStore(new MemorySecretBackend(), options.onSecret);
}
