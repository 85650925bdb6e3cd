import { ApiClient } from '../../../../shared/api/client.js';
import { KeyMissingError } from './key-missing-error.js';
import type { EngineHost } from '../engine-host/engine-host.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SettingsStore } from '../settings/settings-store.js';

export const LOCAL_SCOPE = 'local';

export function cloudScope(baseUrl: string): string {
  return `cloud:${baseUrl.replace(/\/+$/, '')}`;
}

/**
 * Picks where API calls go: the local engine (default) or the cloud/self-hosted base URL with the
 * user's key. Same ApiClient, same code path; only base URL and key differ.
 */
export class ConnectionManager {
  readonly #settings: SettingsStore;
  readonly #secrets: SecretStore;
  readonly #engine: EngineHost;

  constructor(deps: { settings: SettingsStore; secrets: SecretStore; engine: EngineHost }) {
    this.#settings = deps.settings;
    this.#secrets = deps.secrets;
    this.#engine = deps.engine;
  }

  /**
   * Which engine the current connection reaches, as the cache and the outbox key their rows:
   * `local`, or `cloud:<base URL>`. Never derived from the key.
   */
  scope(): string {
    const settings = this.#settings.get();
    return settings.mode === 'local' ? LOCAL_SCOPE : cloudScope(settings.cloudBaseUrl);
  }

  async client(): Promise<ApiClient> {
    const settings = this.#settings.get();
    if (settings.mode === 'local') {
      const { baseUrl, apiKey } = await this.#engine.connection();
      return new ApiClient({ baseUrl, apiKey });
    }
    const apiKey = await this.#secrets.readForRequest('cloud');
    if (!apiKey) throw new KeyMissingError();
    return new ApiClient({ baseUrl: settings.cloudBaseUrl, apiKey });
  }
}
