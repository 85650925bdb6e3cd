/**
 * 明细账 on a big account: 100,000 postings on one bank account (and 100,000 more spread over the
 * four bank sub-accounts of 1002, read as the parent's ledger), in a year of vouchers. Times the
 * first page, a page deep in the year and the last page through GET /api/v2/ledger/detail over a
 * real port (median of 9). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../shared/api/client.js';
import { lastDayOfPeriod } from '../shared/ledger/periods.js';
import { listenEngine, openEngineDataDir } from '../server/engine-runtime.js';
import { addChartAccount } from '../server/ledger/chart-rows.js';
import { postVoucher } from '../server/ledger/voucher-writer.js';
import { createAccountSet } from '../server/tenancy/account-sets.js';
import { issueKey } from '../server/tenancy/tenant-keys.js';
import { createTenant } from '../server/tenancy/tenants.js';
import { subAccounts } from './ledger/synthetic-ledger.js';

const POSTINGS = Number(process.env.BENCH_LEDGER_POSTINGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PAGE_SIZE = 100;
const BUDGET_FIRST_PAGE_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-bench-ledger-'));
const db = openEngineDataDir(dir);
const tenant = createTenant(db, { name: '基准' });
const { key } = issueKey(db, {
  tenantId: tenant.id,
  mode: 'test',
  rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
});
const set = createAccountSet(db, { tenantId: tenant.id, name: '明细账基准' });
db.transaction(() => {
  for (const account of subAccounts()) addChartAccount(db, set.id, account);
})();

let seed = 11;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const started = performance.now();
db.transaction(() => {
  for (let i = 0; i < POSTINGS; i += 1) {
    const month = 1 + Math.floor((i * 12) / POSTINGS);
    const period = `2024-${String(month).padStart(2, '0')}`;
    const day = 1 + Math.floor(rnd() * Number(lastDayOfPeriod(period).slice(8)));
    const date = `${period}-${String(day).padStart(2, '0')}`;
    const amount = 100 + Math.floor(rnd() * 1_000_000);
    const incoming = rnd() < 0.55;
    const counter = incoming ? `1122${String(1 + (i % 60)).padStart(3, '0')}` : '560203';
    // Every voucher posts once on 1002001 and once on another bank sub-account.
    const otherBank = `100200${String(2 + (i % 3))}`;
    postVoucher(db, {
      accountSetId: set.id,
      date,
      kind: 'normal',
      lines: [
        {
          abstract: incoming ? '收款' : '付款',
          accountCode: '1002001',
          debitFen: incoming ? amount : 0,
          creditFen: incoming ? 0 : amount,
        },
        {
          abstract: '对方',
          accountCode: counter,
          debitFen: incoming ? 0 : amount,
          creditFen: incoming ? amount : 0,
        },
        { abstract: '调拨', accountCode: otherBank, debitFen: 1, creditFen: 0 },
        { abstract: '调拨', accountCode: '1001', debitFen: 0, creditFen: 1 },
      ],
    });
  }
})();
console.log(
  `写入 ${String(POSTINGS)} 张凭证（1002001 上 ${String(POSTINGS)} 笔分录，1002 下共 ${String(POSTINGS * 2)} 笔）：${((performance.now() - started) / 1000).toFixed(1)} 秒`,
);

const engine = await listenEngine(db, { host: '127.0.0.1', port: 0 });
const client = new ApiClient({ baseUrl: engine.url, apiKey: key, timeoutMs: 60_000 });

async function time(code: string, page: number): Promise<{ ms: number; rows: number; total: number }> {
  const runs: number[] = [];
  let rows = 0;
  let total = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    const body = await client.getDetailLedger({
      account_id: set.id,
      account_code: code,
      start_date: '2024-01-01',
      end_date: '2024-12-31',
      page,
      page_size: PAGE_SIZE,
    });
    runs.push(performance.now() - t);
    rows = body.rows.length;
    total = body.total_rows;
  }
  return { ms: median(runs), rows, total };
}

for (const code of ['1002001', '1002']) {
  const first = await time(code, 1);
  const pages = Math.ceil(first.total / PAGE_SIZE);
  const middle = await time(code, Math.ceil(pages / 2));
  const last = await time(code, pages);
  console.log(
    `明细账 ${code}（${String(first.total)} 行，每页 ${String(PAGE_SIZE)} 行）：首页 ${first.ms.toFixed(1)} ms（预算 ≤ ${String(BUDGET_FIRST_PAGE_MS)} ms${first.ms <= BUDGET_FIRST_PAGE_MS ? '，达标' : '，超出'}），中间页 ${middle.ms.toFixed(1)} ms，末页 ${last.ms.toFixed(1)} ms`,
  );
}

await engine.close();
rmSync(dir, { recursive: true, force: true });
