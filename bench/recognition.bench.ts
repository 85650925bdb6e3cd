/**
 * Invoice recognition: latency per reading path through POST /api/v2/invoice/recognize (in-process
 * inject, so the figures are the engine's own work: multipart, reading, extraction, checks, the
 * write), the field-level accuracy table against the generated corpus, and the engine's RSS.
 * Text paths (PDF text layer, OFD, XML) run every document RUNS times after a warm-up; image paths
 * (OCR worker pool) run every document once. Beside wall time it prints the engine's CPU time per
 * request (process.cpuUsage around each inject: requests run one at a time, so this is the request's
 * own work), which other jobs on a shared machine inflate far less than wall time.
 * `--text` measures the text paths only (no image child). Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { invoiceRecordSchema } from '../shared/api/invoice.js';
import { compareWithTruth } from '../server/recognition/testing/field-accuracy.js';
import { uploadInvoice } from '../server/recognition/testing/invoice-upload.js';
import { accountSetId } from '../server/testing/ledger-fixtures.js';
import { createTestEngine } from '../server/testing/test-engine.js';
import { ensureInvoiceCorpus, type CorpusEntry } from '../tests/fixtures/invoices/corpus.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The image paths (OCR worker pool) run in a child process: a native fault there cannot take the text figures with it. */
const IMAGES_ONLY = process.argv.includes('--images');
const TEXT_ONLY = process.argv.includes('--text');
const TEXT_PATHS = ['pdf-text', 'ofd', 'xml', 'multi-page'] as const;
const IMAGE_PATHS = ['image-clean', 'screenshot', 'photo', 'receipt'] as const;
const BUDGET_MS: Record<string, number> = {
  'pdf-text': 50,
  ofd: 50,
  xml: 50,
  'image-clean': 1000,
  photo: 2000,
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

const corpus = await ensureInvoiceCorpus();
const engine = createTestEngine();
const accountId = accountSetId(engine, engine.tenantA);

interface PathFigures {
  docs: number;
  times: number[];
  cpu: number[];
  fields: number;
  exact: number;
  failed: number;
}
const figures = new Map<string, PathFigures>();

async function recognizeOnce(
  entry: CorpusEntry,
  bytes: Buffer,
  page: number,
  measure: boolean,
): Promise<void> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const res = await uploadInvoice(
    engine,
    engine.tenantA.apiKey,
    { account_id: accountId, page: String(page) },
    { bytes, name: entry.truth.file },
  );
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const f = figures.get(entry.truth.path) ?? {
    docs: 0,
    times: [],
    cpu: [],
    fields: 0,
    exact: 0,
    failed: 0,
  };
  figures.set(entry.truth.path, f);
  if (!measure) return;
  f.times.push(elapsed);
  f.cpu.push((cpu.user + cpu.system) / 1000);
  if (res.statusCode !== 200) {
    f.failed += 1;
    return;
  }
  const truth = entry.truth.invoices[page - 1];
  if (!truth) return;
  const comparisons = compareWithTruth(invoiceRecordSchema.parse(JSON.parse(res.body)), truth);
  f.fields += comparisons.length;
  f.exact += comparisons.filter((c) => c.exact).length;
}

for (const path of IMAGES_ONLY ? IMAGE_PATHS : TEXT_PATHS) {
  const docs = corpus.filter((e) => e.truth.path === path);
  const text = (TEXT_PATHS as readonly string[]).includes(path);
  for (const entry of docs) {
    const bytes = readFileSync(entry.path);
    const pages = entry.truth.invoices.length;
    if (text) await recognizeOnce(entry, bytes, 1, false);
    for (let run = 0; run < (text ? RUNS : 1); run += 1) {
      // Accuracy counts each page once; later runs only add timings.
      for (let page = 1; page <= (run === 0 ? pages : 1); page += 1)
        await recognizeOnce(entry, bytes, page, true);
    }
  }
  const f = figures.get(path);
  if (f) f.docs = docs.length;
}

const rows = [...figures.entries()].map(([path, f]) => ({
  path,
  documents: f.docs,
  requests: f.times.length,
  p50_ms: Math.round(percentile(f.times, 0.5)),
  p95_ms: Math.round(percentile(f.times, 0.95)),
  cpu_p50_ms: Math.round(percentile(f.cpu, 0.5)),
  budget_p50_ms: BUDGET_MS[path] ?? '—',
  fields_exact: `${String(f.exact)}/${String(f.fields)}`,
  accuracy: f.fields ? `${((100 * f.exact) / f.fields).toFixed(2)} %` : '—',
  refused: f.failed,
}));
console.log(
  IMAGES_ONLY
    ? '发票识别（图像路径，OCR 工作池）：延迟与字段准确率'
    : `发票识别（文字路径）：每条路径的延迟（经 POST /api/v2/invoice/recognize，每份 ${String(RUNS)} 次）与字段准确率`,
);
console.table(rows);
const rss = process.memoryUsage().rss / 1024 / 1024;
const [load = 0] = loadavg();
console.log(
  `引擎进程 RSS：${rss.toFixed(0)} MB；测量时 1 分钟平均负载 ${load.toFixed(2)}（${String(cpus().length)} 核）`,
);
await engine.close();
if (IMAGES_ONLY) {
  const ocr = await import('../server/recognition/ocr/index.js');
  await ocr.closeOcrPool();
} else if (!TEXT_ONLY) {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawnSync(process.execPath, [tsx, fileURLToPath(import.meta.url), '--images'], {
    stdio: 'inherit',
  });
  if (child.status !== 0)
    console.log(`图像路径基准异常退出（${String(child.status ?? child.signal)}），文字路径数据不受影响`);
}
