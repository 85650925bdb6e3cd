/**
 * The OCR worker pool: OCR is seconds of CPU per file, so it never runs on the engine's event
 * loop. `size` worker threads (models loaded once each), a bounded queue in front of them (full →
 * `OcrQueueFullError` with a Retry-After estimate), a time limit per job (the worker is terminated
 * and replaced), and crash safety (a worker that dies fails only its own job and is replaced).
 * Workers are recycled after `maxJobsPerWorker` jobs so native memory cannot creep. A file that
 * runs while another worker is idle has about half of its line recognition done by that worker
 * (`assist` messages, relayed here): one file alone uses both cores. With more than one worker,
 * text detection runs in one shared detector thread (shared-detector.ts) so that its working
 * memory is held once, not once per worker; if that thread dies, every worker is replaced. A file
 * starts beside a running one only while the engine's memory budget has room for both
 * (`memoryBudgetBytes`); otherwise it waits, and the idle worker helps the running file.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { defaultModelCacheDir } from './optimised-models.js';
import {
  InvalidImageError,
  OcrQueueFullError,
  OcrTimeoutError,
  OcrUnavailableError,
  OcrWorkerCrashedError,
} from './errors.js';
import type { DetectorControl } from './shared-detector.js';
import type { LineBatch } from './text-recognition.js';
import {
  recognisedTextsSchema,
  workerMessageSchema,
  type AssistReplyMessage,
  type JobMessage,
  type WorkerInit,
  type WorkerJob,
  type WorkerMessage,
} from './worker-protocol.js';

export interface OcrPoolOptions {
  /** Worker threads; default min(2, cores) (each holds ~150 MB of models and buffers). */
  size?: number;
  /** Jobs that may wait when every worker is busy; one more is refused. Default 8. */
  maxQueue?: number;
  /** Time limit per job, from the moment a worker takes it. Default 30 s. */
  timeoutMs?: number;
  /** onnxruntime threads inside each worker; default cores / size (at least 1). */
  threadsPerWorker?: number;
  /** A worker is replaced after this many jobs. Default 200. */
  maxJobsPerWorker?: number;
  /** Worker entry, when not the sibling ocr-worker file (tests of the built output). */
  workerUrl?: URL;
  /** Lets tests send the worker's test-only jobs. */
  testHooks?: boolean;
  /** Idle workers recognise part of a busy worker's lines. Default true. */
  shareIdleWorkers?: boolean;
  /**
   * Private folder where the rewritten models are kept (optimised-models.ts); null rewrites them
   * in memory in every worker. Default: a per-user folder in the temporary directory.
   */
  modelCacheDir?: string | null;
  /**
   * One detector thread serves every worker (its ~180 MB of working memory held once). Default:
   * when there is more than one worker.
   */
  sharedDetector?: boolean;
  /**
   * The engine's memory budget: a file starts beside files already running only while the
   * process's resident memory leaves room below it for a file's working memory
   * (`FILE_WORKING_MEMORY_BYTES`) per running file and one more for the new file; otherwise it
   * waits for a worker to finish, and the idle worker helps recognise the running file's lines
   * meanwhile. A file always starts when none is running. Default 600 MB; null: no limit.
   */
  memoryBudgetBytes?: number | null;
  /** The process's resident memory in bytes (tests substitute their own). */
  residentBytes?: () => number;
}

export interface OcrPoolStats {
  size: number;
  workers: number;
  ready: number;
  busy: number;
  queued: number;
  completed: number;
  replaced: number;
  /** Recognition requests answered by an idle worker / refused (none idle). */
  assisted: number;
  assistRefused: number;
  /** The shared detector thread is running (false when each worker has its own detector). */
  sharedDetector: boolean;
  /**
   * Dispatches at which a queued file was left waiting, with a worker idle, because the memory
   * budget had no room for it (one file waiting through several dispatches counts each time).
   */
  heldForMemory: number;
}

interface PendingJob {
  id: number;
  job: WorkerJob;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Part of another job (an assist): not counted as a file, not in the job-time average. */
  assist?: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: PendingJob | null;
  timer: NodeJS.Timeout | null;
  jobsDone: number;
  /** Set once the slot is being torn down; its exit is then expected. */
  retired: boolean;
}

interface DetectorThread {
  worker: Worker;
  ready: boolean;
  /** Set once it is being stopped; its exit is then expected. */
  retired: boolean;
}

const requireHere = createRequire(import.meta.url);
/** How long close() lets a busy worker finish its native call before stopping it anyway. */
const CLOSE_GRACE_MS = 5_000;
/** How long a timed-out worker may take to come back from its native call before it is stopped. */
const TIMEOUT_GRACE_MS = 30_000;

/**
 * The worker entry beside this file: TypeScript source under tsx/vitest; when built, the bundler
 * may have put this code in a shared chunk one folder below the entry points, so look there too.
 */
function defaultWorkerUrl(): URL {
  const self = import.meta.url;
  if (self.endsWith('.ts')) return new URL('./ocr-worker.ts', self);
  const candidates = [new URL('./ocr-worker.js', self), new URL('../ocr-worker.js', self)];
  return candidates.find((url) => existsSync(url)) ?? (candidates[0] as URL);
}

/** The shared detector thread's entry: detector-worker beside the OCR worker entry. */
function detectorUrl(workerUrl: URL): URL {
  const name = path.posix.basename(workerUrl.pathname);
  return new URL(name.replace(/^ocr-worker/, 'detector-worker'), workerUrl);
}

/**
 * The young generation of each OCR thread's JavaScript heap, in MB. V8 lets it grow to 48 MB per
 * isolate, and an OCR thread's short-lived garbage (line crops, region maps) fills it; the pixels
 * and tensors themselves live outside it. Measured with the whole engine, 8 vs 48 MB: RSS after
 * 41 images one at a time 656 vs 683 MB, after 41 with ten in flight 758 vs 805 MB, CPU for the
 * 82 files 124 vs 123 s.
 */
const YOUNG_GENERATION_MB = 8;

const MB = 1024 * 1024;
/** The engine's resident-memory budget with the pool loaded. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 600 * MB;
/**
 * What one file can add to the engine's RSS while it is read: measured with the whole engine
 * (bench/engine-rss.bench.ts), the peak over the RSS at a file's start was 120–200 MB — the text
 * detector's working memory for a 960 px page, the raster and its copies, and what malloc has
 * not handed back yet.
 */
export const FILE_WORKING_MEMORY_BYTES = 200 * MB;

function spawnWorker(url: URL, init: WorkerInit): Worker {
  const transferList = init.detectorPort ? [init.detectorPort] : [];
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (url.pathname.endsWith('.ts')) {
    // TypeScript source: register tsx inside the thread, then load the entry.
    const tsxApi = pathToFileURL(
      path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
    );
    const code = `import(${JSON.stringify(tsxApi.href)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
    return new Worker(code, { eval: true, workerData: init, transferList, resourceLimits });
  }
  return new Worker(url, { workerData: init, transferList, resourceLimits });
}

export class OcrPool {
  readonly size: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly threadsPerWorker: number;
  readonly maxJobsPerWorker: number;
  readonly shareIdleWorkers: boolean;
  readonly sharedDetector: boolean;
  private readonly workerUrl: URL;
  private readonly testHooks: boolean;
  private readonly modelCacheDir: string | null;
  private readonly slots = new Set<Slot>();
  private detector: DetectorThread | null = null;
  private readonly queue: PendingJob[] = [];
  private nextId = 1;
  private closed = false;
  private completed = 0;
  private replaced = 0;
  private assisted = 0;
  private assistRefused = 0;
  private heldForMemory = 0;
  private startFailures = 0;
  private readonly memoryBudgetBytes: number | null;
  private readonly residentBytes: () => number;
  /** Moving average of a job's duration, for Retry-After. */
  private averageJobMs = 2000;

  constructor(options: OcrPoolOptions = {}) {
    const cores = Math.max(1, os.availableParallelism());
    this.size = Math.max(1, Math.floor(options.size ?? Math.min(2, cores)));
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? 8));
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 30_000);
    this.threadsPerWorker = Math.max(1, Math.floor(options.threadsPerWorker ?? cores / this.size));
    this.maxJobsPerWorker = Math.max(1, options.maxJobsPerWorker ?? 200);
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    this.testHooks = options.testHooks ?? false;
    this.shareIdleWorkers = (options.shareIdleWorkers ?? true) && this.size > 1;
    this.modelCacheDir = options.modelCacheDir === undefined ? defaultModelCacheDir() : options.modelCacheDir;
    this.sharedDetector = options.sharedDetector ?? this.size > 1;
    this.memoryBudgetBytes =
      options.memoryBudgetBytes === undefined ? DEFAULT_MEMORY_BUDGET_BYTES : options.memoryBudgetBytes;
    this.residentBytes = options.residentBytes ?? (() => process.memoryUsage.rss());
  }

  stats(): OcrPoolStats {
    let ready = 0;
    let busy = 0;
    for (const slot of this.slots) {
      if (slot.ready) ready += 1;
      if (slot.job) busy += 1;
    }
    return {
      size: this.size,
      workers: this.slots.size,
      ready,
      busy,
      queued: this.queue.length,
      completed: this.completed,
      replaced: this.replaced,
      assisted: this.assisted,
      assistRefused: this.assistRefused,
      sharedDetector: this.detector?.ready ?? false,
      heldForMemory: this.heldForMemory,
    };
  }

  /** Starts every worker and resolves when all have loaded their models. */
  async warmUp(): Promise<void> {
    this.fill();
    await Promise.all(
      [...this.slots].map(
        (slot) =>
          new Promise<void>((resolve, reject) => {
            if (slot.ready) return resolve();
            const onMessage = (raw: unknown) => {
              const message = workerMessageSchema.safeParse(raw);
              if (message.success && message.data.type === 'ready') done();
              if (message.success && message.data.type === 'init-failed')
                done(new OcrUnavailableError(message.data.message));
            };
            const onExit = () => done(new OcrUnavailableError('worker exited while starting'));
            const done = (error?: Error) => {
              slot.worker.off('message', onMessage);
              slot.worker.off('exit', onExit);
              if (error) reject(error);
              else resolve();
            };
            slot.worker.on('message', onMessage);
            slot.worker.on('exit', onExit);
          }),
      ),
    );
  }

  /** Runs a job on a worker; rejects at once with OcrQueueFullError when the queue is full. */
  run(job: WorkerJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new OcrUnavailableError('pool closed'));
    // Files accepted at once: one per worker plus the queue, whether or not the memory budget lets
    // every worker run (a file it holds back waits in a worker's place).
    const running = this.runningFiles();
    if (running + this.queue.length >= this.size + this.maxQueue) {
      // Files run side by side only as far as the memory budget lets them.
      const parallel = this.memoryHoldsFiles() ? Math.max(1, running) : this.size;
      const waves = (this.queue.length + 1) / parallel;
      const seconds = Math.min(60, Math.max(1, Math.ceil((waves * this.averageJobMs) / 1000)));
      return Promise.reject(new OcrQueueFullError(seconds));
    }
    const transfer: ArrayBuffer[] = [];
    let sent = job;
    if ('bytes' in job) {
      // A private copy the worker can own; the caller's buffer stays usable.
      const bytes = new Uint8Array(job.bytes);
      transfer.push(bytes.buffer);
      sent = { ...job, bytes };
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job: sent, transfer, resolve, reject });
      this.fill();
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running jobs fail with OcrUnavailableError. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new OcrUnavailableError('pool closed');
    for (const pending of this.queue.splice(0)) pending.reject(error);
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.retired = true;
        if (slot.timer) clearTimeout(slot.timer);
        const busy = slot.job !== null;
        slot.job?.reject(error);
        slot.job = null;
        this.slots.delete(slot);
        return busy
          ? this.stopGracefully(slot, CLOSE_GRACE_MS)
          : slot.worker.terminate().then(() => undefined);
      }),
    );
    await this.stopDetector();
  }

  /** Test hook (pools made with `testHooks`): the shared detector thread exits as if it crashed. */
  crashDetectorForTest(): void {
    if (!this.testHooks) throw new Error('test hooks are disabled');
    const crash: DetectorControl = { type: 'test-crash' };
    this.detector?.worker.postMessage(crash);
  }

  /** Asks the detector thread to exit once its detection under way is answered (or stops it). */
  private stopDetector(): Promise<void> {
    const thread = this.detector;
    this.detector = null;
    if (!thread) return Promise.resolve();
    thread.retired = true;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => void thread.worker.terminate().then(() => resolve(), resolve),
        CLOSE_GRACE_MS,
      );
      timer.unref();
      thread.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const stop: DetectorControl = { type: 'stop' };
      thread.worker.postMessage(stop);
    });
  }

  /** The shared detector thread, started with the first worker that needs it. */
  private detectorPort(): MessagePort {
    let thread = this.detector;
    if (!thread) {
      const init: WorkerInit = {
        // Every worker's threads: a detection another worker waits for finishes sooner, and the
        // cores stay busy with recognition in the meantime.
        threads: Math.max(1, Math.min(os.availableParallelism(), this.threadsPerWorker * this.size)),
        testHooks: this.testHooks,
        assist: false,
        modelCacheDir: this.modelCacheDir,
      };
      const started: DetectorThread = {
        worker: spawnWorker(detectorUrl(this.workerUrl), init),
        ready: false,
        retired: false,
      };
      started.worker.unref();
      started.worker.on('message', (raw: unknown) => {
        const message = workerMessageSchema.safeParse(raw);
        if (message.success && message.data.type === 'ready') started.ready = true;
        // A detector that cannot open its model: the workers waiting for it report the failure.
      });
      started.worker.on('error', (error) => this.onDetectorGone(started, error.message));
      started.worker.on('exit', (code) => this.onDetectorGone(started, `exit code ${String(code)}`));
      this.detector = started;
      thread = started;
    }
    const channel = new MessageChannel();
    const control: DetectorControl = { type: 'port', port: channel.port1 };
    thread.worker.postMessage(control, [channel.port1]);
    return channel.port2;
  }

  /**
   * The detector thread exited: every worker's port to it is dead, so every worker is replaced
   * (their jobs under way fail as crashed). One that never got its model up is a start failure.
   */
  private onDetectorGone(thread: DetectorThread, detail: string): void {
    if (this.detector !== thread) return;
    this.detector = null;
    if (thread.retired) return;
    void thread.worker.terminate();
    const error = new OcrWorkerCrashedError(`text detector thread: ${detail}`);
    for (const slot of [...this.slots]) {
      slot.retired = true;
      this.slots.delete(slot);
      if (slot.timer) clearTimeout(slot.timer);
      const busy = slot.job !== null;
      slot.job?.reject(error);
      slot.job = null;
      this.replaced += 1;
      // A busy worker may be inside a native call; one waiting for a detection answers at once.
      if (busy) void this.stopGracefully(slot, CLOSE_GRACE_MS);
      else void slot.worker.terminate();
    }
    if (!thread.ready) {
      this.startFailures += 1;
      const unavailable = new OcrUnavailableError(`text detector failed to start: ${detail}`);
      for (const queued of this.queue.splice(0)) queued.reject(unavailable);
      return;
    }
    if (this.queue.length > 0) this.fill();
  }

  /**
   * Stops a worker that may be inside a native call (onnxruntime, sharp, the canvas). Terminating
   * a thread there aborts the whole process ("terminate called after throwing Napi::Error",
   * seen in testing), so wait until it is back in JavaScript — its answer to the abandoned job
   * says so — or until `graceMs` have passed (a thread stuck in JavaScript is safe to stop).
   */
  private stopGracefully(slot: Slot, graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        slot.worker.off('message', stop);
        resolve();
      };
      const stop = () => {
        if (finished) return;
        slot.worker.terminate().then(finish, finish);
      };
      const timer = setTimeout(stop, graceMs);
      timer.unref();
      slot.worker.once('message', stop);
      slot.worker.once('exit', finish);
    });
  }

  private fill(): void {
    if (this.closed) return;
    while (this.slots.size < this.size) this.slots.add(this.startSlot());
  }

  private startSlot(): Slot {
    const init: WorkerInit = {
      threads: this.threadsPerWorker,
      testHooks: this.testHooks,
      assist: this.shareIdleWorkers,
      modelCacheDir: this.modelCacheDir,
      detectorPort: this.sharedDetector ? this.detectorPort() : undefined,
    };
    const worker = spawnWorker(this.workerUrl, init);
    const slot: Slot = { worker, ready: false, job: null, timer: null, jobsDone: 0, retired: false };
    // Idle workers must not keep the engine process alive; a running job's timer does.
    worker.unref();
    worker.on('message', (raw: unknown) => this.onMessage(slot, raw));
    worker.on('error', (error) => this.onGone(slot, error.message));
    worker.on('exit', (code) => this.onGone(slot, `exit code ${String(code)}`));
    return slot;
  }

  private onMessage(slot: Slot, raw: unknown): void {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) return this.onGone(slot, 'malformed message from worker', true);
    const message: WorkerMessage = parsed.data;
    if (message.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      return this.dispatch();
    }
    if (message.type === 'init-failed') return this.onStartFailure(slot, message.message);
    if (message.type === 'assist') return this.onAssist(slot, message.id, message.batches);
    const pending = slot.job;
    if (!pending || pending.id !== message.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.jobsDone += 1;
    if (!pending.assist) this.completed += 1;
    if (message.type === 'result') pending.resolve(message.result);
    // The shared detector thread went away under this job: the same failure as a crash.
    else if (message.error.name === 'DetectorGoneError')
      pending.reject(new OcrWorkerCrashedError(`text detector thread: ${message.error.message}`));
    else if (message.error.reason)
      pending.reject(new InvalidImageError(message.error.reason, message.error.message));
    else pending.reject(new Error(`${message.error.name}: ${message.error.message}`));
    if (slot.jobsDone >= this.maxJobsPerWorker) this.retire(slot);
    this.dispatch();
  }

  /**
   * A busy worker offers part of its lines: an idle worker takes them when no file waits in the
   * queue (files first) or none can start (the memory budget); otherwise, or if the helper fails,
   * the answer is null and the worker does them itself.
   */
  private onAssist(requester: Slot, id: number, batches: LineBatch[]): void {
    const reply = (lines: AssistReplyMessage['lines']) => {
      if (!this.slots.has(requester) || requester.retired) return;
      const message: AssistReplyMessage = { type: 'assist-result', id, lines };
      requester.worker.postMessage(message);
    };
    const helper =
      this.shareIdleWorkers && (this.queue.length === 0 || this.memoryHoldsFiles()) && requester.job
        ? [...this.slots].find((s) => s !== requester && s.ready && !s.job && !s.retired)
        : undefined;
    if (!helper) {
      this.assistRefused += 1;
      return reply(null);
    }
    this.assisted += 1;
    const pending: PendingJob = {
      id: this.nextId++,
      job: { kind: 'recognise', batches },
      transfer: batches.map((b) => b.data.buffer),
      resolve: (value) => {
        const lines = recognisedTextsSchema.safeParse(value);
        reply(lines.success ? lines.data : null);
      },
      reject: () => reply(null),
      assist: true,
    };
    this.start(helper, pending);
  }

  private onStartFailure(slot: Slot, detail: string): void {
    this.startFailures += 1;
    this.retire(slot);
    // Models missing or broken: fail what waits instead of looping on restarts.
    const error = new OcrUnavailableError(detail);
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  /** The worker exited or errored: fail its job, replace it. */
  private onGone(slot: Slot, detail: string, terminate = false): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.job;
    slot.job = null;
    if (terminate || !slot.retired) void slot.worker.terminate();
    if (pending) pending.reject(new OcrWorkerCrashedError(detail));
    if (!slot.retired) this.replaced += 1;
    if (!slot.ready && !slot.retired) {
      this.startFailures += 1;
      const error = new OcrUnavailableError(`worker failed to start: ${detail}`);
      for (const queued of this.queue.splice(0)) queued.reject(error);
      return;
    }
    if (this.queue.length > 0) this.fill();
    this.dispatch();
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    if (this.queue.length > 0 && this.startFailures === 0) this.fill();
  }

  /** Workers reading a file of their own (not helping another worker with its lines). */
  private runningFiles(): number {
    return [...this.slots].filter((s) => s.job && !s.job.assist).length;
  }

  /**
   * Files are running and the process's RSS leaves no room within the budget for another file's
   * working memory on top of what the running ones may still add (each may have just started): the
   * next file waits for a worker to finish.
   */
  private memoryHoldsFiles(): boolean {
    if (this.memoryBudgetBytes === null) return false;
    const running = this.runningFiles();
    if (running === 0) return false;
    return this.residentBytes() + (running + 1) * FILE_WORKING_MEMORY_BYTES > this.memoryBudgetBytes;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job || slot.retired) continue;
      if (this.memoryHoldsFiles()) {
        this.heldForMemory += 1;
        return;
      }
      const pending = this.queue.shift();
      if (!pending) return;
      this.start(slot, pending);
    }
  }

  private start(slot: Slot, pending: PendingJob): void {
    slot.job = pending;
    if (!pending.assist) {
      const started = performance.now();
      const settle = (fn: () => void) => {
        this.averageJobMs = 0.8 * this.averageJobMs + 0.2 * (performance.now() - started);
        fn();
      };
      const { resolve, reject } = pending;
      pending.resolve = (value) => settle(() => resolve(value));
      pending.reject = (error) => settle(() => reject(error));
    }
    slot.timer = setTimeout(() => this.onTimeout(slot, pending), this.timeoutMs);
    const message: JobMessage = { type: 'job', id: pending.id, job: pending.job };
    slot.worker.postMessage(message, pending.transfer);
  }

  private onTimeout(slot: Slot, pending: PendingJob): void {
    if (slot.job !== pending) return;
    slot.job = null;
    slot.timer = null;
    slot.retired = true;
    this.slots.delete(slot);
    this.replaced += 1;
    void this.stopGracefully(slot, Math.max(this.timeoutMs, TIMEOUT_GRACE_MS));
    pending.reject(new OcrTimeoutError(this.timeoutMs));
    this.fill();
    this.dispatch();
  }
}
