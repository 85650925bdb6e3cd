import path from 'node:path';
import type { IpcCallName } from '../../../shared/ipc-channels.js';
import type { IpcArgs, IpcData, IpcEvent, IpcResult } from '../../../shared/ipc.js';
import { createAppServices, type AppServices, type ServiceTimings } from '../app-services.js';
import { createLogger, type AppLogger } from '../logging/logger.js';
import { SecretRedactor } from '../logging/secret-redactor.js';
import type { AttemptRecord } from '../services/api-proxy/api-proxy.js';
import type { EngineChild } from '../services/engine-host/engine-launcher.js';
import { nodeEngineLauncher } from '../services/engine-host/node-engine-launcher.js';
import { openSecretStore } from '../services/secrets/open-secret-store.js';
import type { SecretStore } from '../services/secrets/secret-store.js';
import { ENGINE_ENTRY, tempDir } from './test-support.js';

export const APP_ORIGIN_FOR_TESTS = 'app://zxe';

/** Short pauses so that tests see retries, drains and restarts happen in a few hundred ms. */
export const FAST_TIMINGS: ServiceTimings = {
  retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, attemptTimeoutMs: 5_000, callTimeoutMs: 15_000 },
  outboxRetryDelaysMs: [100, 200, 400],
  probeDelaysMs: [200, 500],
  engineRestartDelaysMs: [100, 200],
  voucherWaitMs: 8_000,
};

export interface ServicesHarness {
  services: AppServices;
  userDataDir: string;
  secrets: SecretStore;
  logger: AppLogger;
  /** Every push event, in order. */
  events: IpcEvent[];
  /** Every IPC answer, serialized exactly as it would cross to the renderer. */
  answers: string[];
  attempts: AttemptRecord[];
  call<K extends IpcCallName>(name: K, args: IpcArgs<K>): Promise<IpcResult<IpcData<K>>>;
  /** Like call, but fails the test on an error answer. */
  ok<K extends IpcCallName>(name: K, args: IpcArgs<K>): Promise<IpcData<K>>;
  /** SIGKILL for the engine process: a crash, not a shutdown. */
  killEngine(): void;
  close(): Promise<void>;
}

/**
 * Main's services as the app composes them — router, cache, outbox, proxy — with the real engine
 * as a child process (server/engine-process.ts) and a real log file; only the Electron shell is
 * missing. Keys go to the real keychain when the test runs inside scripts/with-keyring.sh.
 */
export async function startServices(
  options: {
    timings?: ServiceTimings;
    userDataDir?: string;
    keychainService?: string;
    sqliteNativeBinding?: string;
  } = {},
): Promise<ServicesHarness> {
  const userDataDir = options.userDataDir ?? tempDir('services');
  const redactor = new SecretRedactor();
  const logger = createLogger({ redactor, logDir: path.join(userDataDir, 'logs') });
  const secrets = await openSecretStore({
    choice: process.env.ZXE_KEYRING_AVAILABLE === '1' ? 'keychain' : 'memory',
    service:
      options.keychainService ?? `zhangxiaoer-desktop-test-${String(process.pid)}-${String(Date.now())}`,
    onSecret: (secret) => redactor.add(secret),
  });
  const launch = nodeEngineLauncher(ENGINE_ENTRY, logger);
  let child: EngineChild | undefined;
  const attempts: AttemptRecord[] = [];
  const services = createAppServices({
    userDataDir,
    secrets,
    logger,
    launchEngine: () => (child = launch()),
    isTrustedOrigin: (origin) => origin === APP_ORIGIN_FOR_TESTS,
    timings: options.timings ?? FAST_TIMINGS,
    sqliteNativeBinding: options.sqliteNativeBinding,
    onApiAttempt: (record) => attempts.push(record),
  });
  const events: IpcEvent[] = [];
  services.events.subscribe((event) => events.push(event));
  const answers: string[] = [];

  async function call<K extends IpcCallName>(name: K, args: IpcArgs<K>): Promise<IpcResult<IpcData<K>>> {
    const result = await services.router.dispatch(name, args, APP_ORIGIN_FOR_TESTS);
    answers.push(JSON.stringify(result));
    return result as IpcResult<IpcData<K>>;
  }

  await services.start();
  return {
    services,
    userDataDir,
    secrets,
    logger,
    events,
    answers,
    attempts,
    call,
    async ok(name, args) {
      const result = await call(name, args);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    killEngine() {
      if (child?.pid === undefined) throw new Error('no engine process to kill');
      process.kill(child.pid, 'SIGKILL');
    },
    async close() {
      await services.dispose();
      logger.flush();
    },
  };
}
