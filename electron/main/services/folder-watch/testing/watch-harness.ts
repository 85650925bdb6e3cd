import path from 'node:path';
import { ApiClient } from '../../../../../shared/api/client.js';
import type { FolderWatchProgress } from '../../../../../shared/folder-watch.js';
import type { AppLogger } from '../../../logging/logger.js';
import { fileLogger, tempDir } from '../../../testing/test-support.js';
import { ApiProxy } from '../../api-proxy/api-proxy.js';
import type { RetryPolicy } from '../../api-proxy/retry-policy.js';
import { openCacheDb, type CacheDatabase } from '../../cache/cache-db.js';
import { ReachabilityTracker } from '../../reachability/reachability-tracker.js';
import { SettingsStore } from '../../settings/settings-store.js';
import { apiInvoiceUploader } from '../api-invoice-uploader.js';
import {
  FolderWatchService,
  type BatchSummary,
  type FolderWatchServiceOptions,
} from '../folder-watch-service.js';
import type { InvoiceUploader } from '../invoice-uploader.js';

export const FAST_UPLOAD_POLICY: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 10,
  maxDelayMs: 50,
  attemptTimeoutMs: 20_000,
  callTimeoutMs: 40_000,
};

export interface WatchHarness {
  service: FolderWatchService;
  db: CacheDatabase;
  settings: SettingsStore;
  userDataDir: string;
  logger: AppLogger;
  progress: FolderWatchProgress[];
  batches: BatchSummary[];
  close(): Promise<void>;
}

/**
 * The folder-watch service as the app builds it — real cache.db, real settings.json, the production
 * uploader through a real ApiProxy and ApiClient over HTTP — pointed at `baseUrl` (the stand-in or
 * a real engine), with short pauses so tests run in seconds.
 */
export async function startWatchHarness(options: {
  baseUrl: string;
  apiKey: string;
  userDataDir?: string;
  uploader?: InvoiceUploader;
  service?: Partial<FolderWatchServiceOptions>;
}): Promise<WatchHarness> {
  const userDataDir = options.userDataDir ?? tempDir('folder-watch');
  const logger = fileLogger(userDataDir);
  const { db } = openCacheDb({ file: path.join(userDataDir, 'cache.db'), logger });
  const settings = new SettingsStore(userDataDir);
  const proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl: options.baseUrl, apiKey: options.apiKey })),
    reachability: new ReachabilityTracker(),
    logger,
    policy: FAST_UPLOAD_POLICY,
    // Like the local engine, the stand-in honours Idempotency-Key (and says so in its answers).
    honoursIdempotencyKey: () => true,
  });
  const progress: FolderWatchProgress[] = [];
  const batches: BatchSummary[] = [];
  const service = new FolderWatchService({
    db,
    folders: {
      list: () => settings.get().watchedFolders,
      save: (watchedFolders) => settings.update({ watchedFolders }),
    },
    upload: options.uploader ?? apiInvoiceUploader(proxy),
    scope: () => 'local',
    appDataDir: userDataDir,
    logger,
    onProgress: (p) => progress.push(p),
    onBatchFinished: (b) => batches.push(b),
    settleMs: 200,
    healthCheckMs: 200,
    retryDelaysMs: [50, 100, 200],
    progressThrottleMs: 20,
    ...options.service,
  });
  await service.start();
  return {
    service,
    db,
    settings,
    userDataDir,
    logger,
    progress,
    batches,
    async close() {
      await service.dispose();
      proxy.dispose();
      db.close();
      logger.flush();
    },
  };
}
