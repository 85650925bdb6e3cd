/**
 * The whole engine's memory as the app runs it: the built engine process (out/main/engine.js,
 * started as the desktop starts it, with its environment) is sent the generated corpus over HTTP —
 * every text-layer PDF, OFD and XML, then every image one at a time, then every image with ten
 * requests in flight (the OCR pool busy) — while its RSS is sampled from /proc. Prints, against the
 * 600 MB budget, each phase's peak, the RSS straight after it and once the engine has rested two
 * seconds (the pool loaded, idle), and the process's lifetime peak. Linux only.
 * BENCH_RSS_LIMIT=n limits the images per kind, BENCH_RSS_IN_FLIGHT=n the requests in flight (10); BENCH_RSS_LOGS=1 shows the engine's log. Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_ENGINE_ENTRY, startBuiltEngine } from '../tests/e2e/built-engine.js';
import { ensureInvoiceCorpus, type CorpusEntry } from '../tests/fixtures/invoices/corpus.js';

const BUDGET_MB = 600;
const LIMIT = Number(process.env.BENCH_RSS_LIMIT ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_RSS_IN_FLIGHT ?? 10);
const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(BUILT_ENGINE_ENTRY)) {
  console.log('out/main/engine.js 不存在，先构建（electron-vite build）…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('electron-vite build failed');
}

const corpus = await ensureInvoiceCorpus();
const textDocs = corpus.filter((e) => ['pdf-text', 'ofd', 'xml', 'multi-page'].includes(e.truth.path));
const perKind = new Map<string, number>();
const images = corpus.filter((e) => {
  if (!['image-clean', 'photo', 'screenshot'].includes(e.truth.path)) return false;
  const key = `${e.truth.path}/${e.truth.format}`;
  perKind.set(key, (perKind.get(key) ?? 0) + 1);
  return (perKind.get(key) ?? 0) <= LIMIT;
});

const engine = await startBuiltEngine({ logs: process.env.BENCH_RSS_LOGS === '1' });
const { pid } = engine;

function rssMb(): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, rssMb());
}, 20);
/** How long the engine is left alone after a phase before its resting RSS is read. */
const REST_MS = 2000;
interface PhaseFigures {
  peak: number;
  after: number;
  rested: number;
  seconds: number;
}
/**
 * Runs a phase: the peak RSS sampled during it, the RSS straight after, and once the engine has
 * rested REST_MS (idle OCR workers hand freed memory back after a second).
 */
async function phase(work: () => Promise<void>): Promise<PhaseFigures> {
  peak = rssMb();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  const after = rssMb();
  const during = Math.max(peak, after);
  await new Promise((resolve) => setTimeout(resolve, REST_MS));
  return { peak: during, after, rested: rssMb(), seconds };
}

let failures = 0;
async function recognize(doc: CorpusEntry): Promise<void> {
  const response = await engine.recognize(readFileSync(doc.path), path.basename(doc.path));
  if (response.status >= 300) {
    failures += 1;
    if (failures <= 3)
      console.log(`${path.basename(doc.path)}：${String(response.status)} ${response.body.slice(0, 200)}`);
  }
}
async function inFlight(docs: CorpusEntry[], width: number): Promise<void> {
  const queue = [...docs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) await recognize(doc);
    }),
  );
}

await new Promise((resolve) => setTimeout(resolve, 1000));
const idle = rssMb();
const text = await phase(() => inFlight(textDocs, 1));
const firstImage = images[0];
const warm = await phase(async () => {
  if (firstImage) await recognize(firstImage);
});
const sequential = await phase(() => inFlight(images, 1));
const busy = await phase(() => inFlight(images, IN_FLIGHT));
clearInterval(sampler);
const hwm =
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'))?.[1] ?? 0) / 1024;
await engine.stop();

const mb = (v: number) => v.toFixed(0);
console.log(
  `引擎进程（out/main/engine.js）RSS，负载 ${(os.loadavg()[0] ?? 0).toFixed(1)}，预算 ≤ ${String(BUDGET_MB)} MB`,
);
console.log(
  `| 阶段 | 文件数 | 用时 (s) | RSS 峰值 (MB) | 刚结束 (MB) | 静置 ${String(REST_MS / 1000)} s 后 (MB) |`,
);
console.log('|---|---|---|---|---|---|');
console.log(`| 启动后空闲 | 0 | – | ${mb(idle)} | ${mb(idle)} | ${mb(idle)} |`);
const row = (name: string, n: number, p: PhaseFigures) =>
  console.log(
    `| ${name} | ${String(n)} | ${p.seconds.toFixed(1)} | ${mb(p.peak)} | ${mb(p.after)} | ${mb(p.rested)} |`,
  );
row('文本层 PDF / OFD / XML，逐个', textDocs.length, text);
row('第一张图片（OCR 池加载）', firstImage ? 1 : 0, warm);
row('图片逐个', images.length, sequential);
row(`图片 ${String(IN_FLIGHT)} 个并发（池满负荷）`, images.length, busy);
const rested = Math.max(warm.rested, sequential.rested, busy.rested);
console.log(`池已加载、静置时 RSS 最高 ${mb(rested)} MB${rested <= BUDGET_MB ? '，在预算内' : '，超出预算'}`);
console.log(`进程生命周期 RSS 峰值（VmHWM）：${mb(hwm)} MB${hwm <= BUDGET_MB ? '，在预算内' : '，超出预算'}`);
console.log(`非 2xx 响应：${String(failures)}`);
