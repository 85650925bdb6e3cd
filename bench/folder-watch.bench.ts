/**
 * Folder watch: time to drain a batch of invoices dropped into a watched folder at once, against
 * the engine's own recognition throughput on the same files (the same uploads sent directly with
 * the ApiClient, as many at a time as the watcher sends). The watcher is the production one — real
 * chokidar, real cache.db queue, ApiProxy — and the engine runs in its own process, as in the app.
 * Two mixes made from the committed demo invoices: text-layer PDFs with OFD and 数电 XML, and images
 * (OCR). Prints figures; asserts nothing.
 *
 *   FOLDER_WATCH_BENCH_TEXT=300 FOLDER_WATCH_BENCH_IMAGES=30 npx tsx bench/folder-watch.bench.ts
 *
 * Images default to 30: OCR takes seconds per image on two cores, and each mix is uploaded twice.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../shared/api/client.js';
import { fileLogger } from '../electron/main/testing/test-support.js';
import { ApiProxy } from '../electron/main/services/api-proxy/api-proxy.js';
import { openCacheDb } from '../electron/main/services/cache/cache-db.js';
import { ReachabilityTracker } from '../electron/main/services/reachability/reachability-tracker.js';
import { apiInvoiceUploader } from '../electron/main/services/folder-watch/api-invoice-uploader.js';
import { FolderWatchService } from '../electron/main/services/folder-watch/folder-watch-service.js';
import {
  INVOICE_KIND_MEDIA_TYPES,
  sniffInvoiceKind,
} from '../electron/main/services/folder-watch/invoice-file-kind.js';
import type { WatchedFolder } from '../shared/folder-watch.js';
import { openEngineDataDir } from '../server/engine-runtime.js';
import { createAccountSet } from '../server/tenancy/account-sets.js';
import { issueKey } from '../server/tenancy/tenant-keys.js';
import { createTenant } from '../server/tenancy/tenants.js';
import { collect, waitForExit, waitForLine } from '../server/testing/child-process-output.js';

const TEXT_COUNT = Number(process.env.FOLDER_WATCH_BENCH_TEXT ?? 300);
const IMAGE_COUNT = Number(process.env.FOLDER_WATCH_BENCH_IMAGES ?? 30);
/** The watcher's default: two uploads at a time, matching the engine's recognition pool. */
const CONCURRENCY = 2;

interface BenchFile {
  name: string;
  format: string;
  bytes: Buffer;
}

// ——— distinct copies of the corpus files (every file its own content, still a valid document) ———

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngTextChunk(text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A copy with its own bytes: a PDF comment after %%EOF, an XML comment, a PNG tEXt chunk, a JPEG COM segment. */
function variant(bytes: Buffer, format: string, n: number): Buffer {
  const tag = `zxe-bench-${String(n)}`;
  switch (format) {
    case 'pdf':
      return Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`, 'latin1')]);
    case 'xml':
      return Buffer.concat([bytes, Buffer.from(`\n<!-- ${tag} -->\n`, 'utf8')]);
    case 'ofd': {
      // A zip's end record may carry a comment: set it (its length field is the record's last 2 bytes).
      const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      if (end < 0 || bytes.readUInt16LE(end + 20) !== 0) throw new Error('unexpected OFD zip end record');
      const record = Buffer.from(bytes.subarray(end, end + 22));
      record.writeUInt16LE(tag.length, 20);
      return Buffer.concat([bytes.subarray(0, end), record, Buffer.from(tag, 'latin1')]);
    }
    case 'png': {
      const iend = bytes.length - 12;
      return Buffer.concat([bytes.subarray(0, iend), pngTextChunk(tag), bytes.subarray(iend)]);
    }
    case 'jpg': {
      const text = Buffer.from(tag, 'latin1');
      const header = Buffer.from([0xff, 0xfe, 0, 0]);
      header.writeUInt16BE(text.length + 2, 2);
      return Buffer.concat([bytes.subarray(0, 2), header, text, bytes.subarray(2)]);
    }
    default:
      throw new Error(`no variant for ${format}`);
  }
}

const DEMO_DIR = fileURLToPath(new URL('../resources/demo-invoices/', import.meta.url));

/** The committed demo invoices (text-layer PDFs, OFD, 数电 XML, a PNG), each copied into distinct variants. */
function mixes(): { text: BenchFile[]; images: BenchFile[] } {
  const sources = readdirSync(DEMO_DIR)
    .filter((file) => file !== 'index.json')
    .map((file) => ({
      file,
      format: path.extname(file).slice(1),
      bytes: readFileSync(path.join(DEMO_DIR, file)),
    }));
  const spread = (formats: string[], count: number): BenchFile[] => {
    const from = sources.filter((s) => formats.includes(s.format));
    return Array.from({ length: count }, (_, n) => {
      const source = from[n % from.length];
      if (!source) throw new Error('no demo invoices');
      return {
        name: `${String(n + 1).padStart(4, '0')}-${source.file}`,
        format: source.format,
        bytes: variant(source.bytes, source.format, n),
      };
    });
  };
  return { text: spread(['pdf', 'ofd', 'xml'], TEXT_COUNT), images: spread(['png', 'jpg'], IMAGE_COUNT) };
}

// ——— the engine in its own process ———

function prepareDataDir(dir: string): {
  apiKey: string;
  warmup: string;
  direct: string;
  directAfter: string;
  watched: string;
} {
  const db = openEngineDataDir(dir);
  try {
    const tenant = createTenant(db, { name: '基准测试' });
    const warmup = createAccountSet(db, { tenantId: tenant.id, name: '预热有限公司' });
    const direct = createAccountSet(db, { tenantId: tenant.id, name: '直接上传有限公司' });
    const directAfter = createAccountSet(db, { tenantId: tenant.id, name: '再次直接上传有限公司' });
    const watched = createAccountSet(db, { tenantId: tenant.id, name: '文件夹监控有限公司' });
    const issued = issueKey(db, {
      tenantId: tenant.id,
      mode: 'test',
      rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
    });
    return {
      apiKey: issued.key,
      warmup: warmup.id,
      direct: direct.id,
      directAfter: directAfter.id,
      watched: watched.id,
    };
  } finally {
    db.close();
  }
}

function rssOfPid(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of a process and its descendants (tsx starts the engine in a child of its own). */
function rssOfTree(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${String(pid)}/task`).flatMap((task) =>
      readFileSync(`/proc/${String(pid)}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    // Gone, or no /proc: what was read so far.
  }
  return rssOfPid(pid) + children.reduce((sum, child) => sum + rssOfTree(child), 0);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The engine's own throughput: the same uploads straight from the ApiClient, CONCURRENCY at a time. */
async function direct(
  client: ApiClient,
  accountSetId: string,
  files: BenchFile[],
): Promise<{ seconds: number; failed: number }> {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const file = files[i];
        if (!file) break;
        const kind = sniffInvoiceKind(file.bytes);
        try {
          await client.recognizeInvoice(
            {
              file: file.bytes,
              filename: file.name,
              account_id: accountSetId,
              contentType: kind ? INVOICE_KIND_MEDIA_TYPES[kind] : undefined,
            },
            { timeoutMs: 120_000 },
          );
        } catch {
          failed += 1;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, failed };
}

async function watched(
  options: { baseUrl: string; apiKey: string; accountSetId: string; engineRss: () => number },
  files: BenchFile[],
): Promise<{
  seconds: number;
  done: number;
  failed: number;
  peakRss: number;
  peakEngineRss: number;
  uploads: number;
  cpuMs: number;
}> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-fw-'));
  const inbox = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-inbox-'));
  const logger = fileLogger(userDataDir);
  const { db } = openCacheDb({ file: path.join(userDataDir, 'cache.db'), logger });
  const proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl: options.baseUrl, apiKey: options.apiKey })),
    reachability: new ReachabilityTracker(),
    logger,
    policy: {
      maxAttempts: 5,
      baseDelayMs: 250,
      maxDelayMs: 8_000,
      attemptTimeoutMs: 120_000,
      callTimeoutMs: 300_000,
    },
    honoursIdempotencyKey: () => true,
  });
  let folders: WatchedFolder[] = [];
  let markDrained: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => {
    markDrained = resolve;
  });
  let uploads = 0;
  const upload = apiInvoiceUploader(proxy);
  const service = new FolderWatchService({
    db,
    folders: { list: () => folders, save: (next) => (folders = next) },
    upload: (request) => {
      uploads += 1;
      return upload(request);
    },
    scope: () => 'local',
    appDataDir: userDataDir,
    logger,
    concurrency: CONCURRENCY,
    onProgress: (progress) => {
      const counts = progress.folders[0]?.counts;
      if (counts && counts.done + counts.failed >= files.length) markDrained();
    },
  });
  await service.start();
  await service.addFolder({
    path: inbox,
    accountSetId: options.accountSetId,
    recursive: false,
    afterUpload: 'leave',
  });

  let peakRss = process.memoryUsage().rss;
  let peakEngineRss = options.engineRss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakEngineRss = Math.max(peakEngineRss, options.engineRss());
  }, 200);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // Dropped at once, like a scanner's batch or an unzipped download.
  for (const file of files) writeFileSync(path.join(inbox, file.name), file.bytes);
  // Drained: every file has its verdict, as the progress events tell (no polling to skew the CPU figure).
  await drained;
  await service.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const counts = service.snapshot(0).folders[0]?.counts;
  await service.dispose();
  proxy.dispose();
  db.close();
  rmSync(inbox, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
  return {
    seconds,
    done: counts?.done ?? 0,
    failed: counts?.failed ?? 0,
    peakRss,
    peakEngineRss,
    uploads,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function main(): Promise<void> {
  const { text, images } = mixes();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-'));
  mkdirSync(dir, { recursive: true });
  const {
    apiKey,
    warmup: warmupSet,
    direct: directSet,
    directAfter: directAfterSet,
    watched: watchedSet,
  } = prepareDataDir(dir);
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const cli = fileURLToPath(new URL('../server/cli.ts', import.meta.url));
  const engine = spawn(process.execPath, [tsxCli, cli, '--port', '0', '--data', dir], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const stderr = collect(engine.stderr);
  let exited: string | undefined;
  engine.once('exit', (code, signal) => {
    exited = `退出码 ${String(code)}，信号 ${String(signal)}`;
  });
  const engineAlive = () => {
    if (exited !== undefined) throw new Error(`引擎进程已退出（${exited}）：${stderr().slice(-2000)}`);
  };
  try {
    const [, url = ''] = await waitForLine(engine.stdout, /^账小二引擎已启动：(http:\/\/\S+)$/);
    const client = new ApiClient({ baseUrl: url, apiKey, timeoutMs: 120_000 });
    const cpus = os.cpus();
    console.log(
      '基准：文件夹监控排空一批票据（引擎独立进程；监控器为正式实现：chokidar、cache.db 队列、ApiProxy）',
    );
    console.log(
      `机器：${String(cpus.length)} × ${cpus[0]?.model ?? '未知 CPU'}，内存 ${String(Math.round(os.totalmem() / 2 ** 30))} GB；Node ${process.version}`,
    );
    console.log(
      `并发上传 ${String(CONCURRENCY)}；对比基准为同一批文件由 ApiClient 直接上传（同样并发 ${String(CONCURRENCY)}，监控前后各一次取平均）；目标比值 ≥ 0.9`,
    );

    for (const [name, files] of [
      ['图片（OCR）', images],
      ['文本层 PDF + OFD + 数电 XML', text],
    ] as const) {
      if (files.length === 0) continue;
      engineAlive();
      const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
      const distinct = new Set(files.map((f) => createHash('sha256').update(f.bytes).digest('hex'))).size;
      // Warm the engine's readers (pdfjs, OCR models) so neither run pays for it.
      await direct(client, warmupSet, files.slice(0, 2));
      // Direct before and after the watcher, into fresh account sets: the machine's drift counts for both.
      const before = await direct(client, directSet, files);
      const run = await watched(
        { baseUrl: url, apiKey, accountSetId: watchedSet, engineRss: () => rssOfTree(engine.pid) },
        files,
      );
      engineAlive();
      const after = await direct(client, directAfterSet, files);
      engineAlive();
      const baseline = {
        seconds: (before.seconds + after.seconds) / 2,
        failed: before.failed + after.failed,
      };
      const directRate = files.length / baseline.seconds;
      const watchRate = run.done / run.seconds;
      console.log(
        `${name}：${String(files.length)} 个文件（互不相同 ${String(distinct)}，共 ${mb(bytes)}）\n` +
          `  直接上传：${before.seconds.toFixed(1)} 秒（监控前）与 ${after.seconds.toFixed(1)} 秒（监控后），平均 ${directRate.toFixed(2)} 张/秒（失败 ${String(baseline.failed)}）\n` +
          `  文件夹监控：${run.seconds.toFixed(1)} 秒排空，${watchRate.toFixed(2)} 张/秒（已识别 ${String(run.done)}，失败 ${String(run.failed)}，上传请求 ${String(run.uploads)}）\n` +
          `  比值（监控 / 直接）：${(watchRate / directRate).toFixed(2)}${watchRate / directRate >= 0.9 ? '，达到目标' : '，未达目标'}\n` +
          `  监控自身的 CPU：${(run.cpuMs / Math.max(1, run.done + run.failed)).toFixed(1)} ms/张（本进程用户态+内核态，引擎另计；与机器负载无关的开销指标）\n` +
          `  内存：监控所在进程 RSS 峰值 ${mb(run.peakRss)}（含本基准读入内存的全部文件 ${mb(bytes)}），引擎进程 RSS 峰值 ${mb(run.peakEngineRss)}`,
      );
    }
    engine.kill('SIGTERM');
    await waitForExit(engine);
  } catch (error) {
    engine.kill('SIGKILL');
    console.error(stderr());
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
