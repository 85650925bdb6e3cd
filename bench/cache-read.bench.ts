/**
 * Opening a cached report: how long the renderer waits for a report main serves from cache.db
 * while the engine is unreachable. Three figures, each as median and p95 over N runs:
 *   1. ReportsCache.load alone (prepared SELECT + JSON.parse + zod),
 *   2. the whole IPC call getReport through the router with the local engine stopped
 *      (argument check, proxy failing fast, cache fallback, result parsed with the contract),
 *   3. a cold open: cache.db opened (WAL, migration check) and the first report read.
 * The cache holds 540 reports (5 account sets × 3 statements × 36 months). Budget: ≤ 20 ms.
 * Prints figures; asserts nothing (tests never assert wall time; benches print it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../electron/main/app-services.js';
import { createLogger } from '../electron/main/logging/logger.js';
import { SecretRedactor } from '../electron/main/logging/secret-redactor.js';
import { AppCache } from '../electron/main/services/cache/app-cache.js';
import type { ReportKey } from '../electron/main/services/cache/reports-cache.js';
import { MemorySecretBackend } from '../electron/main/services/secrets/memory-backend.js';
import { SecretStore } from '../electron/main/services/secrets/secret-store.js';
import { sampleProfitReport } from '../electron/main/testing/sample-data.js';
import type { ReportType } from '../shared/api/report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 30);
const BUDGET_MS = 20;
const APP = 'app://zxe';
const TYPES: ReportType[] = ['balance', 'profit', 'cashflow'];

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

function line(label: string, samples: number[]): void {
  const { median, p95 } = stats(samples);
  const verdict = p95 <= BUDGET_MS ? '达标' : '未达标';
  console.log(
    `${label.padEnd(34)} 中位数 ${median.toFixed(3).padStart(7)} ms   p95 ${p95.toFixed(3).padStart(7)} ms   （N=${String(samples.length)}，${verdict}）`,
  );
}

function monthKey(accountSetId: string, type: ReportType, month: number): ReportKey {
  const year = 2022 + Math.floor(month / 12);
  const m = String((month % 12) + 1).padStart(2, '0');
  const last = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
  return {
    accountSetId,
    type,
    startDate: `${String(year)}-${m}-01`,
    endDate: `${String(year)}-${m}-${String(last)}`,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-cache-'));
  const logger = createLogger({
    redactor: new SecretRedactor(),
    logDir: path.join(dir, 'logs'),
    level: 'error',
  });
  try {
    const cpus = os.cpus();
    console.log('基准：打开已缓存的报表（引擎不可达时由 cache.db 提供）');
    console.log(
      `机器：${String(cpus.length)} × ${cpus[0]?.model ?? '未知 CPU'}，内存 ${String(Math.round(os.totalmem() / 2 ** 30))} GB；Node ${process.version}`,
    );

    for (const lines of [80, 2_000]) {
      rmSync(path.join(dir, 'cache.db'), { force: true });
      const { cache } = AppCache.open({ userDataDir: dir, logger });
      const keys: ReportKey[] = [];
      for (let s = 1; s <= 5; s += 1) {
        for (const type of TYPES) {
          for (let month = 0; month < 36; month += 1) {
            const key = monthKey(`acc_bench${String(s)}`, type, month);
            cache.reports.store(
              'local',
              key,
              sampleProfitReport(lines, key.accountSetId),
              new Date().toISOString(),
            );
            keys.push(key);
          }
        }
      }
      const bytes = JSON.stringify(sampleProfitReport(lines)).length;
      console.log(
        `\n报表 ${String(lines)} 行（约 ${(bytes / 1024).toFixed(1)} KB JSON），缓存中共 ${String(keys.length)} 张报表`,
      );

      const pick = (i: number) => keys[(i * 7919) % keys.length] ?? keys[0];
      const loadSamples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const key = pick(i);
        if (!key) throw new Error('no key');
        const start = performance.now();
        const copy = cache.reports.load('local', key);
        loadSamples.push(performance.now() - start);
        if (!copy) throw new Error('cached report missing');
      }
      line('1. ReportsCache.load', loadSamples);
      cache.close();

      const services = createAppServices({
        userDataDir: dir,
        secrets: new SecretStore(new MemorySecretBackend()),
        logger,
        launchEngine: () => {
          throw new Error('基准中不启动引擎');
        },
        isTrustedOrigin: (origin) => origin === APP,
      });
      await services.engine.stop();
      const ipcSamples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const key = pick(i);
        if (!key) throw new Error('no key');
        const start = performance.now();
        const result = await services.router.dispatch('getReport', key, APP);
        ipcSamples.push(performance.now() - start);
        if (!result.ok) throw new Error(`getReport failed: ${result.error.message}`);
      }
      line('2. IPC getReport（离线，走缓存）', ipcSamples);
      await services.dispose();

      const coldSamples: number[] = [];
      for (let i = 0; i < COLD_RUNS; i += 1) {
        const key = pick(i);
        if (!key) throw new Error('no key');
        const start = performance.now();
        const opened = AppCache.open({ userDataDir: dir, logger });
        const copy = opened.cache.reports.load('local', key);
        coldSamples.push(performance.now() - start);
        opened.cache.close();
        if (!copy) throw new Error('cached report missing');
      }
      line('3. 冷启动：打开 cache.db + 读取', coldSamples);
    }
    console.log(`\n预算：打开一张已缓存的报表 ≤ ${String(BUDGET_MS)} ms（以 p95 计）`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
