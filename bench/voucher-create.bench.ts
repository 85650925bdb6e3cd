/**
 * voucher/create over a real port: sustained vouchers/s and latency (p50/p99) for 2-line and
 * 10-line vouchers, with the engine in its own process (as in the app) and autocannon here.
 * Prints figures; asserts nothing (tests never assert wall time; benches print it).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VoucherCreateRequest } from '../shared/api/index.js';
import { openEngineDataDir } from '../server/engine-runtime.js';
import { createAccountSet } from '../server/tenancy/account-sets.js';
import { issueKey } from '../server/tenancy/tenant-keys.js';
import { createTenant } from '../server/tenancy/tenants.js';
import { collect, waitForExit, waitForLine } from '../server/testing/child-process-output.js';

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BUDGET = { vouchersPerSecond: 2000, p99Ms: 20 };

interface Scenario {
  name: string;
  body: (accountId: string) => VoucherCreateRequest;
}

const twoLines: Scenario = {
  name: '2 行凭证',
  body: (account_id) => ({
    account_id,
    date: '2024-03-15',
    entries: [
      { abstract: '采购办公用品', account_code: '560203', debit: 500, credit: 0 },
      { abstract: '支付办公用品款', account_code: '1002', debit: 0, credit: 500 },
    ],
  }),
};

const EXPENSES = ['560201', '560202', '560203', '560204', '560205'];
const tenLines: Scenario = {
  name: '10 行凭证',
  body: (account_id) => ({
    account_id,
    date: '2024-03-15',
    entries: [
      ...EXPENSES.map((code, i) => ({
        abstract: `费用 ${String(i + 1)}`,
        account_code: code,
        debit: 123.45,
        credit: 0,
      })),
      ...['1001', '1002', '1012', '2202', '2241'].map((code) => ({
        abstract: '付款',
        account_code: code,
        debit: 0,
        credit: 123.45,
      })),
    ],
  }),
};

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function prepareDataDir(dir: string): { apiKey: string; accountId: string; durability: string } {
  const db = openEngineDataDir(dir);
  try {
    // The engine opens the file the same way: what is read here is what it runs with.
    const journal = String(db.pragma('journal_mode', { simple: true }));
    const synchronous = SYNCHRONOUS_NAMES[Number(db.pragma('synchronous', { simple: true }))] ?? '?';
    const tenant = createTenant(db, { name: '基准测试' });
    const set = createAccountSet(db, { tenantId: tenant.id, name: '基准测试有限公司' });
    // High enough that the limiter never answers 429 here; it still runs on every request.
    const issued = issueKey(db, {
      tenantId: tenant.id,
      mode: 'test',
      rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
    });
    return {
      apiKey: issued.key,
      accountId: set.id,
      durability: `journal_mode = ${journal}，synchronous = ${synchronous}`,
    };
  } finally {
    db.close();
  }
}

function countVouchers(dir: string): number {
  const db = openEngineDataDir(dir);
  try {
    return db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-'));
  const { apiKey, accountId, durability } = prepareDataDir(dir);
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const cli = fileURLToPath(new URL('../server/cli.ts', import.meta.url));
  const engine = spawn(process.execPath, [tsxCli, cli, '--port', '0', '--data', dir], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const stderr = collect(engine.stderr);
  try {
    const [, url = ''] = await waitForLine(engine.stdout, /^账小二引擎已启动：(http:\/\/\S+)$/);
    const cpus = os.cpus();
    console.log('基准：POST /api/v2/voucher/create（引擎独立进程，autocannon 在本进程）');
    console.log(
      `机器：${String(cpus.length)} × ${cpus[0]?.model ?? '未知 CPU'}，内存 ${String(Math.round(os.totalmem() / 2 ** 30))} GB`,
    );
    console.log(`Node ${process.version}，${os.platform()} ${os.release()}`);
    console.log(`engine.db：${durability}（每次 COMMIT 落盘；同一轮事件循环到达的凭证成组提交）`);
    console.log(
      `负载：${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}（1/5/15 分钟；高负载下数字不代表空闲机器）`,
    );
    console.log(
      `连接数 ${String(CONNECTIONS)}，每项 ${String(DURATION_SECONDS)} 秒（先预热 2 秒）；预算 ≥ ${String(BUDGET.vouchersPerSecond)} 张/秒且 p99 ≤ ${String(BUDGET.p99Ms)} ms`,
    );

    let posted = 0;
    let runs = 0;
    for (const scenario of [twoLines, tenLines]) {
      const body = JSON.stringify(scenario.body(accountId));
      const options = {
        url: `${url}/api/v2/voucher/create`,
        method: 'POST' as const,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS,
      };
      const warmup = await autocannon({ ...options, duration: 2 });
      const result = await autocannon({ ...options, duration: DURATION_SECONDS });
      posted += warmup['2xx'] + result['2xx'];
      runs += 2;
      const perSecond = result['2xx'] / result.duration;
      const ok = perSecond >= BUDGET.vouchersPerSecond && result.latency.p99 <= BUDGET.p99Ms;
      console.log(
        `${scenario.name}（请求体 ${String(Buffer.byteLength(body))} 字节，${String(scenario.body(accountId).entries.length)} 行）：` +
          `${perSecond.toFixed(0)} 张/秒，延迟 p50 ${String(result.latency.p50)} ms，p99 ${String(result.latency.p99)} ms，` +
          `最大 ${String(result.latency.max)} ms；成功 ${String(result['2xx'])}，非 2xx ${String(result.non2xx)}，` +
          `错误 ${String(result.errors)}，超时 ${String(result.timeouts)} —— ${ok ? '达到预算' : '未达预算'}`,
      );
    }
    engine.kill('SIGTERM');
    await waitForExit(engine);
    // autocannon stops counting at the deadline while each connection may still have one request in
    // flight; those vouchers are posted but uncounted, so the database may hold up to that many more.
    const stored = countVouchers(dir);
    const inFlightMax = CONNECTIONS * runs;
    const consistent = stored >= posted && stored - posted <= inFlightMax;
    console.log(
      `数据库中的凭证数 ${String(stored)}，计入的成功响应 ${String(posted)}（截止时在途最多 ${String(inFlightMax)}）：${consistent ? '一致' : '不一致！'}`,
    );
    if (!consistent) process.exitCode = 1;
  } catch (error) {
    console.error(stderr());
    throw error;
  } finally {
    if (engine.exitCode === null) engine.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
