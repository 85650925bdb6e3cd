import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountSetId } from '../../../../server/testing/ledger-fixtures.js';
import {
  createTestEngine,
  listenOnRandomPort,
  type TestEngine,
} from '../../../../server/testing/test-engine.js';
import { ApiClient } from '../../../../shared/api/client.js';
import type { IpcEvent } from '../../../../shared/ipc.js';
import { ensureInvoiceCorpus, type CorpusEntry } from '../../../../tests/fixtures/invoices/corpus.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { ApiProxy } from '../api-proxy/api-proxy.js';
import { SINGLE_ATTEMPT_POLICY } from '../api-proxy/retry-policy.js';
import { EventBus } from '../events/event-bus.js';
import { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import { recognizeUpload } from './recognize-upload.js';

let engine: TestEngine;
let proxy: ApiProxy;
let xml: CorpusEntry;
beforeAll(async () => {
  const corpus = await ensureInvoiceCorpus();
  const found = corpus.find((e) => e.truth.path === 'xml');
  if (!found) throw new Error('corpus has no XML invoice');
  xml = found;
  engine = createTestEngine();
  const baseUrl = await listenOnRandomPort(engine.app);
  proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey })),
    reachability: new ReachabilityTracker(),
    logger: fileLogger(tempDir('recognize-upload')),
    policy: SINGLE_ATTEMPT_POLICY,
  });
}, 300_000);
afterAll(async () => {
  proxy.dispose();
  await engine.close();
});

function collect(bus: EventBus): IpcEvent[] {
  const events: IpcEvent[] = [];
  bus.subscribe((event) => events.push(event));
  return events;
}

describe('recognizeInvoice over IPC, against the real engine', () => {
  test('bytes: recognised, with upload-progress from queued to done', async () => {
    const events = new EventBus();
    const seen = collect(events);
    const { readFileSync } = await import('node:fs');
    const result = await recognizeUpload(
      { proxy, events },
      {
        accountSetId: accountSetId(engine, engine.tenantA),
        uploadId: 'u-1',
        fileName: xml.truth.file,
        file: { bytesBase64: readFileSync(xml.path).toString('base64') },
      },
      new AbortController().signal,
    );
    if ('queued' in result) throw new Error('the engine is up: nothing should be queued');
    expect(result.invoice_number).toBe(xml.truth.invoices[0]?.invoiceNumber);
    expect(seen.map((e) => (e.type === 'upload-progress' ? e.stage : e.type))).toEqual([
      'queued',
      'uploading',
      'recognizing',
      'done',
    ]);
  });

  test('path: a dropped file is read by main; a non-invoice file is refused before upload', async () => {
    const events = new EventBus();
    const seen = collect(events);
    const accountId = accountSetId(engine, engine.tenantA);
    const result = await recognizeUpload(
      { proxy, events },
      { accountSetId: accountId, uploadId: 'u-2', fileName: 'a.xml', file: { path: xml.path } },
      new AbortController().signal,
    );
    expect('invoice_id' in result ? result.invoice_id : undefined).toMatch(/^inv_/);
    const secret = path.join(tempDir('recognize-upload-secret'), 'id_rsa');
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    const before = engine.db.prepare('SELECT count(*) FROM invoices').pluck().get();
    await expect(
      recognizeUpload(
        { proxy, events },
        { accountSetId: accountId, uploadId: 'u-3', fileName: 'id_rsa', file: { path: secret } },
        new AbortController().signal,
      ),
    ).rejects.toThrow('不支持的文件类型');
    expect(engine.db.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(before);
    expect(
      seen
        .filter((e) => e.type === 'upload-progress' && e.uploadId === 'u-3')
        .map((e) => (e.type === 'upload-progress' ? e.stage : '')),
    ).toEqual(['queued', 'failed']);
  });
});
