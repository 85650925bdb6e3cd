import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoucherCreateRequest } from '../../shared/api/index.js';
import { openEngineDataDir } from '../engine-runtime.js';
import { createAccountSet } from '../tenancy/account-sets.js';
import { issueKey } from '../tenancy/tenant-keys.js';
import { createTenant } from '../tenancy/tenants.js';
import { waitForExit, waitForLine } from '../testing/child-process-output.js';
import { accountSetId, seedExampleBody, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import {
  bearer,
  createTestEngine,
  listenOnRandomPort,
  TEST_KEY_RATE_LIMIT,
  type TestEngine,
} from '../testing/test-engine.js';

let engine: TestEngine;
let baseUrl: string;
beforeAll(async () => {
  engine = createTestEngine();
  baseUrl = await listenOnRandomPort(engine.app);
});
afterAll(async () => {
  await engine.close();
});

async function createOverHttp(
  body: VoucherCreateRequest,
  apiKey: string,
  url = baseUrl,
): Promise<{ status: number; voucher_no: string }> {
  const response = await fetch(url + VOUCHER_CREATE, {
    method: 'POST',
    headers: { ...bearer(apiKey), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { voucher_no: string };
  return { status: response.status, voucher_no: json.voucher_no };
}

function numbersOf(results: readonly { voucher_no: string }[]): number[] {
  return results.map((r) => Number(r.voucher_no.replace(/^记-/, ''))).sort((a, b) => a - b);
}

describe('voucher numbers 记-N', () => {
  it('come out 记-1 … 记-200 without gap or duplicate for 200 parallel creates over a real port', async () => {
    const setA = accountSetId(engine, engine.tenantA);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        createOverHttp(seedExampleBody(setA, '2024-05-20'), engine.tenantA.apiKey),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(numbersOf(results)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const stored = engine.db
      .prepare("SELECT number FROM vouchers WHERE account_set_id = ? AND period = '2024-05' ORDER BY number")
      .pluck()
      .all(setA);
    expect(stored).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('restart at 记-1 in each month and in each account set', async () => {
    const setA = accountSetId(engine, engine.tenantA);
    const setB = accountSetId(engine, engine.tenantB);
    const june = await createOverHttp(seedExampleBody(setA, '2024-06-01'), engine.tenantA.apiKey);
    const june2 = await createOverHttp(seedExampleBody(setA, '2024-06-30'), engine.tenantA.apiKey);
    const otherSet = await createOverHttp(seedExampleBody(setB, '2024-05-20'), engine.tenantB.apiKey);
    // A voucher dated earlier in the month still takes the next number: numbers follow posting order.
    const mayAgain = await createOverHttp(seedExampleBody(setA, '2024-05-01'), engine.tenantA.apiKey);
    expect([june.voucher_no, june2.voucher_no, otherSet.voucher_no, mayAgain.voucher_no]).toEqual([
      '记-1',
      '记-2',
      '记-1',
      '记-201',
    ]);
  });
});

describe('voucher numbers across processes', () => {
  const cliEntry = fileURLToPath(new URL('../cli.ts', import.meta.url));
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  let dataDir: string;
  const children: ChildProcessWithoutNullStreams[] = [];
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'zxe-numbering-'));
  });
  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGTERM');
      await waitForExit(child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startEngine(): Promise<string> {
    const child = spawn(process.execPath, [tsxCli, cliEntry, '--port', '0', '--data', dataDir], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    children.push(child);
    const [, url = ''] = await waitForLine(child.stdout, /^账小二引擎已启动：(http:\/\/\S+)$/);
    return url;
  }

  it('stay unique and gapless when two engine processes write the same database at once', async () => {
    const db = openEngineDataDir(dataDir);
    const tenant = createTenant(db, { name: '两个进程' });
    const set = createAccountSet(db, { tenantId: tenant.id, name: '共享账套' });
    const { key } = issueKey(db, { tenantId: tenant.id, rateLimit: TEST_KEY_RATE_LIMIT });
    db.close();

    const [first, second] = await Promise.all([startEngine(), startEngine()]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        createOverHttp(seedExampleBody(set.id, '2024-07-01'), key, i % 2 === 0 ? first : second),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(numbersOf(results)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});
