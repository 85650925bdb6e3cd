import type { FolderWatchSnapshot } from '../../../../shared/folder-watch.js';
import type { IpcHandlers } from '../../ipc/router.js';
import { describeError } from '../../logging/describe-error.js';
import type { AppLogger } from '../../logging/logger.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import type { AppCache } from '../cache/app-cache.js';
import type { EventBus } from '../events/event-bus.js';
import type { CachedReads } from '../reads/cached-reads.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { UserFacingError } from '../user-facing-error.js';
import { apiInvoiceUploader } from './api-invoice-uploader.js';
import { FolderWatchService, type FolderWatchServiceOptions } from './folder-watch-service.js';
import type { InvoiceUploader } from './invoice-uploader.js';
import { emptyCounts } from './queue-store.js';

/** What only the desktop shell can do: the native folder dialog and a desktop notification. */
export interface DesktopShell {
  pickFolder(): Promise<string | null>;
  notify(title: string, body: string): void;
}

export type FolderWatchCalls =
  | 'pickWatchedFolder'
  | 'getFolderWatch'
  | 'addWatchedFolder'
  | 'updateWatchedFolder'
  | 'removeWatchedFolder'
  | 'retryFolderWatchFailures';

export interface FolderWatchDeps {
  /** Undefined when cache.db could not be opened: the queue lives there, so watching is off. */
  cache: AppCache | undefined;
  settings: SettingsStore;
  proxy: ApiProxy;
  reads: CachedReads;
  scope: () => string;
  userDataDir: string;
  logger: AppLogger;
  events: EventBus;
  /** Absent in browser mode: folders are typed, and the batch message is shown in the page. */
  shell?: DesktopShell;
  /** Replaces the production uploader (tests, the bench). */
  uploader?: InvoiceUploader;
  options?: Partial<
    Pick<FolderWatchServiceOptions, 'concurrency' | 'settleMs' | 'healthCheckMs' | 'retryDelaysMs'>
  >;
}

export interface FolderWatch {
  service: FolderWatchService | undefined;
  handlers: Pick<IpcHandlers, FolderWatchCalls>;
  start(): Promise<void>;
  /** The connection, its key, or reachability changed: waiting uploads are tried now. */
  connectionChanged(): void;
  dispose(): Promise<void>;
}

const NO_CACHE_MESSAGE = '本地缓存数据库未能打开，文件夹监控暂不可用';

/**
 * Folder watch as the app composes it: the service over cache.db and settings.json, uploads through
 * the production uploader (ApiProxy → `POST /api/v2/invoice/recognize`, results kept in the invoice
 * cache for the 票据 list), progress and batch ends pushed as events, and the IPC handlers.
 */
export function createFolderWatch(deps: FolderWatchDeps): FolderWatch {
  const { cache, settings, logger, events, shell } = deps;
  const service = cache
    ? new FolderWatchService({
        db: cache.db,
        folders: {
          list: () => settings.get().watchedFolders,
          save: (watchedFolders) => settings.update({ watchedFolders }),
        },
        upload:
          deps.uploader ??
          apiInvoiceUploader(deps.proxy, (upload) => {
            try {
              cache.invoices.store(deps.scope(), upload, upload.result, new Date().toISOString());
            } catch (error) {
              logger.warn(
                { err: describeError(error) },
                'folder watch: could not cache a recognized invoice',
              );
            }
          }),
        scope: deps.scope,
        appDataDir: deps.userDataDir,
        logger,
        accountSetExists: async (accountSetId) => {
          const { data } = await deps.reads.accountSets();
          return data.accounts.some((account) => account.id === accountSetId);
        },
        onProgress: (progress) => events.emit({ type: 'folder-watch-progress', progress }),
        onBatchFinished: ({ uploaded, failed, message }) => {
          events.emit({ type: 'folder-watch-batch', uploaded, failed, message });
          shell?.notify('账小二 · 文件夹监控', message);
        },
        ...deps.options,
      })
    : undefined;

  function required(): FolderWatchService {
    if (!service) throw new UserFacingError(503, NO_CACHE_MESSAGE);
    return service;
  }

  function unavailable(): FolderWatchSnapshot {
    return {
      folders: settings.get().watchedFolders.map((folder) => ({
        ...folder,
        status: 'error',
        message: NO_CACHE_MESSAGE,
        counts: emptyCounts(),
      })),
      items: [],
      progress: { done: 0, failed: 0, total: 0, current: null, active: false, folders: [] },
      available: false,
      nativeDialog: shell !== undefined,
    };
  }

  return {
    service,
    handlers: {
      pickWatchedFolder: async () =>
        shell ? { supported: true, path: await shell.pickFolder() } : { supported: false, path: null },
      getFolderWatch: () =>
        Promise.resolve(
          service ? { ...service.snapshot(), nativeDialog: shell !== undefined } : unavailable(),
        ),
      addWatchedFolder: (args) => required().addFolder(args),
      updateWatchedFolder: (args) => required().updateFolder(args),
      removeWatchedFolder: async (args) => {
        await required().removeFolder(args.id);
        return { removed: true };
      },
      retryFolderWatchFailures: () => Promise.resolve({ retried: required().retryFailed() }),
    },
    async start() {
      await service?.start().catch((error: unknown) => {
        logger.error({ err: describeError(error) }, 'folder watch could not start');
      });
    },
    connectionChanged() {
      service?.connectionChanged();
    },
    async dispose() {
      await service?.dispose();
    },
  };
}
