import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSetId } from '../testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../testing/test-engine.js';

const run = promisify(execFile);

/**
 * The provider's own Python example for voucher/create, character for character, with only the
 * base URL, the key and the account id replaced.
 */
function seedExample(baseUrl: string, apiKey: string, accountId: string): string {
  return `import requests

url = "${baseUrl}/api/v2/voucher/create"
headers = {
    "Authorization": "Bearer ${apiKey}",
    "Content-Type": "application/json"
}
payload = {
    "account_id": "${accountId}",
    "date": "2024-03-15",
    "entries": [
        {
            "abstract": "采购办公用品",
            "account_code": "560203",
            "debit": 500.00,
            "credit": 0
        },
        {
            "abstract": "支付办公用品款",
            "account_code": "1002",
            "debit": 0,
            "credit": 500.00
        }
    ]
}

response = requests.post(url, headers=headers, json=payload)
print(response.json())
`;
}

let engine: TestEngine;
let baseUrl: string;
let dir: string;
beforeAll(async () => {
  engine = createTestEngine();
  baseUrl = await listenOnRandomPort(engine.app);
  dir = mkdtempSync(path.join(tmpdir(), 'zxe-python-'));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `print(dict)` writes Python's repr: single-quoted strings, which our values never contain. */
function parsePythonDict(text: string): unknown {
  return JSON.parse(text.trim().replaceAll("'", '"'));
}

describe('the API document’s Python example', () => {
  it('posts 记-1 against the engine verbatim', async () => {
    const accountId = accountSetId(engine, engine.tenantA);
    const script = path.join(dir, 'voucher_create.py');
    writeFileSync(script, seedExample(baseUrl, engine.tenantA.apiKey, accountId), 'utf8');
    const { stdout } = await run('python3', [script], {
      // UTF-8 output whatever the machine's locale; no proxy between us and 127.0.0.1.
      env: {
        ...process.env,
        PYTHONIOENCODING: 'utf-8',
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost',
      },
      timeout: 20_000,
    });
    expect(parsePythonDict(stdout)).toEqual({
      voucher_id: expect.stringMatching(/^vch_/) as string,
      voucher_no: '记-1',
    });
    const stored = engine.db.prepare('SELECT debit_total_fen FROM vouchers').pluck().all();
    expect(stored).toEqual([50_000]);
  });
});
