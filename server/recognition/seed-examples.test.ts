import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInvoiceCorpus, type CorpusEntry } from '../../tests/fixtures/invoices/corpus.js';
import { accountSetId } from '../testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../testing/test-engine.js';

const run = promisify(execFile);
/** UTF-8 output whatever the machine's locale; no proxy between us and 127.0.0.1. */
const env = {
  ...process.env,
  PYTHONIOENCODING: 'utf-8',
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
};

/** The API document's cURL example for invoice/recognize, with only URL, key, file and account replaced. */
function curlExample(baseUrl: string, apiKey: string, file: string, accountId: string): string {
  return `curl -X POST ${baseUrl}/api/v2/invoice/recognize \\
  -H "Authorization: Bearer ${apiKey}" \\
  -F "file=@${file}" \\
  -F "account_id=${accountId}"
`;
}

/** The API document's Python example, character for character apart from the same four values. */
function pythonExample(baseUrl: string, apiKey: string, file: string, accountId: string): string {
  return `import requests

url = "${baseUrl}/api/v2/invoice/recognize"
headers = {
    "Authorization": "Bearer ${apiKey}"
}
files = {
    "file": open("${file}", "rb")
}
data = {
    "account_id": "${accountId}"
}

response = requests.post(url, headers=headers, files=files, data=data)
print(response.json())
`;
}

let engine: TestEngine;
let baseUrl: string;
let dir: string;
let invoice: CorpusEntry;
beforeAll(async () => {
  const corpus = await ensureInvoiceCorpus();
  const found = corpus.find((e) => e.truth.path === 'pdf-text' && e.truth.invoices[0]?.apiType === 'vat');
  if (!found) throw new Error('corpus has no 专票 PDF');
  invoice = found;
  engine = createTestEngine();
  baseUrl = await listenOnRandomPort(engine.app);
  dir = mkdtempSync(path.join(tmpdir(), 'zxe-seed-invoice-'));
}, 300_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the API document’s invoice/recognize examples, run verbatim', () => {
  it('cURL uploads a PDF and gets invoice_id, amount, category and entries', async () => {
    const accountId = accountSetId(engine, engine.tenantA);
    const script = path.join(dir, 'recognize.sh');
    writeFileSync(script, curlExample(baseUrl, engine.tenantA.apiKey, invoice.path, accountId), 'utf8');
    const { stdout } = await run('sh', [script], { env, timeout: 60_000 });
    const body = JSON.parse(stdout) as Record<string, unknown>;
    const truth = invoice.truth.invoices[0];
    expect(body).toMatchObject({
      invoice_id: expect.stringMatching(/^inv_/) as string,
      amount: Number(truth?.totalWithTax),
      category: truth?.expected.category,
    });
    expect(Array.isArray(body.entries)).toBe(true);
  });

  it('Python requests uploads the same kind of file (form fields before the file part)', async () => {
    const accountId = accountSetId(engine, engine.tenantA);
    const script = path.join(dir, 'recognize.py');
    writeFileSync(script, pythonExample(baseUrl, engine.tenantA.apiKey, invoice.path, accountId), 'utf8');
    const { stdout } = await run('python3', [script], { env, timeout: 60_000 });
    // print(dict) writes Python's repr; the fields we check are plain.
    expect(stdout).toMatch(/'invoice_id': 'inv_[A-Za-z0-9]+'/);
    expect(stdout).toContain(`'amount': ${String(Number(invoice.truth.invoices[0]?.totalWithTax))}`);
    expect(stdout).toContain(`'category': '${invoice.truth.invoices[0]?.expected.category ?? ''}'`);
    expect(stdout).toMatch(/'entries': \[\{'abstract'/);
  });
});
