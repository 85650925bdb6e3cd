import { ApiClient } from '../../../../shared/api/client.js';
import type { EngineHost } from '../engine-host/engine-host.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { CloudKeys } from './cloud-keys.js';
import { originOf } from './cloud-keys.js';
import { cloudScope, LOCAL_SCOPE } from './connection-scope.js';
import type { IdempotencySupport } from './idempotency-support.js';
import { KeyMissingError } from './key-missing-error.js';

export { cloudScope, LOCAL_SCOPE } from './connection-scope.js';

/**
 * Picks where API calls go: the local engine (default) or the cloud/self-hosted base URL with the
 * key entered for that origin. Same ApiClient, same code path; only base URL and key differ.
 *
 * Every change of where calls go or with which key bumps the connection generation. A read
 * records the generation it started under and stores its answer only if that is still current,
 * so an answer fetched with an old key cannot refill the cache after the old tenant's data was
 * forgotten.
 */
export class ConnectionManager {
  readonly #settings: SettingsStore;
  readonly #keys: CloudKeys;
  readonly #engine: EngineHost;
  readonly #idempotency: IdempotencySupport;
  #generation = 0;

  constructor(deps: {
    settings: SettingsStore;
    keys: CloudKeys;
    engine: EngineHost;
    idempotency: IdempotencySupport;
  }) {
    this.#settings = deps.settings;
    this.#keys = deps.keys;
    this.#engine = deps.engine;
    this.#idempotency = deps.idempotency;
  }

  /**
   * Which engine the current connection reaches, as the cache and the outbox key their rows:
   * `local`, or `cloud:<base URL>`. Never derived from the key.
   */
  scope(): string {
    const settings = this.#settings.get();
    return settings.mode === 'local' ? LOCAL_SCOPE : cloudScope(settings.cloudBaseUrl);
  }

  /** Bumped by every change of mode, base URL or key. */
  generation(): number {
    return this.#generation;
  }

  /**
   * Where calls go now, and a check that they still do: for a read to store its answer only if
   * the connection it was fetched under is still the current one (`readThrough`'s `stillCurrent`).
   */
  snapshot(): { scope: string; isCurrent: () => boolean } {
    const scope = this.scope();
    const generation = this.#generation;
    return { scope, isCurrent: () => this.#generation === generation && this.scope() === scope };
  }

  /** The mode, the base URL or the key changed: answers in flight belong to the old connection. */
  changed(): void {
    this.#generation += 1;
  }

  /** Whether the current server has said it honours `Idempotency-Key` (so an unsure write may be resent). */
  honoursIdempotencyKey(): boolean {
    return this.#idempotency.honours(this.scope());
  }

  async client(): Promise<ApiClient> {
    const settings = this.#settings.get();
    const scope = this.scope();
    const onServerTraits = (traits: { honoursIdempotencyKey: boolean }): void =>
      this.#idempotency.learn(scope, traits.honoursIdempotencyKey);
    // No retries in the client: the ApiProxy retries every call itself, by the same rule.
    if (settings.mode === 'local') {
      const { baseUrl, apiKey } = await this.#engine.connection();
      return new ApiClient({ baseUrl, apiKey, onServerTraits, maxRetries: 0 });
    }
    // The key filed under this very origin, or none: a key never goes to a server it was not entered for.
    const apiKey = await this.#keys.forRequestTo(originOf(settings.cloudBaseUrl));
    if (!apiKey) throw new KeyMissingError();
    return new ApiClient({ baseUrl: settings.cloudBaseUrl, apiKey, onServerTraits, maxRetries: 0 });
  }
}
