import type { KeyStatus } from '../../../../shared/ipc.js';
import type { SecretProfile, SecretStore } from '../secrets/secret-store.js';

/** `scheme://host[:port]` of a base URL: what a cloud key is bound to. */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

function profileFor(origin: string): SecretProfile {
  return `cloud@${origin}`;
}

/** Where keys entered before keys were bound to an origin were kept. */
const UNBOUND_PROFILE: SecretProfile = 'cloud';

/**
 * The cloud API key, bound to the origin it was entered for. A request reads the key of the origin
 * it goes to, so a key is never sent anywhere else — not after the base URL is changed, not after
 * settings.json is edited by hand. Changing to another origin also deletes the old origin's key:
 * the user enters a key for the new server (the 设置 page says so), and no key is left behind.
 */
export class CloudKeys {
  readonly #secrets: SecretStore;

  constructor(secrets: SecretStore) {
    this.#secrets = secrets;
  }

  async set(origin: string, key: string): Promise<void> {
    await this.#secrets.set(profileFor(origin), key);
  }

  status(origin: string): Promise<KeyStatus> {
    return this.#secrets.status(profileFor(origin));
  }

  has(origin: string): Promise<boolean> {
    return this.#secrets.has(profileFor(origin));
  }

  async clear(origin: string): Promise<void> {
    await this.#secrets.clear(profileFor(origin));
  }

  /** For the Authorization header of a request to `origin`, in main only. */
  forRequestTo(origin: string): Promise<string | null> {
    return this.#secrets.readForRequest(profileFor(origin));
  }

  /** The base URL moved: a key entered for the old origin does not follow it. True when one was dropped. */
  async originChanged(from: string, to: string): Promise<boolean> {
    if (from === to) return false;
    const had = await this.has(from);
    await this.clear(from);
    return had;
  }

  /**
   * Files a key kept unbound by an older version under the origin it has been used with — the
   * configured one — once, at start-up.
   */
  async adoptUnboundKey(origin: string): Promise<void> {
    const unbound = await this.#secrets.readForRequest(UNBOUND_PROFILE);
    if (unbound === null) return;
    if (!(await this.has(origin))) await this.set(origin, unbound);
    await this.#secrets.clear(UNBOUND_PROFILE);
  }
}
