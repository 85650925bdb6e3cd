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
import { ApiClient, ApiError, type ApiClientOptions } from './src/index.js';

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

const client = (apiKey = engine.tenantA.apiKey, options: Partial<ApiClientOptions> = {}): ApiClient =>
  new ApiClient({ baseUrl, apiKey, ...options });

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
    // Without retries, to see the 429 itself (the next test lets the SDK retry it).
    const once = client(limited.key, { maxRetries: 0 });
    await once.listAccounts();
    const e429 = await once.listAccounts().catch((e: unknown) => e);
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

  it('429 on a key limited to 1 request/s: the SDK waits Retry-After and the retry succeeds', async () => {
    const limited = issueKey(engine.db, {
      tenantId: engine.tenantA.id,
      mode: 'test',
      rateLimit: { perSecond: 1, burst: 1 },
    });
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const retries: { retry: number; delayMs: number; code: unknown }[] = [];
    const c = new ApiClient({
      baseUrl,
      apiKey: limited.key,
      fetch: recording,
      onRetry: ({ retry, delayMs, error }) =>
        retries.push({ retry, delayMs, code: (error as ApiError).code }),
    });
    expect((await c.listAccounts()).accounts.map((a) => a.id)).toContain(accountId);
    expect((await c.listAccounts()).accounts.map((a) => a.id)).toContain(accountId);
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBe(429);
    expect(statuses.at(-1)).toBe(200);
    expect(retries[0]?.code).toBe(429);
    // Retry-After is at least 1 s on this key, and the wait is at least that.
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
  });
});

/** Each example of README.md, with the heading it stands under. */
function readmeExamples(): { heading: string; code: string }[] {
  const readme = readFileSync(path.join(here, 'README.md'), 'utf8');
  const examples: { heading: string; code: string }[] = [];
  let heading = '';
  for (const match of readme.matchAll(/^### (.+)$|^```js\n([\s\S]*?)^```$/gm)) {
    if (match[1] !== undefined) heading = match[1];
    else examples.push({ heading, code: match[2] ?? '' });
  }
  return examples;
}

describe('every README example runs against the engine through the built package', () => {
  const examples = readmeExamples();

  it('the README has the documented examples, one block each, and a retry example', () => {
    expect(examples.map((e) => e.heading)).toEqual([
      '票据识别（POST /api/v2/invoice/recognize）',
      '创建凭证（POST /api/v2/voucher/create）',
      '账套列表（GET /api/v2/accounts/list）',
      '财务报表（GET /api/v2/report/{type}）',
      '错误处理',
      '重试与幂等',
    ]);
  });

  /** What each example must print, beyond running without an error. */
  const expected: Record<string, RegExp[]> = {
    票据识别: [/办公费/, /560203/],
    创建凭证: [/vch_\S+ 记-\d+/],
    账套列表: [/acc_\S+ .+ active/],
    财务报表: [/start_date: '2024-01-01'/],
    错误处理: [/^404 not_found_error /m, /"error":\{"code":404/],
    重试与幂等: [/第 1 次重试（.+），等待 \d{4,} ms/, /第 2 次查询：\d+ 个账套/],
  };

  examples.forEach(({ heading, code }, index) => {
    const name = Object.keys(expected).find((key) => heading.startsWith(key)) ?? heading;
    const commonJs = code.includes("require('@zhangxiaoer/sdk')");
    it(`${String(index + 1)}. ${heading} (${commonJs ? 'CommonJS require' : 'ESM import'})`, async () => {
      expect(code).toContain("apiKey: '{your_api_key}'");
      // The retry example wants a key limited to 1 request/s; every other one tenant A's own.
      const apiKey =
        name === '重试与幂等'
          ? issueKey(engine.db, {
              tenantId: engine.tenantA.id,
              mode: 'test',
              rateLimit: { perSecond: 1, burst: 1 },
            }).key
          : engine.tenantA.apiKey;
      const entry = commonJs
        ? path.join(here, 'dist/index.cjs')
        : pathToFileURL(path.join(here, 'dist/index.mjs')).href;
      const adapted = code
        .replace("'@zhangxiaoer/sdk'", JSON.stringify(entry))
        .replaceAll(
          "apiKey: '{your_api_key}'",
          `apiKey: ${JSON.stringify(apiKey)}, baseUrl: ${JSON.stringify(baseUrl)}`,
        )
        .replaceAll('/path/to/invoice.pdf', invoicePath)
        .replaceAll('acc_123456', accountId);
      const file = path.join(dir, `example-${String(index + 1)}.${commonJs ? 'cjs' : 'mjs'}`);
      writeFileSync(file, adapted, 'utf8');
      const { stdout } = await run(process.execPath, [file], { timeout: 60_000 });
      expect(stdout.trim(), 'the example printed nothing').not.toBe('');
      for (const pattern of expected[name] ?? [/$^/]) expect(stdout).toMatch(pattern);
    });
  });
});
