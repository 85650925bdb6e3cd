import type { SettingsView } from '../../../shared/ipc.js';
import type { ConnectionManager } from '../services/connection/connection-manager.js';
import type { EngineHost } from '../services/engine-host/engine-host.js';
import type { EventBus } from '../services/events/event-bus.js';
import type { SecretStore } from '../services/secrets/secret-store.js';
import type { SettingsStore } from '../services/settings/settings-store.js';
import type { IpcHandlers } from './router.js';

export interface HandlerDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  engine: EngineHost;
  connection: ConnectionManager;
  events: EventBus;
}

/** One handler per IPC call; each does orchestration only — the work lives in the services. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const { settings, secrets, engine, connection, events } = deps;

  async function view(): Promise<SettingsView> {
    const current = settings.get();
    return {
      mode: current.mode,
      cloudBaseUrl: current.cloudBaseUrl,
      cloudKey: await secrets.status('cloud'),
      secretStorage: secrets.storage,
      engine: engine.status,
    };
  }

  function changed(): void {
    events.emit({ type: 'settings-changed' });
  }

  return {
    async listAccountSets(_args, { signal }) {
      const client = await connection.client();
      const data = await client.listAccounts({ signal });
      return { data, source: 'live', fetchedAt: new Date().toISOString() };
    },

    getSettings: () => view(),

    async setConnection(args) {
      const previous = settings.get().mode;
      settings.update(args);
      if (args.mode === 'local' && previous !== 'local') void engine.start().catch(() => undefined);
      if (args.mode === 'cloud' && previous !== 'cloud') await engine.stop();
      changed();
      return view();
    },

    async setApiKey(args) {
      await secrets.set('cloud', args.key);
      changed();
      return view();
    },

    async clearApiKey() {
      await secrets.clear('cloud');
      changed();
      return view();
    },

    async testConnection(_args, { signal }) {
      const client = await connection.client();
      const { accounts } = await client.listAccounts({ signal });
      return { baseUrl: client.baseUrl, accountSetCount: accounts.length };
    },
  };
}
