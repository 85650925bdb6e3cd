import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  AddWatchedFolderRequest,
  FolderCounts,
  FolderWatchItemView,
  FolderWatchProgress,
  FolderWatchSnapshot,
  UpdateWatchedFolderRequest,
  WatchedFolder,
  WatchedFolderView,
} from '../../../../shared/folder-watch.js';
import type { CacheDatabase } from '../cache/cache-db.js';
import { UserFacingError } from '../user-facing-error.js';
import { FILE_PROBLEMS, readForUpload, readWatchedFile } from './file-intake.js';
import { checkFolderToWatch } from './folder-path-check.js';
import { FolderWatcher, type FolderWatcherStatus } from './folder-watcher.js';
import { INVOICE_KIND_MEDIA_TYPES, sniffInvoiceKind } from './invoice-file-kind.js';
import { UploadFailure, type InvoiceUploader } from './invoice-uploader.js';
import { moveIntoProcessed } from './processed-folder.js';
import { emptyCounts, FolderWatchQueueStore, type QueueItem } from './queue-store.js';
import { SettleScheduler } from './settle-scheduler.js';
import { errorMessage } from '../../../../shared/error-message.js';

/** Where the list of watched folders is kept (settings.json in the app). */
export interface WatchedFolderSettings {
  list(): WatchedFolder[];
  save(folders: WatchedFolder[]): void;
}

export interface FolderWatchLogger {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
}

export interface BatchSummary {
  uploaded: number;
  failed: number;
  message: string;
}

export interface FolderWatchServiceOptions {
  db: CacheDatabase;
  folders: WatchedFolderSettings;
  upload: InvoiceUploader;
  /** Which engine items belong to ('local' or 'cloud:<url>'), as for the rest of the cache. */
  scope: () => string;
  /** The app's own data folder: never watched. */
  appDataDir: string;
  logger: FolderWatchLogger;
  onProgress?: (progress: FolderWatchProgress) => void;
  /** A batch finished: the desktop notification (or the in-page message in browser mode). */
  onBatchFinished?: (summary: BatchSummary) => void;
  /** Whether an account set exists; undefined when that cannot be known right now. */
  accountSetExists?: (accountSetId: string) => Promise<boolean | undefined>;
  /** Uploads at once; 2 matches the engine's recognition pool. */
  concurrency?: number;
  /** Quiet time before a new or changed file is read. */
  settleMs?: number;
  healthCheckMs?: number;
  /** Pauses after uploads that got no verdict, by attempt; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** Tries without a verdict before the item is failed (「重试失败项」 sends it again). */
  maxAttempts?: number;
  progressThrottleMs?: number;
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
/** Looks at a file that still seems to be written before it counts as incomplete. */
const MAX_UNSETTLED_LOOKS = 20;
/** Files read at once while scanning (each up to 10 MB in memory). */
const READ_CONCURRENCY = 4;

export const ITEM_MESSAGES = {
  gone: '文件已被移走或删除，未上传',
  changed: '文件内容在排队期间已变化，将按新内容重新排队',
  unreadable: '无法读取文件，未上传',
  interrupted: '上传被中断，稍后自动重试',
  waitingKey: 'API Key 无效或缺失：请在「设置」中重新输入，之后会自动上传',
} as const;

interface FolderState {
  folder: WatchedFolder;
  watcher?: FolderWatcher;
  status: WatchedFolderView['status'];
  message: string | null;
}

interface Batch {
  total: number;
  done: number;
  failed: number;
  uploaded: number;
  active: boolean;
}

/**
 * Folder watch: watched folders (kept in settings), a chokidar watcher per folder, and a persistent
 * upload queue in cache.db. Every settled file is read once, sniffed by its bytes and hashed; an
 * item exists per (engine, account set, content) with an idempotency key stored before its first
 * send, so renames, copies, restarts and crashes never upload an invoice twice. Uploads run with
 * bounded concurrency and backoff; progress is pushed as it changes.
 */
export class FolderWatchService {
  readonly #o: FolderWatchServiceOptions;
  readonly #store: FolderWatchQueueStore;
  readonly #settle: SettleScheduler;
  readonly #folders = new Map<string, FolderState>();
  readonly #unsettledLooks = new Map<string, number>();
  readonly #concurrency: number;
  readonly #retryDelaysMs: readonly number[];
  readonly #maxAttempts: number;
  readonly #inFlight = new Map<number, { controller: AbortController; fileName: string }>();
  readonly #readQueue: string[] = [];
  readonly #queuedReads = new Set<string>();
  #reading = 0;
  #batch: Batch = { total: 0, done: 0, failed: 0, uploaded: 0, active: false };
  #wakeTimer: NodeJS.Timeout | undefined;
  #progressTimer: NodeJS.Timeout | undefined;
  #lastProgressAt = 0;
  #started = false;
  /** The engine the queue was last working for. */
  #scope = '';
  #disposed = false;
  #idleWaiters: (() => void)[] = [];
  /** Queue writes waiting for the next commit: with synchronous = FULL every commit is a disk flush. */
  #writes: (() => void)[] = [];
  #flushScheduled = false;
  /** Outcomes of finished sends, committed together with the next claims. */
  #outcomes: (() => void)[] = [];

  constructor(options: FolderWatchServiceOptions) {
    this.#o = options;
    this.#store = new FolderWatchQueueStore(options.db);
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#maxAttempts = options.maxAttempts ?? 6;
    this.#settle = new SettleScheduler({
      settleMs: options.settleMs ?? 1_500,
      onSettled: (filePath) => this.#queueRead(filePath),
    });
  }

  /** Restores the watched folders, resumes uploads cut off last time and scans every folder. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#scope = this.#o.scope();
    const resumed = this.#store.resetInterrupted();
    if (resumed > 0) this.#o.logger.info({ resumed }, 'folder watch: resuming interrupted uploads');
    const pending = this.#store.countsByFolder(this.#o.scope());
    let waiting = 0;
    for (const counts of pending.values()) waiting += counts.pending;
    if (waiting > 0) this.#grow(waiting);
    for (const folder of this.#o.folders.list())
      this.#folders.set(folder.id, { folder, status: 'starting', message: null });
    await Promise.all([...this.#folders.values()].map((state) => this.#startWatching(state)));
    this.#pump();
  }

  // ——— folders ———

  async addFolder(request: AddWatchedFolderRequest): Promise<WatchedFolderView> {
    const resolved = await checkFolderToWatch(request.path, {
      appDataDir: this.#o.appDataDir,
      watched: [...this.#folders.values()].map((s) => s.folder),
    });
    await this.#checkAccountSet(request.accountSetId);
    const folder: WatchedFolder = {
      id: `wf_${randomBytes(8).toString('hex')}`,
      path: resolved,
      accountSetId: request.accountSetId,
      recursive: request.recursive,
      paused: false,
      afterUpload: request.afterUpload,
      addedAt: new Date().toISOString(),
    };
    const state: FolderState = { folder, status: 'starting', message: null };
    this.#folders.set(folder.id, state);
    this.#saveFolders();
    await this.#startWatching(state);
    return this.#view(state, this.#store.countsByFolder(this.#o.scope()));
  }

  async updateFolder(request: UpdateWatchedFolderRequest): Promise<WatchedFolderView> {
    const state = this.#folders.get(request.id);
    if (!state) throw new UserFacingError(404, '该文件夹已不在监控列表中');
    if (request.accountSetId !== undefined && request.accountSetId !== state.folder.accountSetId) {
      await this.#checkAccountSet(request.accountSetId);
    }
    const before = state.folder;
    const next: WatchedFolder = {
      ...before,
      ...(request.paused === undefined ? {} : { paused: request.paused }),
      ...(request.recursive === undefined ? {} : { recursive: request.recursive }),
      ...(request.afterUpload === undefined ? {} : { afterUpload: request.afterUpload }),
      ...(request.accountSetId === undefined ? {} : { accountSetId: request.accountSetId }),
    };
    state.folder = next;
    this.#saveFolders();
    const rewatch =
      next.paused !== before.paused ||
      next.recursive !== before.recursive ||
      next.accountSetId !== before.accountSetId;
    if (rewatch) {
      await this.#stopWatching(state);
      // Another account set: what was queued for the old one and not sent is dropped, the scan requeues.
      if (next.accountSetId !== before.accountSetId) this.#store.removeFolder(next.id);
      await this.#startWatching(state);
    }
    this.#pump();
    this.#emitProgress(true);
    return this.#view(state, this.#store.countsByFolder(this.#o.scope()));
  }

  async removeFolder(id: string): Promise<void> {
    const state = this.#folders.get(id);
    if (!state) throw new UserFacingError(404, '该文件夹已不在监控列表中');
    this.#folders.delete(id);
    this.#saveFolders();
    await this.#stopWatching(state);
    for (const [itemId, flight] of this.#inFlight) {
      const item = this.#store.getItem(itemId);
      if (item?.folderId === id) flight.controller.abort();
    }
    this.#store.removeFolder(id);
    this.#emitProgress(true);
    this.#checkIdle();
  }

  /** 「重试失败项」: every failed upload is queued again, and problem files are read again. */
  retryFailed(): number {
    const retried = this.#store.retryFailed(this.#o.scope());
    const problems = this.#store.problemFiles(10_000).filter((file) => this.#folders.has(file.folderId));
    for (const file of problems) this.#queueRead(file.path);
    if (retried > 0) this.#grow(retried);
    this.#pump();
    this.#emitProgress(true);
    return retried + problems.length;
  }

  /** The connection changed or came back: waiting items are tried now, folders scanned for the new engine. */
  connectionChanged(): void {
    if (!this.#started || this.#disposed) return;
    const scope = this.#o.scope();
    if (scope !== this.#scope) {
      // Another engine: its queue is its own, so every folder is read again for it.
      this.#scope = scope;
      void this.#rescan();
      return;
    }
    this.#store.wakeWaiting(scope);
    this.#pump();
  }

  async #rescan(): Promise<void> {
    for (const state of this.#folders.values()) {
      await this.#stopWatching(state);
      await this.#startWatching(state);
    }
    this.#pump();
  }

  snapshot(limit = 500): Omit<FolderWatchSnapshot, 'nativeDialog'> {
    const scope = this.#o.scope();
    const counts = this.#store.countsByFolder(scope);
    const uploads: FolderWatchItemView[] = this.#store.listItems(scope, limit).map((item) => ({
      key: `item-${String(item.id)}`,
      kind: 'upload',
      folderId: item.folderId,
      accountSetId: item.accountSetId,
      fileName: item.fileName,
      filePath: item.filePath,
      sizeBytes: item.sizeBytes,
      state: item.state,
      message: item.message,
      attempts: item.attempts,
      invoiceId: item.invoiceId,
      updatedAt: item.updatedAt,
    }));
    const problems: FolderWatchItemView[] = this.#store.problemFiles(limit).map((file) => ({
      key: `file-${file.path}`,
      kind: 'file',
      folderId: file.folderId,
      accountSetId: this.#folders.get(file.folderId)?.folder.accountSetId ?? '',
      fileName: path.basename(file.path),
      filePath: file.path,
      sizeBytes: file.sizeBytes,
      state: 'failed',
      message: file.problem,
      attempts: 0,
      invoiceId: null,
      updatedAt: file.seenAt,
    }));
    return {
      folders: [...this.#folders.values()].map((state) => this.#view(state, counts)),
      items: [...problems, ...uploads].slice(0, limit),
      progress: this.#progress(counts),
      available: true,
    };
  }

  /** Resolves once nothing is waiting to be read or sent (tests and the bench wait on it). */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    if (this.#progressTimer) clearTimeout(this.#progressTimer);
    this.#settle.dispose();
    for (const flight of this.#inFlight.values()) flight.controller.abort();
    await Promise.all([...this.#folders.values()].map((state) => this.#stopWatching(state)));
    const deadline = Date.now() + 5_000;
    while (this.#inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  // ——— watching ———

  async #startWatching(state: FolderState): Promise<void> {
    if (this.#disposed) return;
    if (state.folder.paused) {
      state.status = 'paused';
      state.message = null;
      return;
    }
    const { folder } = state;
    const watcher = new FolderWatcher({
      root: folder.path,
      recursive: folder.recursive,
      healthCheckMs: this.#o.healthCheckMs ?? 5_000,
      onTouched: (filePath) => {
        this.#unsettledLooks.delete(filePath);
        this.#settle.touch(filePath);
        this.#checkIdle();
      },
      onRemoved: (filePath) => this.#forget(filePath),
      onStatus: (status: FolderWatcherStatus, message) => {
        if (state.watcher !== watcher) return;
        state.status = status;
        state.message = message;
        if (status === 'error')
          this.#o.logger.warn({ folder: folder.id, message }, 'folder watch: folder unavailable');
        this.#emitProgress(true);
      },
      onWarning: (detail) =>
        this.#o.logger.warn({ folder: folder.id, ...detail }, 'folder watch: watcher error'),
    });
    state.watcher = watcher;
    await watcher.start();
  }

  async #stopWatching(state: FolderState): Promise<void> {
    const watcher = state.watcher;
    state.watcher = undefined;
    this.#settle.cancelUnder(state.folder.path);
    await watcher?.close();
    state.status = state.folder.paused ? 'paused' : 'starting';
    state.message = null;
  }

  /** The active (not paused) folder a path belongs to. */
  #folderOf(filePath: string): WatchedFolder | undefined {
    for (const { folder } of this.#folders.values()) {
      if (folder.paused) continue;
      const relative = path.relative(folder.path, filePath);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      if (!folder.recursive && relative.includes(path.sep)) continue;
      return folder;
    }
    return undefined;
  }

  #activeFolderIds(accountSetId?: string): string[] {
    return [...this.#folders.values()]
      .filter(
        (s) => !s.folder.paused && (accountSetId === undefined || s.folder.accountSetId === accountSetId),
      )
      .map((s) => s.folder.id);
  }

  #forget(filePath: string): void {
    this.#settle.cancel(filePath);
    this.#unsettledLooks.delete(filePath);
    void this.#write(() => this.#store.forgetFile(filePath));
    this.#emitProgress(false);
    this.#checkIdle();
  }

  // ——— reading files ———

  #queueRead(filePath: string): void {
    if (this.#disposed || this.#queuedReads.has(filePath)) return;
    this.#queuedReads.add(filePath);
    this.#readQueue.push(filePath);
    this.#drainReads();
  }

  #drainReads(): void {
    while (this.#reading < READ_CONCURRENCY && this.#readQueue.length > 0) {
      const filePath = this.#readQueue.shift();
      if (filePath === undefined) break;
      this.#queuedReads.delete(filePath);
      this.#reading += 1;
      void this.#intake(filePath)
        .catch((error: unknown) => {
          this.#o.logger.warn({ err: errorMessage(error) }, 'folder watch: intake failed');
        })
        .finally(() => {
          this.#reading -= 1;
          this.#drainReads();
          this.#checkIdle();
        });
    }
  }

  async #intake(filePath: string): Promise<void> {
    const folder = this.#folderOf(filePath);
    if (!folder || this.#disposed) return;
    const reading = await readWatchedFile(filePath);
    // Paused, removed or quitting while the file was read: drop what was read.
    if (this.#isDisposed() || this.#folderOf(filePath)?.id !== folder.id) return;
    switch (reading.kind) {
      case 'gone':
      case 'ignore':
        this.#forget(filePath);
        return;
      case 'unsettled': {
        const looks = (this.#unsettledLooks.get(filePath) ?? 0) + 1;
        if (looks < MAX_UNSETTLED_LOOKS) {
          this.#unsettledLooks.set(filePath, looks);
          this.#settle.touch(filePath);
          return;
        }
        this.#unsettledLooks.delete(filePath);
        this.#recordProblem(filePath, folder, FILE_PROBLEMS.incomplete, 0);
        return;
      }
      case 'problem':
        this.#unsettledLooks.delete(filePath);
        this.#recordProblem(filePath, folder, reading.message, reading.sizeBytes);
        return;
      case 'invoice':
        this.#unsettledLooks.delete(filePath);
        await this.#recordInvoice(filePath, folder, reading.contentSha256, reading.sizeBytes);
    }
  }

  #recordProblem(filePath: string, folder: WatchedFolder, message: string, sizeBytes: number): void {
    const known = this.#store.getFile(filePath);
    void this.#write(() => {
      this.#store.recordFile({
        path: filePath,
        folderId: folder.id,
        contentSha256: null,
        sizeBytes,
        problem: message,
      });
    });
    if (known?.problem !== message) {
      this.#grow(1);
      this.#batch.done += 1;
      this.#batch.failed += 1;
    }
    this.#o.logger.info({ folder: folder.id, problem: message }, 'folder watch: file cannot be uploaded');
    this.#emitProgress(false);
  }

  async #recordInvoice(
    filePath: string,
    folder: WatchedFolder,
    contentSha256: string,
    sizeBytes: number,
  ): Promise<void> {
    const scope = this.#o.scope();
    const { item, created } = await this.#write(() => {
      this.#store.recordFile({
        path: filePath,
        folderId: folder.id,
        contentSha256,
        sizeBytes,
        problem: null,
      });
      return this.#store.ensureItem({
        scope,
        accountSetId: folder.accountSetId,
        contentSha256,
        folderId: folder.id,
        fileName: path.basename(filePath),
        filePath,
        sizeBytes,
      });
    });
    if (created) {
      this.#grow(1);
      this.#emitProgress(false);
      this.#pump();
      return;
    }
    if (item.state === 'done') {
      // A copy (or the moved original) of an invoice already in the engine.
      if (folder.afterUpload === 'move') await this.#moveProcessed(filePath);
      return;
    }
    if (item.filePath !== filePath && !(await exists(item.filePath))) {
      this.#store.repoint(item.id, filePath, path.basename(filePath), folder.id);
    }
    if (
      item.state === 'failed' &&
      (item.message === ITEM_MESSAGES.gone || item.message === ITEM_MESSAGES.unreadable)
    ) {
      this.#store.repoint(item.id, filePath, path.basename(filePath), folder.id);
      this.#store.markWaiting(item.id, '文件已找回，重新排队', 0);
      this.#grow(1);
      this.#pump();
    }
    this.#emitProgress(false);
  }

  // ——— uploading ———

  #pump(): void {
    const outcomes = this.#outcomes.splice(0);
    if (!this.#started || this.#disposed) {
      if (outcomes.length > 0 && this.#o.db.open)
        this.#o.db.transaction(() => outcomes.forEach((apply) => apply()))();
      return;
    }
    const scope = this.#o.scope();
    const folderIds = this.#activeFolderIds();
    // Outcomes of finished sends and the claims of the next ones: one commit.
    const claimed = this.#o.db.transaction(() => {
      for (const apply of outcomes) apply();
      const items: QueueItem[] = [];
      while (this.#inFlight.size + items.length < this.#concurrency) {
        const item = this.#store.claimNext(scope, folderIds, Date.now());
        if (!item) break;
        items.push(item);
      }
      return items;
    })();
    for (const item of claimed) {
      const controller = new AbortController();
      this.#inFlight.set(item.id, { controller, fileName: item.fileName });
      void this.#send(item, controller.signal)
        .catch((error: unknown) => {
          this.#o.logger.warn({ err: errorMessage(error) }, 'folder watch: send failed');
          this.#outcomes.push(() =>
            this.#store.markWaiting(
              item.id,
              ITEM_MESSAGES.interrupted,
              Date.now() + this.#delay(item.attempts),
            ),
          );
        })
        .finally(() => {
          this.#inFlight.delete(item.id);
          this.#emitProgress(false);
          this.#pump();
        });
    }
    this.#scheduleWake(scope, folderIds);
    this.#emitProgress(false);
    this.#checkIdle();
  }

  #scheduleWake(scope: string, folderIds: string[]): void {
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    this.#wakeTimer = undefined;
    const due = this.#store.nextDueAt(scope, folderIds);
    if (due === undefined || this.#inFlight.size >= this.#concurrency) return;
    this.#wakeTimer = setTimeout(() => this.#pump(), Math.max(10, due - Date.now()));
  }

  #delay(attempts: number): number {
    const delays = this.#retryDelaysMs;
    return delays[Math.min(Math.max(attempts, 1), delays.length) - 1] ?? 60_000;
  }

  /** The bytes of the item: from its own path, or from any other known copy with the same content. */
  async #bytesOf(item: QueueItem): Promise<Uint8Array | string> {
    const first = await readForUpload(item.filePath, item.contentSha256);
    if (first.ok) return first.bytes;
    const copies = this.#store
      .filesWithContent(item.contentSha256, this.#activeFolderIds(item.accountSetId))
      .filter((file) => file.path !== item.filePath);
    for (const copy of copies) {
      const read = await readForUpload(copy.path, item.contentSha256);
      if (read.ok) {
        this.#store.repoint(item.id, copy.path, path.basename(copy.path), copy.folderId);
        return read.bytes;
      }
    }
    if (first.reason === 'changed') return ITEM_MESSAGES.changed;
    return first.reason === 'gone' ? ITEM_MESSAGES.gone : ITEM_MESSAGES.unreadable;
  }

  async #send(item: QueueItem, signal: AbortSignal): Promise<void> {
    this.#emitProgress(false);
    const bytes = await this.#bytesOf(item);
    if (typeof bytes === 'string') {
      this.#outcomes.push(() => this.#store.markFailed(item.id, bytes));
      this.#finish(false);
      // The changed file has been (or will be) read again as a new item by its change event.
      return;
    }
    const kind = sniffInvoiceKind(bytes);
    let invoiceId: string;
    try {
      ({ invoiceId } = await this.#o.upload({
        bytes,
        fileName: item.fileName,
        contentType: kind ? INVOICE_KIND_MEDIA_TYPES[kind] : 'application/octet-stream',
        accountSetId: item.accountSetId,
        idempotencyKey: item.idempotencyKey,
        signal,
      }));
    } catch (error) {
      this.#failedSend(item, error, signal);
      return;
    }
    this.#outcomes.push(() => this.#store.markDone(item.id, invoiceId));
    this.#batch.uploaded += 1;
    this.#finish(true);
    await this.#afterUpload(item);
  }

  #failedSend(item: QueueItem, error: unknown, signal: AbortSignal): void {
    if (signal.aborted) {
      // Removed: the item goes with its folder. Quitting: back to the queue as it was; the key
      // makes the resend at the next start safe.
      const kept = this.#folders.has(item.folderId);
      this.#outcomes.push(() => {
        if (kept) this.#store.markWaiting(item.id, ITEM_MESSAGES.interrupted, 0);
        else this.#store.deleteItem(item.id);
      });
      return;
    }
    const failure =
      error instanceof UploadFailure ? error : new UploadFailure('later', '上传失败，稍后自动重试');
    const store = this.#store;
    if (failure.retry === 'never') {
      this.#outcomes.push(() => store.markFailed(item.id, failure.message));
      this.#finish(false);
    } else if (failure.retry === 'key') {
      this.#outcomes.push(() => store.markWaiting(item.id, ITEM_MESSAGES.waitingKey, Date.now() + 60_000));
    } else if (item.attempts >= this.#maxAttempts) {
      this.#outcomes.push(() => store.markFailed(item.id, `多次重试仍未成功：${failure.message}`));
      this.#finish(false);
    } else {
      const next = Date.now() + this.#delay(item.attempts);
      this.#outcomes.push(() => store.markWaiting(item.id, `${failure.message}（稍后自动重试）`, next));
    }
    this.#o.logger.info(
      { item: item.id, attempts: item.attempts, retry: failure.retry },
      'folder watch: upload failed',
    );
  }

  /** Moves every copy of the uploaded content into `已处理/` in folders that ask for it. */
  async #afterUpload(item: QueueItem): Promise<void> {
    const moving = new Set(
      [...this.#folders.values()]
        .filter((s) => s.folder.afterUpload === 'move' && s.folder.accountSetId === item.accountSetId)
        .map((s) => s.folder.id),
    );
    if (moving.size === 0) return;
    for (const file of this.#store.filesWithContent(item.contentSha256, [...moving])) {
      await this.#moveProcessed(file.path);
    }
  }

  async #moveProcessed(filePath: string): Promise<void> {
    try {
      await moveIntoProcessed(filePath);
      this.#store.forgetFile(filePath);
    } catch (error) {
      this.#o.logger.warn(
        { err: errorMessage(error) },
        'folder watch: could not move an uploaded file into 已处理',
      );
    }
  }

  // ——— batches and progress ———

  #grow(n: number): void {
    if (!this.#batch.active) this.#batch = { total: 0, done: 0, failed: 0, uploaded: 0, active: true };
    this.#batch.total += n;
  }

  #finish(success: boolean): void {
    this.#batch.done += 1;
    if (!success) this.#batch.failed += 1;
  }

  #isIdle(): boolean {
    if (this.#inFlight.size > 0 || this.#reading > 0 || this.#readQueue.length > 0 || this.#settle.size > 0)
      return false;
    const counts = this.#store.countsByFolder(this.#o.scope());
    const active = new Set(this.#activeFolderIds());
    for (const [folderId, c] of counts)
      if (active.has(folderId) && (c.pending > 0 || c.uploading > 0)) return false;
    return true;
  }

  #checkIdle(): void {
    if (this.#disposed || !this.#isIdle()) return;
    if (this.#batch.active) {
      this.#batch.active = false;
      this.#emitProgress(true);
      const { uploaded, failed } = this.#batch;
      const message =
        failed > 0
          ? `文件夹监控：${String(uploaded)} 张票据已上传识别，${String(failed)} 个文件失败`
          : `文件夹监控：${String(uploaded)} 张票据已上传识别`;
      this.#o.onBatchFinished?.({ uploaded, failed, message });
    }
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #progress(counts: Map<string, FolderCounts>): FolderWatchProgress {
    const current = [...this.#inFlight.values()].at(-1)?.fileName ?? null;
    return {
      done: Math.min(this.#batch.done, this.#batch.total),
      failed: this.#batch.failed,
      total: this.#batch.total,
      current,
      active: this.#batch.active,
      folders: [...this.#folders.keys()].map((folderId) => ({
        folderId,
        counts: counts.get(folderId) ?? emptyCounts(),
      })),
    };
  }

  /** Throttled: a batch of 300 files sends a few events a second, the last one always. */
  #emitProgress(now: boolean): void {
    if (!this.#o.onProgress || this.#disposed) return;
    const throttle = this.#o.progressThrottleMs ?? 150;
    const send = (): void => {
      this.#progressTimer = undefined;
      this.#lastProgressAt = Date.now();
      this.#o.onProgress?.(this.#progress(this.#store.countsByFolder(this.#o.scope())));
    };
    if (now || Date.now() - this.#lastProgressAt >= throttle) {
      if (this.#progressTimer) clearTimeout(this.#progressTimer);
      send();
      return;
    }
    this.#progressTimer ??= setTimeout(send, throttle);
  }

  #view(state: FolderState, counts: Map<string, FolderCounts>): WatchedFolderView {
    return {
      ...state.folder,
      status: state.folder.paused ? 'paused' : state.status,
      message: state.message,
      counts: counts.get(state.folder.id) ?? emptyCounts(),
    };
  }

  /** Runs `change` in the next shared commit (reads and writes made close together share one). */
  #write<T>(change: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#writes.push(() => {
        try {
          resolve(change());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (this.#flushScheduled) return;
      this.#flushScheduled = true;
      setImmediate(() => {
        this.#flushScheduled = false;
        const writes = this.#writes.splice(0);
        if (!this.#o.db.open) return;
        this.#o.db.transaction(() => writes.forEach((run) => run()))();
      });
    });
  }

  /** A method, not the field: callers ask after an await, when it may have changed. */
  #isDisposed(): boolean {
    return this.#disposed;
  }

  #saveFolders(): void {
    this.#o.folders.save([...this.#folders.values()].map((s) => s.folder));
  }

  async #checkAccountSet(accountSetId: string): Promise<void> {
    const exists = await this.#o.accountSetExists?.(accountSetId).catch(() => undefined);
    if (exists === false) throw new UserFacingError(400, '账套不存在或无权访问');
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch {
    return false;
  }
}
