import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountSetId } from '../../../../server/testing/ledger-fixtures.js';
import {
  createTestEngine,
  listenOnRandomPort,
  type TestEngine,
} from '../../../../server/testing/test-engine.js';
import { ApiClient } from '../../../../shared/api/client.js';
import type { InvoiceRecord } from '../../../../shared/api/invoice.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { ApiProxy } from '../api-proxy/api-proxy.js';
import { SINGLE_ATTEMPT_POLICY } from '../api-proxy/retry-policy.js';
import { AppCache } from '../cache/app-cache.js';
import { InvoiceReadsCache } from '../cache/invoice-reads-cache.js';
import { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import { CachedReads } from './cached-reads.js';

const DEMO = path.resolve(import.meta.dirname, '../../../../resources/demo-invoices');
const NOBODY = 'http://127.0.0.1:9';

let engine: TestEngine;
let engineUrl: string;
let account: string;
let pdfInvoice: InvoiceRecord;
beforeAll(async () => {
  engine = createTestEngine();
  engineUrl = await listenOnRandomPort(engine.app);
  account = accountSetId(engine, engine.tenantA);
  const client = new ApiClient({ baseUrl: engineUrl, apiKey: engine.tenantA.apiKey });
  for (const [file, contentType] of [
    ['digital-normal-hotel.xml', 'application/xml'],
    ['digital-vat-office-supplies.pdf', 'application/pdf'],
  ] as const) {
    await client.recognizeInvoice({
      file: readFileSync(path.join(DEMO, file)),
      filename: file,
      contentType,
      account_id: account,
    });
  }
  const listed = await client.listInvoices({ account_id: account, page_size: 100 });
  const pdf = listed.invoices.find((i) => i.file.media_type === 'application/pdf');
  if (!pdf) throw new Error('pdf invoice missing');
  pdfInvoice = pdf;
}, 300_000);
afterAll(async () => {
  await engine.close();
});

function rig() {
  const dir = tempDir('invoice-reads');
  const logger = fileLogger(dir);
  const { cache } = AppCache.open({ userDataDir: dir, logger });
  let baseUrl = engineUrl;
  const proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey })),
    reachability: new ReachabilityTracker(),
    logger,
    policy: SINGLE_ATTEMPT_POLICY,
  });
  const reads = new CachedReads({ proxy, cache, scope: () => 'local', generation: () => 1, logger });
  return {
    cache,
    reads,
    offline: () => (baseUrl = NOBODY),
    close() {
      proxy.dispose();
      cache.close();
    },
  };
}

describe('invoice reads through the cache', () => {
  test('the 票据 list, an invoice seen in it, and an opened original answer offline with their fetchedAt', async () => {
    const r = rig();
    try {
      const key = { accountSetId: account, page: 1, pageSize: 100 };
      const live = await r.reads.invoices(key);
      expect(live.source).toBe('live');
      expect(live.data.invoices).toHaveLength(2);
      const file = await r.reads.invoiceFile(pdfInvoice.invoice_id);
      expect(file.source).toBe('live');
      expect(file.data.mediaType).toBe('application/pdf');

      r.offline();
      const cached = await r.reads.invoices(key);
      expect(cached).toEqual({ data: live.data, source: 'cache', fetchedAt: live.fetchedAt });
      // Each record of the list opens offline, without ever having been opened online.
      const one = await r.reads.invoice(pdfInvoice.invoice_id);
      expect(one.source).toBe('cache');
      expect(one.data).toEqual(pdfInvoice);
      const original = await r.reads.invoiceFile(pdfInvoice.invoice_id);
      expect(original.source).toBe('cache');
      expect(Buffer.from(original.data.bytes)).toEqual(
        readFileSync(path.join(DEMO, 'digital-vat-office-supplies.pdf')),
      );
      // What was never read online is not made up: another page, another file.
      await expect(r.reads.invoices({ ...key, page: 2 })).rejects.toThrow();
      const other = live.data.invoices.find((i) => i.invoice_id !== pdfInvoice.invoice_id);
      await expect(r.reads.invoiceFile(other?.invoice_id ?? 'inv_x')).rejects.toThrow();
    } finally {
      r.close();
    }
  });

  test('a refusal stays an error: an unknown invoice is 404 online, not a cached copy', async () => {
    const r = rig();
    try {
      await r.reads.invoice(pdfInvoice.invoice_id);
      await expect(r.reads.invoice('inv_doesnotexist')).rejects.toThrow(/不存在/);
    } finally {
      r.close();
    }
  });

  test('the cache of original files keeps within its budget, dropping the least recently opened', () => {
    const r = rig();
    try {
      const files = new InvoiceReadsCache(r.cache.db, 250);
      const bytes = (n: number) => ({ mediaType: 'application/pdf', bytes: new Uint8Array(n).fill(1) });
      files.storeFile('local', 'inv_a', bytes(100), '2026-01-01T00:00:01.000Z');
      files.storeFile('local', 'inv_b', bytes(100), '2026-01-01T00:00:02.000Z');
      // Opening a again makes b the least recently used.
      expect(files.loadFile('local', 'inv_a')?.data.bytes).toHaveLength(100);
      files.storeFile('local', 'inv_c', bytes(100), new Date(Date.now() + 1000).toISOString());
      expect(files.loadFile('local', 'inv_b')).toBeUndefined();
      expect(files.loadFile('local', 'inv_a')).toBeDefined();
      expect(files.loadFile('local', 'inv_c')).toBeDefined();
      expect(files.fileBytes()).toBe(200);
      // One file larger than the whole budget is not kept at all.
      files.storeFile('local', 'inv_huge', bytes(300), '2026-01-01T00:00:04.000Z');
      expect(files.loadFile('local', 'inv_huge')).toBeUndefined();
      expect(files.fileBytes()).toBe(200);
      // A new cloud key forgets that scope's invoices like the rest of its data.
      files.storeFile('cloud:https://x', 'inv_d', bytes(10), '2026-01-01T00:00:05.000Z');
      r.cache.clearScope('cloud:https://x');
      expect(files.loadFile('cloud:https://x', 'inv_d')).toBeUndefined();
    } finally {
      r.close();
    }
  });
});
