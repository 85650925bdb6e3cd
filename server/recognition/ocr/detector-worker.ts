/**
 * The OCR pool's shared detector thread (shared-detector.ts): one detector session serving every
 * OCR worker's port. Its own entry, importing only the detector, so that the thread holds no
 * image decoders, PDF renderer or recogniser. Started by worker-pool.ts beside ocr-worker.ts; the
 * built app bundles it as its own entry beside the engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDetectionSession } from './paddle-models.js';
import { DetectorService, detectorControlSchema } from './shared-detector.js';
import { sessionDetector, type RunDetector } from './text-detection.js';
import { collectGarbage } from './collect-garbage.js';
import type { WorkerInit, WorkerMessage } from './worker-protocol.js';
import { errorMessage } from '../../../shared/error-message.js';

const port = parentPort;
if (!port) throw new Error('detector-worker must run as a worker thread');
const init = workerData as WorkerInit;
const send = (message: WorkerMessage) => port.postMessage(message);

const session = openDetectionSession({ threads: init.threads, cacheDir: init.modelCacheDir });
/**
 * After each detection the garbage left so far (the session's output tensor, the inputs
 * transferred here: 10–25 MB a page) is collected then — this heap is small, a few ms — not
 * whenever V8 gets round to it (collect-garbage.ts).
 */
function collectingAfterEach(detect: RunDetector): RunDetector {
  return async (input) => {
    try {
      return await detect(input);
    } finally {
      collectGarbage();
    }
  };
}
const service = new DetectorService(session.then((s) => collectingAfterEach(sessionDetector(s))));
port.on('message', (raw: unknown) => {
  const control = detectorControlSchema.safeParse(raw);
  if (!control.success) return;
  if (control.data.type === 'port') return service.serve(control.data.port);
  if (control.data.type === 'test-crash') {
    if (init.testHooks) process.exit(70);
    return;
  }
  // Stop once the detection under way has been answered: terminating inside it would abort.
  void service.idle().then(() => process.exit(0));
});
session.then(
  () => send({ type: 'ready' }),
  (error: unknown) => send({ type: 'init-failed', message: errorMessage(error) }),
);
