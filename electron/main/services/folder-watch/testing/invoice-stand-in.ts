import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { INVOICE_MAX_BYTES } from '../../../../../shared/api/invoice.js';
import { errorEnvelope } from '../../../../../shared/api/errors.js';
import { IDEMPOTENCY_HONOURED_HEADER } from '../../../../../shared/api/idempotency.js';

/** One request the stand-in received. */
export interface ReceivedUpload {
  idempotencyKey: string | undefined;
  accountId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  replayed: boolean;
}

export interface InvoiceStandIn {
  baseUrl: string;
  apiKey: string;
  /** Every request, in arrival order (replays included). */
  received: ReceivedUpload[];
  /** Invoices created: one per idempotency key (or per keyless request), like the engine. */
  invoices(): { invoiceId: string; sha256: string; accountId: string }[];
  /** Most requests ever handled at the same time. */
  maxConcurrent(): number;
  /** From now on each answer waits this long (the engine's recognition time). */
  setDelayMs(ms: number): void;
  /** The next n requests answer 500 before doing anything. */
  failNext(n: number): void;
  /** Files with this content are refused with 400 and this message (as the engine refuses a bad invoice). */
  refuseContent(sha256: string, message: string): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server standing in for the engine's `POST /api/v2/invoice/recognize` until the real
 * endpoint lands: multipart `file` + `account_id`, bearer key, 10 MB limit, and `Idempotency-Key`
 * honoured the way the engine honours it (a repeated key answers the first invoice, creates none).
 * It records every request so tests can count uploads and duplicates.
 */
export async function startInvoiceStandIn(options: { delayMs?: number } = {}): Promise<InvoiceStandIn> {
  const apiKey = 'sk_test_folderwatch0001';
  const received: ReceivedUpload[] = [];
  const byKey = new Map<string, { invoiceId: string; sha256: string; accountId: string }>();
  const keyless: { invoiceId: string; sha256: string; accountId: string }[] = [];
  let delayMs = options.delayMs ?? 0;
  let failures = 0;
  let active = 0;
  let maxActive = 0;
  let counter = 0;
  const refused = new Map<string, string>();

  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: INVOICE_MAX_BYTES + 1024 * 1024,
    // A test ends while the watcher may still hold a request open: closing must not wait for it.
    forceCloseConnections: true,
  });
  await app.register(multipart, { limits: { fileSize: INVOICE_MAX_BYTES, files: 1, fields: 4 } });

  app.addHook('onSend', async (_request, reply) => {
    reply.header(IDEMPOTENCY_HONOURED_HEADER, 'true');
  });

  app.post('/api/v2/invoice/recognize', async (request, reply) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    try {
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        return await reply.code(401).send(errorEnvelope(401, '未授权：API Key 无效'));
      }
      if (failures > 0) {
        failures -= 1;
        return await reply.code(500).send(errorEnvelope(500, '服务器错误：识别暂时不可用'));
      }
      let file: Buffer | undefined;
      let fileName = '';
      let accountId = '';
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          fileName = part.filename;
          file = await part.toBuffer();
        } else if (part.fieldname === 'account_id' && typeof part.value === 'string') {
          accountId = part.value;
        }
      }
      if (!file || !/^acc_[A-Za-z0-9]+$/.test(accountId)) {
        return await reply.code(400).send(errorEnvelope(400, '参数错误：缺少 file 或 account_id'));
      }
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const sha256 = createHash('sha256').update(file).digest('hex');
      const refusal = refused.get(sha256);
      if (refusal !== undefined) return await reply.code(400).send(errorEnvelope(400, refusal));
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' ? header : undefined;
      const existing = key === undefined ? undefined : byKey.get(key);
      received.push({
        idempotencyKey: key,
        accountId,
        fileName,
        sha256,
        sizeBytes: file.length,
        replayed: !!existing,
      });
      if (existing) {
        return await reply.header('idempotent-replayed', 'true').send(answer(existing.invoiceId));
      }
      counter += 1;
      const invoice = { invoiceId: `inv_${String(counter).padStart(6, '0')}`, sha256, accountId };
      if (key === undefined) keyless.push(invoice);
      else byKey.set(key, invoice);
      return await reply.send(answer(invoice.invoiceId));
    } finally {
      active -= 1;
    }
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    apiKey,
    received,
    invoices: () => [...byKey.values(), ...keyless],
    maxConcurrent: () => maxActive,
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    failNext: (n) => {
      failures = n;
    },
    refuseContent: (sha256, message) => {
      refused.set(sha256, message);
    },
    close: () => app.close(),
  };
}

function answer(invoiceId: string) {
  return {
    invoice_id: invoiceId,
    amount: 113,
    category: '办公用品',
    entries: [
      { abstract: '采购办公用品', account_code: '560203', debit: 100, credit: 0 },
      { abstract: '进项税额', account_code: '22210101', debit: 13, credit: 0 },
      { abstract: '应付账款', account_code: '2202', debit: 0, credit: 113 },
    ],
  };
}
