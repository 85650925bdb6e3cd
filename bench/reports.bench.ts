/**
 * Statements on a big ledger: 1,000,000 voucher lines over one year (280+ accounts), each
 * statement timed through GET /api/v2/report/{type} over a real port (median of 7), against
 * `hledger balance` and `ledger balance` on the same ledger exported as a journal. Also the
 * write-side price of keeping the aggregates. Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../shared/api/client.js';
import type { ReportType } from '../shared/api/report.js';
import { formatFenPlain } from '../shared/money.js';
import type { EngineDb } from '../server/db/engine-db.js';
import { listenEngine } from '../server/engine-runtime.js';
import { openEngineDataDir } from '../server/engine-runtime.js';
import { addChartAccount } from '../server/ledger/chart-rows.js';
import { postVoucher } from '../server/ledger/voucher-writer.js';
import { createAccountSet } from '../server/tenancy/account-sets.js';
import { issueKey } from '../server/tenancy/tenant-keys.js';
import { createTenant } from '../server/tenancy/tenants.js';
import { subAccounts, syntheticYear, type SyntheticVoucher } from './ledger/synthetic-ledger.js';

const TARGET_LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TOOL_RUNS = Number(process.env.BENCH_TOOL_RUNS ?? 3);
const YEAR = 2024;
const BUDGET = { statementSeconds: 0.3, timesFasterThanHledger: 20 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function newAccountSet(db: EngineDb, tenantId: string, name: string): string {
  const set = createAccountSet(db, { tenantId, name });
  db.transaction(() => {
    for (const account of subAccounts()) addChartAccount(db, set.id, account);
  })();
  return set.id;
}

function toLedgerLines(voucher: SyntheticVoucher) {
  return voucher.lines.map((l) => ({
    abstract: '基准',
    accountCode: l.code,
    debitFen: l.debitFen,
    creditFen: l.creditFen,
  }));
}

/** µs per voucher for the same vouchers posted with and without the aggregates. */
function postingPrice(
  db: EngineDb,
  tenantId: string,
): { withAggregates: number; without: number; vouchers: number } {
  const sample = [...syntheticYear(YEAR, 100_000, 7)];
  const time = (maintainAggregates: boolean) => {
    const setId = newAccountSet(db, tenantId, maintainAggregates ? '写入成本-有汇总' : '写入成本-无汇总');
    const started = performance.now();
    db.transaction(() => {
      for (const v of sample)
        postVoucher(
          db,
          { accountSetId: setId, date: v.date, kind: 'normal', lines: toLedgerLines(v) },
          { maintainAggregates },
        );
    })();
    return ((performance.now() - started) * 1000) / sample.length;
  };
  const without = time(false);
  const withAggregates = time(true);
  return { withAggregates, without, vouchers: sample.length };
}

function timeTool(command: string, args: string[]): number[] | string {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${command} 不可用（apt-get install ${command}）`;
  const runs: number[] = [];
  for (let i = 0; i < TOOL_RUNS; i += 1) {
    const started = performance.now();
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    runs.push(performance.now() - started);
  }
  return runs;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-reports-'));
  const db = openEngineDataDir(dir);
  const tenant = createTenant(db, { name: '基准' });
  const { key } = issueKey(db, {
    tenantId: tenant.id,
    rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
  });
  const setId = newAccountSet(db, tenant.id, '基准贸易有限公司');
  const accountCount = Number(
    db.prepare('SELECT count(*) FROM accounts WHERE account_set_id = ?').pluck().get(setId),
  );

  console.log(`机器：${os.cpus()[0]?.model ?? '?'} × ${String(os.cpus().length)}，Node ${process.version}`);
  console.log(
    `生成账本：目标 ${TARGET_LINES.toLocaleString()} 行分录，${String(YEAR)} 全年，科目 ${String(accountCount)} 个`,
  );

  const journalPath = path.join(dir, 'ledger.journal');
  const journal = createWriteStream(journalPath);
  let vouchers = 0;
  let lines = 0;
  const postStarted = performance.now();
  let batch: SyntheticVoucher[] = [];
  const flush = () => {
    db.transaction(() => {
      for (const v of batch)
        postVoucher(db, { accountSetId: setId, date: v.date, kind: 'normal', lines: toLedgerLines(v) });
    })();
    batch = [];
  };
  for (const voucher of syntheticYear(YEAR, TARGET_LINES)) {
    batch.push(voucher);
    vouchers += 1;
    lines += voucher.lines.length;
    let text = `${voucher.date} 凭证${String(vouchers)}\n`;
    for (const l of voucher.lines) {
      const amount = l.debitFen > 0 ? formatFenPlain(l.debitFen) : formatFenPlain(-l.creditFen);
      text += `    a${l.code}  ${amount}\n`;
    }
    journal.write(`${text}\n`);
    if (batch.length === 5_000) flush();
  }
  flush();
  await new Promise<void>((resolve) => journal.end(resolve));
  const postMs = performance.now() - postStarted;
  console.log(
    `已写入 ${vouchers.toLocaleString()} 张凭证、${lines.toLocaleString()} 行，用时 ${seconds(postMs)} s（${Math.round(vouchers / (postMs / 1000)).toLocaleString()} 张/s，含汇总维护）`,
  );
  console.log(`journal 文件：${(statSync(journalPath).size / 1e6).toFixed(1)} MB`);

  const price = postingPrice(db, tenant.id);
  // The engine owns the database from here on and closes it.
  const engine = await listenEngine(db, { host: '127.0.0.1', port: 0 });
  const client = new ApiClient({ baseUrl: engine.url, apiKey: key, timeoutMs: 120_000 });
  const query = { account_id: setId, start_date: `${String(YEAR)}-01-01`, end_date: `${String(YEAR)}-12-31` };

  const results: { name: string; ms: number[] }[] = [];
  for (const type of ['balance', 'profit', 'cashflow'] as ReportType[]) {
    await client.getReport(type, query); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await client.getReport(type, query);
      ms.push(performance.now() - started);
    }
    results.push({ name: `report/${type}`, ms });
  }
  {
    await client.getTrialBalance(query);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await client.getTrialBalance(query);
      ms.push(performance.now() - started);
    }
    results.push({ name: 'ledger/trial-balance', ms });
  }
  const mid = { start_date: `${String(YEAR)}-03-15`, end_date: `${String(YEAR)}-09-20` };
  {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await client.getReport('cashflow', { ...query, ...mid });
      ms.push(performance.now() - started);
    }
    results.push({ name: 'report/cashflow 3-15…9-20', ms });
  }
  await engine.close();

  console.log(`\n报表（HTTP，${String(RUNS)} 次取中位数；预算 ≤ ${String(BUDGET.statementSeconds)} s）`);
  for (const r of results) {
    const m = median(r.ms);
    console.log(
      `  ${r.name.padEnd(32)} 中位 ${seconds(m)} s  最小 ${seconds(Math.min(...r.ms))} s  最大 ${seconds(Math.max(...r.ms))} s  ${m / 1000 <= BUDGET.statementSeconds ? '达标' : '未达标'}`,
    );
  }

  console.log(`\n同一账本的 journal（${String(TOOL_RUNS)} 次取中位数）`);
  const balanceMedian = median(results[0]?.ms ?? []);
  for (const [tool, args] of [
    ['hledger', ['-f', journalPath, 'balance']],
    ['ledger', ['-f', journalPath, 'balance']],
  ] as const) {
    const runs = timeTool(tool, [...args]);
    if (typeof runs === 'string') {
      console.log(`  ${tool}: ${runs}`);
      continue;
    }
    const m = median(runs);
    const ratio = m / balanceMedian;
    const verdict =
      tool === 'hledger'
        ? ratio >= BUDGET.timesFasterThanHledger
          ? '（达标：≥ 20×）'
          : '（未达标：< 20×）'
        : '';
    console.log(
      `  ${`${tool} balance`.padEnd(32)} 中位 ${seconds(m)} s  → 资产负债表快 ${ratio.toFixed(0)}× ${verdict}`,
    );
  }

  console.log(
    `\n写入代价（${price.vouchers.toLocaleString()} 张凭证，单事务）：维护汇总 ${price.withAggregates.toFixed(1)} µs/张，不维护 ${price.without.toFixed(1)} µs/张，多 ${(((price.withAggregates - price.without) / price.without) * 100).toFixed(0)}%`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
