import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey } from '../../server/tenancy/tenant-keys.js';
import { accountSetId } from '../../server/testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { ApiClient, ApiError } from './src/index.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const invoicePath = path.resolve(here, '../../resources/demo-invoices/digital-vat-office-supplies.pdf');

let engine: TestEngine;
let baseUrl: string;
let accountId: string;
let dir: string;
beforeAll(async () => {
  engine = createTestEngine();
  baseUrl = await listenOnRandomPort(engine.app);
  accountId = accountSetId(engine, engine.tenantA);
  dir = mkdtempSync(path.join(tmpdir(), 'zxe-node-sdk-'));
  await run(process.execPath, [path.join(here, 'build.mjs')], { timeout: 120_000 });
}, 180_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (apiKey = engine.tenantA.apiKey): ApiClient => new ApiClient({ baseUrl, apiKey });

describe('the Node SDK against a real engine', () => {
  it('lists account sets, recognizes an invoice, books its entries and reads the three statements', async () => {
    const c = client();
    expect((await c.listAccounts()).accounts.map((a) => a.id)).toContain(accountId);
    const invoice = await c.recognizeInvoice({
      file: readFileSync(invoicePath),
      filename: 'invoice.pdf',
      account_id: accountId,
    });
    expect(invoice).toMatchObject({ amount: 2143.62, category: '办公费' });
    const date = invoice.issue_date ?? '';
    const voucher = await c.createVoucher(
      { account_id: accountId, date, entries: invoice.entries },
      { idempotencyKey: 'node-voucher-1' },
    );
    expect(voucher.voucher_id).toMatch(/^vch_/);
    const start = `${date.slice(0, 7)}-01`;
    for (const type of ['balance', 'profit', 'cashflow'] as const) {
      const report = await c.getReport(type, { account_id: accountId, start_date: start, end_date: date });
      expect(report.period).toEqual({ start_date: start, end_date: date });
    }
  });

  it('errors carry the envelope: 401 bad key (key not in the message), 400 bad voucher, 404 unknown set, 429', async () => {
    const badKey = `sk_test_${'x'.repeat(32)}`;
    const e401 = await client(badKey)
      .listAccounts()
      .catch((e: unknown) => e);
    expect(e401).toBeInstanceOf(ApiError);
    expect((e401 as ApiError).code).toBe(401);
    expect(String(e401)).not.toContain(badKey);
    const e400 = await client()
      .createVoucher({
        account_id: accountId,
        date: '2024-03-15',
        entries: [
          { abstract: '不平', account_code: '560203', debit: 500, credit: 0 },
          { abstract: '不平', account_code: '1002', debit: 0, credit: 400 },
        ],
      })
      .catch((e: unknown) => e);
    expect((e400 as ApiError).code).toBe(400);
    const e404 = await client()
      .getReport('balance', {
        account_id: 'acc_doesnotexist',
        start_date: '2024-01-01',
        end_date: '2024-03-31',
      })
      .catch((e: unknown) => e);
    expect((e404 as ApiError).code).toBe(404);
    const limited = issueKey(engine.db, {
      tenantId: engine.tenantA.id,
      mode: 'test',
      rateLimit: { perSecond: 1, burst: 1 },
    });
    await client(limited.key).listAccounts();
    const e429 = await client(limited.key)
      .listAccounts()
      .catch((e: unknown) => e);
    expect((e429 as ApiError).code).toBe(429);
    expect((e429 as ApiError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('the built package loads as ESM and as CommonJS', async () => {
    const esm = (await import(pathToFileURL(path.join(here, 'dist/index.mjs')).href)) as Record<
      string,
      unknown
    >;
    const cjs = createRequire(import.meta.url)(path.join(here, 'dist/index.cjs')) as Record<string, unknown>;
    expect(typeof esm.ApiClient).toBe('function');
    expect(typeof cjs.ApiClient).toBe('function');
    expect(readFileSync(path.join(here, 'dist/index.d.ts'), 'utf8')).toContain('export *');
  });

  it('the README example runs against the engine through the built package', async () => {
    const readme = readFileSync(path.join(here, 'README.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("'{your_api_key}'");
    const code = example
      .replace("'@zhangxiaoer/sdk'", JSON.stringify(pathToFileURL(path.join(here, 'dist/index.mjs')).href))
      .replace('baseUrl: DEFAULT_CLOUD_BASE_URL', `baseUrl: ${JSON.stringify(baseUrl)}`)
      .replace("'{your_api_key}'", JSON.stringify(engine.tenantA.apiKey))
      .replace('/path/to/invoice.pdf', invoicePath)
      .replaceAll('acc_123456', accountId);
    const file = path.join(dir, 'example.mjs');
    writeFileSync(file, code, 'utf8');
    const { stdout } = await run(process.execPath, [file], { timeout: 60_000 });
    expect(stdout).toContain('办公费');
    expect(stdout).toMatch(/vch_/);
  });
});
