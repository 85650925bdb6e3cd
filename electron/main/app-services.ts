import path from 'node:path';
import { createHandlers } from './ipc/handlers.js';
import { createIpcRouter, type IpcRouter } from './ipc/router.js';
import type { AppLogger } from './logging/logger.js';
import { ApiProxy, type AttemptRecord } from './services/api-proxy/api-proxy.js';
import type { RetryPolicy } from './services/api-proxy/retry-policy.js';
import { AppCache } from './services/cache/app-cache.js';
import { CloudKeys, originOf } from './services/connection/cloud-keys.js';
import { ConnectionManager } from './services/connection/connection-manager.js';
import { IdempotencySupport } from './services/connection/idempotency-support.js';
import { EngineHost } from './services/engine-host/engine-host.js';
import type { EngineLauncher } from './services/engine-host/engine-launcher.js';
import { EventBus } from './services/events/event-bus.js';
import { OutboxActions } from './services/outbox/outbox-actions.js';
import { OutboxDrainer } from './services/outbox/outbox-drainer.js';
import { OutboxStore, type OutboxItem } from './services/outbox/outbox-store.js';
import { uploadEventOf } from './services/outbox/upload-events.js';
import { ReachabilityTracker } from './services/reachability/reachability-tracker.js';
import { ReconnectProbe } from './services/reachability/reconnect-probe.js';
import { CachedReads } from './services/reads/cached-reads.js';
import type { SecretStore } from './services/secrets/secret-store.js';
import { SettingsStore } from './services/settings/settings-store.js';
import { UiStateStore } from './services/ui-state/ui-state-store.js';
import { LedgerBookReads } from './services/reads/ledger-book-reads.js';
import { VoucherSubmitter } from './services/vouchers/voucher-submission.js';
import { describeError } from './logging/describe-error.js';
import { createVoucherWorkHandlers } from './services/drafts/voucher-work-handlers.js';
import type { PdfPrinter } from './services/printing/print-document.js';
import { voucherPdfPrinter } from './services/printing/voucher-document.js';
import {
  createFolderWatch,
  type DesktopShell,
  type FolderWatch,
} from './services/folder-watch/folder-watch-wiring.js';

/** Pauses and limits; the defaults are the product's, tests shorten them. */
export interface ServiceTimings {
  retry?: RetryPolicy;
  /** Pauses between outbox passes that could not reach the server. */
  outboxRetryDelaysMs?: readonly number[];
  /** Backoff of one outbox item after the server answered it with a fault. */
  outboxItemBackoffMs?: readonly number[];
  /** Faulted tries after which an outbox item is failed. */
  outboxMaxFailedTries?: number;
  /** Pauses between reachability probes while offline. */
  probeDelaysMs?: readonly number[];
  engineRestartDelaysMs?: readonly number[];
  /** How long createVoucher waits for the first try before answering "queued". */
  voucherWaitMs?: number;
}

export interface AppServicesOptions {
  userDataDir: string;
  secrets: SecretStore;
  launchEngine: EngineLauncher;
  logger: AppLogger;
  isTrustedOrigin: (origin: string | undefined) => boolean;
  /** better-sqlite3 addon for this runtime (Electron's ABI in the app); node_modules' build otherwise. */
  sqliteNativeBinding?: string;
  timings?: ServiceTimings;
  /** Sees every HTTP attempt the proxy makes (tests count retries with it). */
  onApiAttempt?: (record: AttemptRecord) => void;
  /** The native folder dialog and desktop notifications (the Electron app); absent in browser mode. */
  desktopShell?: DesktopShell;
  /** Saves vouchers and statements as PDFs (the Electron app); browser mode prints the page instead. */
  printPdf?: PdfPrinter;
}

export interface AppServices {
  router: IpcRouter;
  events: EventBus;
  engine: EngineHost;
  settings: SettingsStore;
  secretStorage: SecretStore['storage'];
  /** Undefined when cache.db could not be opened (reads are then live only, writes unqueued). */
  cache: AppCache | undefined;
  reachability: ReachabilityTracker;
  /** 文件夹监控: watched folders and their upload queue. */
  folderWatch: FolderWatch;
  /** Starts what the current mode needs (the local engine in local mode) and sends queued writes. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The composition root of main's services, shared by the Electron app and browser mode so both
 * run the same router over the same services; only the adapters around it differ.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { userDataDir, secrets, logger } = options;
  const timings = options.timings ?? {};
  const events = new EventBus();
  // Wired below; the engine and reachability callbacks only fire after start().
  let outbox: { store: OutboxStore; drainer: OutboxDrainer } | undefined;
  let outboxActions: OutboxActions | undefined;
  const settings = new SettingsStore(userDataDir);
  const cache = openCache(options);
  const engine = new EngineHost({
    launch: options.launchEngine,
    dataDir: path.join(userDataDir, 'engine'),
    secrets,
    logger,
    restartDelaysMs: timings.engineRestartDelaysMs,
    onStatus: (status) => {
      events.emit({ type: 'engine-status', status });
      if (status.state === 'running') void outbox?.drainer.drain();
      if (status.state === 'running') watch.connectionChanged();
    },
  });
  const keys = new CloudKeys(secrets);
  const idempotency = new IdempotencySupport(cache?.db);
  const connection = new ConnectionManager({ settings, keys, engine, idempotency });
  const scope = () => connection.scope();

  const probe = new ReconnectProbe({
    probe: () => reads.accountSets(),
    delaysMs: timings.probeDelaysMs ?? [2_000, 5_000, 15_000, 30_000, 60_000],
  });
  const reachability = new ReachabilityTracker((state) => {
    events.emit({ type: 'reachability', reachability: state });
    if (state === 'offline') probe.offline();
    else probe.online();
    if (state === 'online') void outbox?.drainer.drain();
    if (state === 'online') watch.connectionChanged();
  });
  const proxy = new ApiProxy({
    client: () => connection.client(),
    reachability,
    logger,
    policy: timings.retry,
    onAttempt: options.onApiAttempt,
    honoursIdempotencyKey: () => connection.honoursIdempotencyKey(),
  });
  const reads = new CachedReads({
    proxy,
    cache,
    scope,
    generation: () => connection.generation(),
    logger,
  });

  if (cache) {
    const store = new OutboxStore(cache.db);
    const drainer = new OutboxDrainer({
      store,
      proxy,
      scope,
      logger,
      retryDelaysMs: timings.outboxRetryDelaysMs,
      itemBackoffMs: timings.outboxItemBackoffMs,
      maxFailedTries: timings.outboxMaxFailedTries,
      honoursIdempotencyKey: (of) => idempotency.honours(of),
      onChange: () => events.emit({ type: 'outbox-changed', counts: store.counts() }),
      onItemSettled: (item) => emitUploadEvent(events, item),
    });
    outbox = { store, drainer };
    outboxActions = new OutboxActions({
      store,
      drainer,
      onChange: () => events.emit({ type: 'outbox-changed', counts: store.counts() }),
      onItemChanged: (item, removed) => emitUploadEvent(events, item, removed),
    });
  }
  const vouchers = new VoucherSubmitter({ proxy, outbox, scope, waitMs: timings.voucherWaitMs });

  const watch = createFolderWatch({
    cache,
    settings,
    proxy,
    reads,
    scope,
    userDataDir,
    logger,
    events,
    shell: options.desktopShell,
  });

  const router = createIpcRouter({
    handlers: createHandlers({
      settings,
      secrets,
      keys,
      connection,
      engine,
      events,
      proxy,
      reads,
      vouchers,
      reachability,
      cache,
      outbox,
      outboxActions,
      uiState: new UiStateStore(userDataDir),
      ledgerBooks: new LedgerBookReads({
        proxy,
        cache,
        scope,
        generation: () => connection.generation(),
        logger,
      }),
      folderWatch: watch,
      printPdf: options.printPdf,
      voucherWork: createVoucherWorkHandlers({
        proxy,
        cache,
        scope,
        generation: () => connection.generation(),
        logger,
        printPdf: options.printPdf && voucherPdfPrinter(options.printPdf),
      }),
    }),
    isTrustedOrigin: options.isTrustedOrigin,
    onError: (name, error) => logger.warn({ call: name, err: describeError(error) }, 'ipc call failed'),
  });

  return {
    router,
    events,
    engine,
    settings,
    secretStorage: secrets.storage,
    cache,
    reachability,
    folderWatch: watch,
    async start() {
      await keys.adoptUnboundKey(originOf(settings.get().cloudBaseUrl)).catch((error: unknown) => {
        logger.warn({ err: describeError(error) }, 'could not move the unbound cloud key');
      });
      if (settings.get().mode === 'local') {
        await engine.start().catch(() => undefined);
      }
      await outbox?.drainer.drain();
      await watch.start();
    },
    async dispose() {
      probe.dispose();
      await watch.dispose();
      await outbox?.drainer.dispose();
      await engine.stop();
      proxy.dispose();
      cache?.close();
    },
  };
}

/** A queued invoice upload moved on: the 票据 page's row follows it. */
function emitUploadEvent(events: EventBus, item: OutboxItem, removed = false): void {
  const event = uploadEventOf(item, removed);
  if (event) events.emit(event);
}

/** A cache that cannot be opened (the native module does not load, no permission) degrades, never stops the app. */
function openCache(options: AppServicesOptions): AppCache | undefined {
  try {
    const { cache, rebuilt } = AppCache.open({
      userDataDir: options.userDataDir,
      nativeBinding: options.sqliteNativeBinding,
      logger: options.logger,
    });
    if (rebuilt) options.logger.warn({ rebuilt }, 'cache rebuilt');
    return cache;
  } catch (error) {
    options.logger.error({ err: describeError(error) }, 'cache database unavailable: reads are live only');
    return undefined;
  }
}
