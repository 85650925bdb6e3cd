import path from 'node:path';
import { createHandlers } from './ipc/handlers.js';
import { createIpcRouter, type IpcRouter } from './ipc/router.js';
import type { AppLogger } from './logging/logger.js';
import { ConnectionManager } from './services/connection/connection-manager.js';
import { EngineHost } from './services/engine-host/engine-host.js';
import type { EngineLauncher } from './services/engine-host/engine-launcher.js';
import { EventBus } from './services/events/event-bus.js';
import type { SecretStore } from './services/secrets/secret-store.js';
import { SettingsStore } from './services/settings/settings-store.js';

export interface AppServicesOptions {
  userDataDir: string;
  secrets: SecretStore;
  launchEngine: EngineLauncher;
  logger: AppLogger;
  isTrustedOrigin: (origin: string | undefined) => boolean;
}

export interface AppServices {
  router: IpcRouter;
  events: EventBus;
  engine: EngineHost;
  settings: SettingsStore;
  secretStorage: SecretStore['storage'];
  /** Starts what the current mode needs (the local engine in local mode). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The composition root of main's services, shared by the Electron app and browser mode so both
 * run the same router over the same services; only the adapters around it differ.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { userDataDir, secrets, logger } = options;
  const events = new EventBus();
  const settings = new SettingsStore(userDataDir);
  const engine = new EngineHost({
    launch: options.launchEngine,
    dataDir: path.join(userDataDir, 'engine'),
    secrets,
    logger,
    onStatus: (status) => events.emit({ type: 'engine-status', status }),
  });
  const connection = new ConnectionManager({ settings, secrets, engine });
  const router = createIpcRouter({
    handlers: createHandlers({ settings, secrets, engine, connection, events }),
    isTrustedOrigin: options.isTrustedOrigin,
    onError: (name, error) => logger.warn({ call: name, err: describe(error) }, 'ipc call failed'),
  });

  return {
    router,
    events,
    engine,
    settings,
    secretStorage: secrets.storage,
    async start() {
      if (settings.get().mode === 'local') {
        await engine.start().catch(() => undefined);
      }
    },
    dispose: () => engine.stop(),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
