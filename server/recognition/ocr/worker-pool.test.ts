import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidImageError,
  OcrPool,
  OcrQueueFullError,
  OcrTimeoutError,
  OcrUnavailableError,
  OcrWorkerCrashedError,
  readInvoiceImage,
} from './index.js';
import { buildOcrWorker } from './testing/build-worker.js';
import { drawSampleInvoice, SAMPLE_QR_PAYLOAD, type DrawnInvoice } from './testing/invoice-image.js';
import { pngBomb } from './testing/png-bomb.js';
import { testSleepResultSchema } from './worker-protocol.js';

let invoice: DrawnInvoice;
const pools: OcrPool[] = [];
function pool(options: ConstructorParameters<typeof OcrPool>[0]): OcrPool {
  // No memory budget unless a test sets one: this test process is larger than the engine.
  const created = new OcrPool({ testHooks: true, threadsPerWorker: 1, memoryBudgetBytes: null, ...options });
  pools.push(created);
  return created;
}

beforeAll(async () => {
  invoice = await drawSampleInvoice(1.1);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('OCR worker pool', () => {
  it('reads an invoice image in a worker (TypeScript source): QR payload first, then positioned runs', async () => {
    const p = pool({ size: 1 });
    const reading = await readInvoiceImage(invoice.png, { pool: p });
    expect(reading.qrPayloads).toEqual([SAMPLE_QR_PAYLOAD]);
    expect(reading.page).toMatchObject({
      pageNumber: 1,
      source: 'ocr',
      width: invoice.width,
      height: invoice.height,
    });
    expect(reading.page.runs.map((r) => r.text)).toContain('发票号码:25437000000297554203');
    // The caller's buffer is not detached by the transfer to the worker.
    expect(invoice.png.length).toBeGreaterThan(0);
    expect(p.stats()).toMatchObject({ workers: 1, busy: 0, queued: 0, completed: 1 });
  }, 120_000);

  it('runs as many jobs at once as it has workers and queues the rest, refusing beyond the queue', async () => {
    const p = pool({ size: 2, maxQueue: 2 });
    await p.warmUp();
    const jobs = [1, 2, 3, 4].map(() => p.run({ kind: 'test-sleep', ms: 300 }));
    expect(p.stats()).toMatchObject({ busy: 2, queued: 2 });
    const refused = await failure(p.run({ kind: 'test-sleep', ms: 1 }));
    expect(refused).toBeInstanceOf(OcrQueueFullError);
    expect((refused as OcrQueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as OcrQueueFullError).message).toContain('识别队列已满');
    const results = (await Promise.all(jobs)).map((r) => testSleepResultSchema.parse(r));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
    // Never more than two jobs overlap: at every job's start, count the jobs running.
    for (const job of results) {
      const running = results.filter((o) => o.startedAt <= job.startedAt && o.endedAt > job.startedAt);
      expect(running.length).toBeLessThanOrEqual(2);
    }
  }, 120_000);

  it('has an idle worker recognise half of a lone file, with the same runs as one worker alone', async () => {
    const shared = pool({ size: 2 });
    const alone = pool({ size: 2, shareIdleWorkers: false });
    await Promise.all([shared.warmUp(), alone.warmUp()]);
    const [helped, unhelped] = await Promise.all([
      readInvoiceImage(invoice.png, { pool: shared }),
      readInvoiceImage(invoice.png, { pool: alone }),
    ]);
    expect(shared.stats()).toMatchObject({ assisted: 1, completed: 1, busy: 0 });
    expect(alone.stats()).toMatchObject({ assisted: 0, completed: 1 });
    expect(helped.page.runs).toEqual(unhelped.page.runs);
    // Two files at once: nobody is idle, each worker reads its own file whole.
    await Promise.all([1, 2].map(() => readInvoiceImage(invoice.png, { pool: shared })));
    expect(shared.stats()).toMatchObject({ completed: 3 });
    expect(shared.stats().assisted + shared.stats().assistRefused).toBe(3);
  }, 120_000);

  it('starts a second file only while the memory budget has room for it', async () => {
    const MB = 1024 * 1024;
    let resident = 500 * MB;
    const p = pool({ size: 2, maxQueue: 1, memoryBudgetBytes: 600 * MB, residentBytes: () => resident });
    await p.warmUp();
    // 500 MB + what the running file may still add (200 MB) + the next one's (200 MB) is over
    // 600 MB: one file at a time.
    const held = [1, 2, 3].map(() => p.run({ kind: 'test-sleep', ms: 200 }));
    expect(p.stats()).toMatchObject({ busy: 1, queued: 2 });
    expect(p.stats().heldForMemory).toBeGreaterThan(0);
    // As many files are accepted as without the budget (two workers + a queue of one): the held
    // one waits in the idle worker's place, and one more is refused.
    const refused = await failure(p.run({ kind: 'test-sleep', ms: 1 }));
    expect(refused).toBeInstanceOf(OcrQueueFullError);
    // Retry-After counts files one at a time: three waves of the 2 s starting estimate.
    expect((refused as OcrQueueFullError).retryAfterSeconds).toBe(6);
    const results = (await Promise.all(held)).map((r) => testSleepResultSchema.parse(r));
    for (const [i, result] of results.entries())
      if (i > 0) expect(result.startedAt).toBeGreaterThanOrEqual(results[i - 1]?.endedAt ?? Infinity);

    // With room for both, two files run at once again.
    resident = 200 * MB;
    const both = (await Promise.all([1, 2].map(() => p.run({ kind: 'test-sleep', ms: 300 })))).map((r) =>
      testSleepResultSchema.parse(r),
    );
    const [a, b] = both;
    expect(Math.max(a?.startedAt ?? 0, b?.startedAt ?? 0)).toBeLessThan(
      Math.min(a?.endedAt ?? 0, b?.endedAt ?? 0),
    );
  }, 120_000);

  it('has the idle worker help a file while the memory budget holds the next one back', async () => {
    const MB = 1024 * 1024;
    const held = pool({ size: 2, memoryBudgetBytes: 600 * MB, residentBytes: () => 550 * MB });
    const alone = pool({ size: 1 });
    await Promise.all([held.warmUp(), alone.warmUp()]);
    const readings = await Promise.all([1, 2].map(() => readInvoiceImage(invoice.png, { pool: held })));
    const unhelped = await readInvoiceImage(invoice.png, { pool: alone });
    // Each file ran alone, the other worker recognising half of its lines; same runs as one worker.
    expect(held.stats()).toMatchObject({ assisted: 2, completed: 2 });
    for (const reading of readings) expect(reading.page.runs).toEqual(unhelped.page.runs);
  }, 120_000);

  it('has two workers share one detector thread, reading what workers with their own detectors read', async () => {
    const shared = pool({ size: 2, shareIdleWorkers: false });
    const own = pool({ size: 2, shareIdleWorkers: false, sharedDetector: false });
    await Promise.all([shared.warmUp(), own.warmUp()]);
    expect(shared.stats().sharedDetector).toBe(true);
    expect(own.stats().sharedDetector).toBe(false);
    const [a, b, c] = await Promise.all([
      readInvoiceImage(invoice.png, { pool: shared }),
      readInvoiceImage(invoice.png, { pool: shared }),
      readInvoiceImage(invoice.png, { pool: own }),
    ]);
    expect(a.page.runs).toEqual(c.page.runs);
    expect(b.page.runs).toEqual(c.page.runs);
  }, 120_000);

  it('replaces every worker when the detector thread dies: its job fails as crashed, the next file reads', async () => {
    const p = pool({ size: 2, shareIdleWorkers: false });
    await p.warmUp();
    const inFlight = failure(readInvoiceImage(invoice.png, { pool: p }));
    p.crashDetectorForTest();
    expect(await inFlight).toBeInstanceOf(OcrWorkerCrashedError);
    await expect.poll(() => p.stats().replaced, { timeout: 10_000 }).toBe(2);
    const reading = await readInvoiceImage(invoice.png, { pool: p });
    expect(reading.qrPayloads).toEqual([SAMPLE_QR_PAYLOAD]);
    expect(reading.page.runs.map((r) => r.text)).toContain('发票号码:25437000000297554203');
    expect(p.stats()).toMatchObject({ workers: 2, sharedDetector: true });
  }, 120_000);

  it('stops a job over its time limit, replaces the worker and keeps serving', async () => {
    const p = pool({ size: 1, timeoutMs: 200 });
    await p.warmUp();
    const error = await failure(p.run({ kind: 'test-sleep', ms: 60_000 }));
    expect(error).toBeInstanceOf(OcrTimeoutError);
    expect(p.stats().replaced).toBe(1);
    const after = testSleepResultSchema.parse(await p.run({ kind: 'test-sleep', ms: 1 }));
    expect(after.threadId).toBeGreaterThan(0);
  }, 120_000);

  it('times out a real OCR job without stopping its thread inside onnxruntime (which would abort the process)', async () => {
    const p = pool({ size: 1, timeoutMs: 100 });
    await p.warmUp();
    expect(await failure(readInvoiceImage(invoice.png, { pool: p }))).toBeInstanceOf(OcrTimeoutError);
    expect(p.stats()).toMatchObject({ replaced: 1, busy: 0 });
    // The replacement serves the next file while the old thread finishes and is stopped.
    const next = testSleepResultSchema.parse(await p.run({ kind: 'test-sleep', ms: 1 }));
    expect(next.threadId).toBeGreaterThan(0);
  }, 120_000);

  it('fails only the job of a worker that dies, and replaces it', async () => {
    const p = pool({ size: 1 });
    await p.warmUp();
    const queued = p.run({ kind: 'test-sleep', ms: 1 });
    const crashed = await failure(p.run({ kind: 'test-crash' }).then(() => undefined));
    // The first job ran before the crash; the crash failed only its own job.
    expect(testSleepResultSchema.safeParse(await queued).success).toBe(true);
    expect(crashed).toBeInstanceOf(OcrWorkerCrashedError);
    expect(p.stats().replaced).toBe(1);
    expect(testSleepResultSchema.safeParse(await p.run({ kind: 'test-sleep', ms: 1 })).success).toBe(true);
  }, 120_000);

  it('refuses a decompression bomb before it reaches a worker', async () => {
    const p = pool({ size: 1 });
    const error = await failure(readInvoiceImage(pngBomb(), { pool: p }));
    expect(error).toBeInstanceOf(InvalidImageError);
    expect((error as InvalidImageError).reason).toBe('too-large');
    expect(p.stats().workers).toBe(0);
  });

  it('reports a corrupt image decoded in the worker as InvalidImageError', async () => {
    const p = pool({ size: 1 });
    // A valid PNG header over truncated pixel data: the header check passes, decoding fails.
    const truncated = invoice.png.subarray(0, 2000);
    const error = await failure(readInvoiceImage(truncated, { pool: p }));
    expect(error).toBeInstanceOf(InvalidImageError);
    expect((error as InvalidImageError).reason).toBe('corrupt');
  }, 120_000);

  it('runs the built worker (bundled JavaScript, as the app ships it)', async () => {
    // Two workers: the shared detector thread runs from its built entry too.
    const p = pool({ size: 2, workerUrl: await buildOcrWorker() });
    const reading = await readInvoiceImage(invoice.png, { pool: p });
    expect(reading.qrPayloads).toEqual([SAMPLE_QR_PAYLOAD]);
    expect(reading.page.runs.length).toBeGreaterThan(15);
    expect(p.stats()).toMatchObject({ workers: 2, sharedDetector: true });
  }, 120_000);

  it('fails waiting and new jobs once closed', async () => {
    const p = pool({ size: 1 });
    await p.warmUp();
    const running = failure(p.run({ kind: 'test-sleep', ms: 500 }));
    await p.close();
    expect(await running).toBeInstanceOf(OcrUnavailableError);
    expect(await failure(p.run({ kind: 'test-sleep', ms: 1 }))).toBeInstanceOf(OcrUnavailableError);
  }, 120_000);
});
