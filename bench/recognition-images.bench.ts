/**
 * The image path of invoice recognition on the generated corpus: per-kind latency (p50/p95) of
 * one file at a time through the worker pool (clean renders, phone photos, screenshots, scanned
 * PDF pages), throughput with every worker busy, the RSS of the process holding the pool (loaded,
 * one file at a time, every worker busy), CPU-seconds per file (independent of what else runs on
 * the machine), and the raw text accuracy table: the share of ground-truth strings (number, code,
 * date, names, tax ids, totals, 大写, item amounts) found verbatim in one OCR run, and the QR
 * decode rate. The pool runs in its own plain Node process on built JavaScript (as the app ships
 * it), with the engine's environment (`engineEnvironment()`), so the bench's own memory (tsx, the
 * corpus generator) is not counted. Prints figures; asserts nothing.
 *
 * BENCH_OCR_LIMIT=n files per kind; BENCH_OCR_WORKERS=n workers; BENCH_OCR_SHARE=0 turns off
 * idle workers helping a lone file.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { engineEnvironment } from '../electron/main/services/engine-host/engine-launcher.js';
import { ensureInvoiceCorpus, type CorpusEntry } from '../tests/fixtures/invoices/corpus.js';
import { buildOcrProcess, buildOcrWorker } from '../server/recognition/ocr/testing/build-worker.js';
import { textAccuracy } from '../server/recognition/ocr/testing/text-accuracy.js';
import { imageReadingDetailsSchema } from '../server/recognition/ocr/worker-protocol.js';

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
const load = () => (os.loadavg()[0] ?? 0).toFixed(1);

interface Answer {
  id?: number;
  reading?: unknown;
  error?: string;
  cpuMs?: number;
  ready?: boolean;
  rssBefore?: number;
  rssWarm?: number;
  stats?: { peakRss: number; rss: number; pool: Record<string, number> };
}

/** The OCR process and a request/answer channel to it. */
class OcrProcess {
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private statsWaiter: ((answer: Answer) => void) | null = null;
  private nextId = 1;
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (answer: Answer) => {
      if (answer.stats) this.statsWaiter?.(answer);
      else if (answer.id !== undefined) this.waiting.get(answer.id)?.(answer);
    });
  }

  static async start(): Promise<{ process: OcrProcess; ready: Answer }> {
    const [entry, worker] = await Promise.all([buildOcrProcess(), buildOcrWorker()]);
    const child = fork(fileURLToPath(entry), [], {
      env: {
        ...engineEnvironment(),
        OCR_BENCH_WORKER_URL: worker.href,
        OCR_BENCH_WORKERS: String(POOL_SIZE),
        OCR_BENCH_SHARE: process.env.BENCH_OCR_SHARE ?? '1',
      },
      execArgv: [],
    });
    const ready = await new Promise<Answer>((resolve, reject) => {
      child.once('message', (answer: Answer) => resolve(answer));
      child.once('exit', (code) => reject(new Error(`OCR process exited (${String(code)})`)));
    });
    return { process: new OcrProcess(child), ready };
  }

  read(entry: CorpusEntry): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, file: entry.path, pdf: entry.truth.format === 'pdf' });
    });
  }

  stats(): Promise<NonNullable<Answer['stats']>> {
    return new Promise((resolve) => {
      this.statsWaiter = (answer) => {
        if (answer.stats) resolve(answer.stats);
      };
      this.child.send({ stats: true });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ close: true });
    });
  }
}

const corpus = await ensureInvoiceCorpus();
const byKind = new Map<Kind, CorpusEntry[]>();
for (const entry of corpus) {
  const kind = kindOf(entry);
  if (!kind) continue;
  const list = byKind.get(kind) ?? [];
  if (list.length < LIMIT) list.push(entry);
  byKind.set(kind, list);
}

let started = performance.now();
const { process: ocr, ready } = await OcrProcess.start();
const warmMs = performance.now() - started;
console.log(
  `核心数 ${String(os.availableParallelism())}，负载 ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
console.log(
  `OCR 进程：${String(POOL_SIZE)} 个工作线程，启动 ${(warmMs / 1000).toFixed(1)} s；RSS ${mb(ready.rssBefore ?? 0)} → ${mb(ready.rssWarm ?? 0)} MB（模型已加载）`,
);

interface KindFigures {
  ms: number[];
  cpuMs: number[];
  found: number;
  total: number;
  qr: number;
  files: number;
  load: string;
}
const figures = new Map<Kind, KindFigures>();

// One file at a time: latency as a user dropping one invoice sees it.
for (const [kind, items] of byKind) {
  const f: KindFigures = { ms: [], cpuMs: [], found: 0, total: 0, qr: 0, files: 0, load: load() };
  for (const entry of items) {
    started = performance.now();
    const answer = await ocr.read(entry);
    f.ms.push(performance.now() - started);
    if (answer.error !== undefined || answer.cpuMs === undefined) {
      console.log(`${entry.truth.id}: ${answer.error ?? 'no answer'}`);
      continue;
    }
    f.cpuMs.push(answer.cpuMs);
    const reading = imageReadingDetailsSchema.parse(answer.reading);
    const truth = entry.truth.invoices[0];
    if (!truth) continue;
    const accuracy = textAccuracy(truth, reading.page.runs);
    f.found += accuracy.found;
    f.total += accuracy.total;
    f.files += 1;
    if (truth.qr && reading.qrPayloads.includes(truth.qr)) f.qr += 1;
  }
  f.load += ` → ${load()}`;
  figures.set(kind, f);
}
const sequential = await ocr.stats();

console.log('\n| 类型 | 文件数 | p50 (s) | p95 (s) | CPU/张 (s) | 原文命中率 | 二维码解出 | 负载 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [kind, f] of figures) {
  console.log(
    `| ${kind} | ${String(f.files)} | ${(percentile(f.ms, 50) / 1000).toFixed(2)} | ${(percentile(f.ms, 95) / 1000).toFixed(2)} | ${(percentile(f.cpuMs, 50) / 1000).toFixed(2)} | ${((100 * f.found) / Math.max(1, f.total)).toFixed(1)} % (${String(f.found)}/${String(f.total)}) | ${String(f.qr)}/${String(f.files)} | ${f.load} |`,
  );
}
console.log(
  `逐个识别时 OCR 进程 RSS 峰值 ${mb(sequential.peakRss)} MB；空闲工作线程协助 ${String(sequential.pool.assisted ?? 0)} 次，无空闲 ${String(sequential.pool.assistRefused ?? 0)} 次`,
);

// Throughput: every clean image and photo submitted at once.
const burst = [...(byKind.get('clean image') ?? []), ...(byKind.get('photo') ?? [])];
const burstLoad = load();
started = performance.now();
await Promise.all(burst.map((entry) => ocr.read(entry)));
const burstSeconds = (performance.now() - started) / 1000;
const busy = await ocr.stats();
console.log(
  `\n吞吐：${String(burst.length)} 个文件同时提交，${burstSeconds.toFixed(1)} s，${(burst.length / burstSeconds).toFixed(2)} 张/秒（${String(POOL_SIZE)} 个工作线程，负载 ${burstLoad} → ${load()}）`,
);
await ocr.close();
const peakRss = Math.max(sequential.peakRss, busy.peakRss);
console.log(
  `OCR 进程 RSS 峰值（池已加载、满负荷）：${mb(peakRss)} MB（预算：引擎整体 ≤ ${String(BUDGET.rssMb)} MB）`,
);

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
