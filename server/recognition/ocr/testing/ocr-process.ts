/**
 * A process that holds only the OCR pool, started by the image bench so that the engine-side
 * figures (RSS with the pool loaded, CPU per file) are those of a plain Node process running the
 * built code, not of the bench's own process (tsx, the corpus generator, every file read in).
 * Protocol over the IPC channel: `{ id, file, pdf }` in, `{ id, reading | error, cpuMs }` out;
 * `{ stats: true }` answers the peak RSS sampled since the last stats request.
 */
import { readFile } from 'node:fs/promises';
import { OcrPool, readInvoiceImage, readPdfPageImage } from '../index.js';

interface Request {
  id: number;
  file: string;
  pdf: boolean;
}

const send = (message: unknown) => process.send?.(message);
const pool = new OcrPool({
  size: Number(process.env.OCR_BENCH_WORKERS ?? 2),
  maxQueue: 1000,
  timeoutMs: 300_000,
  workerUrl: new URL(process.env.OCR_BENCH_WORKER_URL ?? ''),
  shareIdleWorkers: process.env.OCR_BENCH_SHARE !== '0',
  // OCR_BENCH_SHARED_DETECTOR=0: every worker opens its own detector (to compare memory).
  sharedDetector: process.env.OCR_BENCH_SHARED_DETECTOR !== '0',
});
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 25);
const rssBefore = process.memoryUsage().rss;
await pool.warmUp();
send({ ready: true, rssBefore, rssWarm: process.memoryUsage().rss });

process.on('message', (raw: Request | { stats: true } | { close: true }) => {
  if ('stats' in raw) {
    send({ stats: { peakRss: peak, rss: process.memoryUsage().rss, pool: pool.stats() } });
    peak = process.memoryUsage().rss;
    return;
  }
  if ('close' in raw) {
    clearInterval(sampler);
    void pool.close().then(() => process.exit(0));
    return;
  }
  void (async () => {
    const cpu = process.cpuUsage();
    try {
      const bytes = await readFile(raw.file);
      const reading = raw.pdf
        ? await readPdfPageImage(bytes, 1, { pool })
        : await readInvoiceImage(bytes, { pool });
      const used = process.cpuUsage(cpu);
      send({ id: raw.id, reading, cpuMs: (used.user + used.system) / 1000 });
    } catch (error) {
      send({ id: raw.id, error: String(error) });
    }
  })();
});
