/**
 * The image path of invoice recognition on the generated corpus: per-kind latency (p50/p95) of
 * one file at a time through the worker pool (clean renders, phone photos, screenshots, scanned
 * PDF pages), throughput with every worker busy, the engine's RSS with the pool loaded (peak,
 * sampled), CPU-seconds per file (independent of what else runs on the machine), and the raw
 * text accuracy table: the share of ground-truth strings (number, code, date, names, tax ids,
 * totals, 大写, item amounts) found verbatim in one OCR run, and the QR decode rate.
 * The worker runs as built JavaScript, as the app ships it. Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { ensureInvoiceCorpus, type CorpusEntry } from '../tests/fixtures/invoices/corpus.js';
import {
  OcrPool,
  readInvoiceImage,
  readPdfPageImage,
  type ImageReadingDetails,
} from '../server/recognition/ocr/index.js';
import { buildOcrWorker } from '../server/recognition/ocr/testing/build-worker.js';
import { textAccuracy } from '../server/recognition/ocr/testing/text-accuracy.js';

const LIMIT = Number(process.env.BENCH_OCR_LIMIT ?? 1000);
const POOL_SIZE = Number(process.env.BENCH_OCR_WORKERS ?? 2);
const BUDGET = { cleanP50Ms: 1000, photoP50Ms: 2000, rssMb: 600 };

type Kind = 'clean image' | 'photo' | 'screenshot' | 'scanned PDF page';

function kindOf(entry: CorpusEntry): Kind | null {
  const { path, format } = entry.truth;
  if (path === 'image-clean') return format === 'pdf' ? 'scanned PDF page' : 'clean image';
  if (path === 'photo') return 'photo';
  if (path === 'screenshot') return 'screenshot';
  return null;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

function read(pool: OcrPool, entry: CorpusEntry, bytes: Buffer): Promise<ImageReadingDetails> {
  return entry.truth.format === 'pdf'
    ? readPdfPageImage(bytes, 1, { pool })
    : readInvoiceImage(bytes, { pool });
}

const corpus = await ensureInvoiceCorpus();
const byKind = new Map<Kind, { entry: CorpusEntry; bytes: Buffer }[]>();
for (const entry of corpus) {
  const kind = kindOf(entry);
  if (!kind) continue;
  const list = byKind.get(kind) ?? [];
  if (list.length < LIMIT) list.push({ entry, bytes: readFileSync(entry.path) });
  byKind.set(kind, list);
}

const rssBefore = process.memoryUsage().rss;
const pool = new OcrPool({
  size: POOL_SIZE,
  maxQueue: 1000,
  timeoutMs: 300_000,
  workerUrl: await buildOcrWorker(),
});
let started = performance.now();
await pool.warmUp();
const warmMs = performance.now() - started;
const rssWarm = process.memoryUsage().rss;
console.log(
  `核心数 ${String(os.availableParallelism())}，负载 ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
console.log(
  `OCR 池：${String(POOL_SIZE)} 个工作线程，启动 ${(warmMs / 1000).toFixed(1)} s；引擎 RSS ${mb(rssBefore)} → ${mb(rssWarm)} MB（模型已加载）`,
);

interface KindFigures {
  ms: number[];
  cpuMs: number[];
  found: number;
  total: number;
  qr: number;
  files: number;
}
const figures = new Map<Kind, KindFigures>();

// One file at a time: latency as a user dropping one invoice sees it.
for (const [kind, items] of byKind) {
  const f: KindFigures = { ms: [], cpuMs: [], found: 0, total: 0, qr: 0, files: 0 };
  for (const { entry, bytes } of items) {
    const cpu = process.cpuUsage();
    started = performance.now();
    const reading = await read(pool, entry, bytes);
    f.ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    f.cpuMs.push((used.user + used.system) / 1000);
    const truth = entry.truth.invoices[0];
    if (!truth) continue;
    const accuracy = textAccuracy(truth, reading.page.runs);
    f.found += accuracy.found;
    f.total += accuracy.total;
    f.files += 1;
    if (truth.qr && reading.qrPayloads.includes(truth.qr)) f.qr += 1;
  }
  figures.set(kind, f);
}

console.log('\n| 类型 | 文件数 | p50 (s) | p95 (s) | CPU/张 (s) | 原文命中率 | 二维码解出 |');
console.log('|---|---|---|---|---|---|---|');
for (const [kind, f] of figures) {
  console.log(
    `| ${kind} | ${String(f.files)} | ${(percentile(f.ms, 50) / 1000).toFixed(2)} | ${(percentile(f.ms, 95) / 1000).toFixed(2)} | ${(percentile(f.cpuMs, 50) / 1000).toFixed(2)} | ${((100 * f.found) / Math.max(1, f.total)).toFixed(1)} % (${String(f.found)}/${String(f.total)}) | ${String(f.qr)}/${String(f.files)} |`,
  );
}

// Throughput: every clean image and photo submitted at once.
const burst = [...(byKind.get('clean image') ?? []), ...(byKind.get('photo') ?? [])];
started = performance.now();
await Promise.all(burst.map(({ entry, bytes }) => read(pool, entry, bytes)));
const burstSeconds = (performance.now() - started) / 1000;
console.log(
  `\n吞吐：${String(burst.length)} 个文件同时提交，${burstSeconds.toFixed(1)} s，${(burst.length / burstSeconds).toFixed(2)} 张/秒（${String(POOL_SIZE)} 个工作线程）`,
);
await pool.close();
clearInterval(sampler);
console.log(`引擎 RSS 峰值（池已加载、满负荷）：${mb(peakRss)} MB（预算 ≤ ${String(BUDGET.rssMb)} MB）`);

const clean = figures.get('clean image');
const photo = figures.get('photo');
if (clean)
  console.log(
    `干净图片 p50 ${(percentile(clean.ms, 50) / 1000).toFixed(2)} s（预算 ≤ ${String(BUDGET.cleanP50Ms / 1000)} s）`,
  );
if (photo)
  console.log(
    `手机照片 p50 ${(percentile(photo.ms, 50) / 1000).toFixed(2)} s（预算 ≤ ${String(BUDGET.photoP50Ms / 1000)} s）`,
  );
