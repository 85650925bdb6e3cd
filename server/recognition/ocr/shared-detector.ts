/**
 * One text detector for the whole OCR pool. The detector's working memory is the largest of the
 * three models' (about 100–150 MB for a 960 px page): opened in every worker, two workers could
 * need it at the same moment. The pool instead starts one detector thread
 * (detector-worker.ts) and gives each OCR worker a MessagePort to it; the thread answers
 * detections one at a time, in the order they arrive. Detection is a fifth of a file's OCR CPU,
 * so two workers rarely wait for each other there.
 *
 * Both ends parse what they receive: the other end is another thread running native code.
 */
import { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { DetectorTensor, RunDetector } from './text-detection.js';
import { errorMessage } from '../../../shared/error-message.js';

const tensorSchema = z
  .object({ data: z.instanceof(Float32Array), dims: z.array(z.number().int().min(1)).length(4) })
  .refine((t) => t.data.length === t.dims.reduce((a, b) => a * b, 1), 'tensor size mismatch');

const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('detect'), id: z.number().int(), input: tensorSchema }),
]);
type DetectorRequest = z.infer<typeof requestSchema>;

const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('unavailable'), message: z.string() }),
  z.object({ type: z.literal('detected'), id: z.number().int(), output: tensorSchema }),
  z.object({ type: z.literal('detect-failed'), id: z.number().int(), message: z.string() }),
]);
type DetectorReply = z.infer<typeof replySchema>;

/**
 * What the pool tells the detector thread: serve this worker's port; stop once idle; (tests only,
 * honoured with the pool's test hooks) exit at once as if it had crashed.
 */
export const detectorControlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('port'), port: z.instanceof(MessagePort) }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('test-crash') }),
]);
export type DetectorControl = z.infer<typeof detectorControlSchema>;

/** The detector thread's side: serves any number of workers' ports with one detector. */
export class DetectorService {
  private queue: Promise<void> = Promise.resolve();

  /** `detector` rejects when the model cannot be opened; every request is then refused. */
  constructor(private readonly detector: Promise<RunDetector>) {
    // Reported through the requests; not an unhandled rejection meanwhile.
    detector.catch(() => undefined);
  }

  serve(port: MessagePort): void {
    const reply = (answer: DetectorReply, transfer: ArrayBuffer[] = []) => port.postMessage(answer, transfer);
    port.on('message', (raw: unknown) => {
      const request = requestSchema.safeParse(raw);
      if (!request.success) return;
      if (request.data.type === 'hello') {
        this.detector.then(
          () => reply({ type: 'ready' }),
          (error: unknown) => reply({ type: 'unavailable', message: errorMessage(error) }),
        );
        return;
      }
      this.enqueue(request.data, reply);
    });
    port.on('close', () => port.removeAllListeners());
  }

  /** Resolves once every request accepted so far has been answered. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(
    request: Extract<DetectorRequest, { type: 'detect' }>,
    reply: (answer: DetectorReply, transfer?: ArrayBuffer[]) => void,
  ): void {
    this.queue = this.queue.then(async () => {
      try {
        const run = await this.detector;
        const output = await run(request.input);
        reply({ type: 'detected', id: request.id, output }, [output.data.buffer]);
      } catch (error) {
        reply({ type: 'detect-failed', id: request.id, message: errorMessage(error) });
      }
    });
  }
}

export class DetectorGoneError extends Error {
  constructor() {
    super('文字检测线程已退出');
    this.name = 'DetectorGoneError';
  }
}

/**
 * An OCR worker's side: `detect` runs on the shared thread; `ready` resolves once that thread has
 * its model (rejects if it cannot open it or exits first).
 */
export function remoteDetector(port: MessagePort): { detect: RunDetector; ready: Promise<void> } {
  const waiting = new Map<number, { resolve: (t: DetectorTensor) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let gone: Error | null = null;
  let settleReady: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  ready.catch(() => undefined);

  port.on('message', (raw: unknown) => {
    const reply = replySchema.safeParse(raw);
    if (!reply.success) return;
    const answer = reply.data;
    if (answer.type === 'ready') return settleReady?.resolve();
    if (answer.type === 'unavailable') return settleReady?.reject(new Error(answer.message));
    const request = waiting.get(answer.id);
    if (!request) return;
    waiting.delete(answer.id);
    if (answer.type === 'detected') request.resolve(answer.output);
    else request.reject(new Error(answer.message));
  });
  port.on('close', () => {
    gone = new DetectorGoneError();
    settleReady?.reject(gone);
    for (const request of waiting.values()) request.reject(gone);
    waiting.clear();
  });
  port.postMessage({ type: 'hello' } satisfies DetectorRequest);

  const detect: RunDetector = (input) =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const request: DetectorRequest = { type: 'detect', id, input };
      port.postMessage(request, [input.data.buffer]);
    });
  return { detect, ready };
}
