/**
 * An OCR worker thread: loads the models and the QR reader once, then runs one job at a time.
 * Started by worker-pool.ts; the built app bundles it as its own entry beside the engine.
 */
import { parentPort, threadId, workerData, type MessagePort } from 'node:worker_threads';
import { InvalidImageError } from './errors.js';
import { loadPaddleModels, type PaddleModels } from './paddle-models.js';
import { prepareQrReader } from './qr-decode.js';
import { runRasterJob } from './read-raster.js';
import { collectGarbage } from './collect-garbage.js';
import { MemoryReleaser } from './release-memory.js';
import { remoteDetector } from './shared-detector.js';
import { recogniseBatches, type DecodedText, type RecogniseAssist } from './text-recognition.js';
import type { JobMessage, PoolMessage, WorkerInit, WorkerMessage } from './worker-protocol.js';
import { errorMessage } from '../../../shared/error-message.js';

function requirePort(): MessagePort {
  if (!parentPort) throw new Error('ocr-worker must run as a worker thread');
  return parentPort;
}
const port = requirePort();
const init = workerData as WorkerInit;
const send = (message: WorkerMessage) => port.postMessage(message);
const memory = new MemoryReleaser();

/** Assist requests waiting for the pool's answer. */
const assists = new Map<number, (lines: DecodedText[] | null) => void>();
let nextAssist = 1;
const assist: RecogniseAssist = (batches) =>
  new Promise((resolve) => {
    const id = nextAssist++;
    assists.set(id, resolve);
    // Copied, not transferred: if no worker is free this one still needs them.
    send({ type: 'assist', id, batches });
  });

async function runJob(models: PaddleModels, message: JobMessage): Promise<unknown> {
  const { job } = message;
  if (job.kind === 'test-sleep' || job.kind === 'test-crash') {
    if (!init.testHooks) throw new Error('test jobs are disabled');
    if (job.kind === 'test-crash') process.exit(70);
    const startedAt = performance.timeOrigin + performance.now();
    await new Promise((resolve) => setTimeout(resolve, job.ms));
    return { threadId, startedAt, endedAt: performance.timeOrigin + performance.now() };
  }
  if (job.kind === 'recognise') return recogniseBatches(models.recognition, models.dictionary, job.batches);
  return runRasterJob(models, { ...job, bytes: new Uint8Array(job.bytes) }, init.assist ? assist : undefined);
}

async function main(): Promise<void> {
  let models: PaddleModels;
  const shared = init.detectorPort ? remoteDetector(init.detectorPort) : undefined;
  try {
    [models] = await Promise.all([
      loadPaddleModels({ threads: init.threads, cacheDir: init.modelCacheDir, detector: shared?.detect }),
      prepareQrReader(),
      shared?.ready,
    ]);
  } catch (error) {
    send({ type: 'init-failed', message: errorMessage(error) });
    return;
  }
  // One job at a time: the pool never sends a second before the first is answered.
  port.on('message', (message: PoolMessage) => {
    if (message.type === 'assist-result') {
      assists.get(message.id)?.(message.lines);
      assists.delete(message.id);
      return;
    }
    memory.jobStarted();
    runJob(models, message)
      .then(
        (result) => send({ type: 'result', id: message.id, result }),
        (error: unknown) => {
          const failure =
            error instanceof InvalidImageError
              ? { name: error.name, message: error.message, reason: error.reason }
              : { name: error instanceof Error ? error.name : 'Error', message: String(error) };
          send({ type: 'failed', id: message.id, error: failure });
        },
      )
      // After the answer, off its path: the job's dead buffers are collected and what they and the
      // tensors freed goes back to the OS.
      .finally(() => {
        collectGarbage();
        memory.jobFinished();
      });
  });
  send({ type: 'ready' });
}

void main();
