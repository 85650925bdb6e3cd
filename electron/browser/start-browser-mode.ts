import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createAppServices, type AppServices } from '../main/app-services.js';
import { createLogger, type AppLogger } from '../main/logging/logger.js';
import { SecretRedactor } from '../main/logging/secret-redactor.js';
import { keepNewFilesPrivate } from '../main/security/private-files.js';
import { makeOriginCheck } from '../main/security/trusted-url.js';
import { nodeEngineLauncher } from '../main/services/engine-host/node-engine-launcher.js';
import { openSecretStore, type SecretStorageChoice } from '../main/services/secrets/open-secret-store.js';
import { startBrowserServer, type BrowserServer } from './browser-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BrowserModeOptions {
  userDataDir: string;
  port?: number;
  secrets?: SecretStorageChoice;
  /** Keychain service override, so tests never touch a user's real entries. */
  keychainService?: string;
  staticDir?: string;
  engineEntry?: string;
  logToStderr?: boolean;
  onIpcResponse?: (name: string, body: string) => void;
}

export interface BrowserMode {
  server: BrowserServer;
  services: AppServices;
  logger: AppLogger;
  close(): Promise<void>;
}

/** Main's services and IPC router in a plain Node process, with the renderer served over loopback. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  keepNewFilesPrivate();
  const redactor = new SecretRedactor();
  const logger = createLogger({
    redactor,
    logDir: options.logToStderr ? undefined : path.join(options.userDataDir, 'logs'),
  });
  const secrets = await openSecretStore({
    choice: options.secrets ?? 'auto',
    service: options.keychainService,
    onSecret: (secret) => redactor.add(secret),
  });
  let allowedOrigins: (origin: string | undefined) => boolean = () => false;
  const services = createAppServices({
    userDataDir: options.userDataDir,
    secrets,
    logger,
    launchEngine: nodeEngineLauncher(
      options.engineEntry ?? path.join(repoRoot, 'server/engine-process.ts'),
      logger,
    ),
    isTrustedOrigin: (origin) => allowedOrigins(origin),
  });
  const server = await startBrowserServer({
    router: services.router,
    events: services.events,
    staticDir: options.staticDir ?? path.join(repoRoot, 'out/renderer'),
    port: options.port,
    onIpcResponse: options.onIpcResponse,
  });
  allowedOrigins = makeOriginCheck([server.origin, server.origin.replace('127.0.0.1', 'localhost')]);
  // The origin only: the address with the token is a secret, printed to the terminal, never logged.
  logger.info({ origin: server.origin, secrets: secrets.storage }, 'browser mode started');
  void services.start();

  return {
    server,
    services,
    logger,
    async close() {
      await server.close();
      await services.dispose();
      logger.flush();
    },
  };
}
