import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoiceRecordSchema, type InvoiceRecord } from '../../shared/api/invoice.js';
import { checkVoucherEntries } from '../../shared/ledger/voucher-rules.js';
import { ensureBadInputs, type BadInput } from '../../tests/fixtures/invoices/bad-inputs.js';
import { ensureInvoiceCorpus, type CorpusEntry } from '../../tests/fixtures/invoices/corpus.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { accountSetId, getJson, postJson, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { bearer, createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { uploadInvoice } from './testing/invoice-upload.js';

let corpus: CorpusEntry[];
let badInputs: BadInput[];
beforeAll(async () => {
  corpus = await ensureInvoiceCorpus();
  badInputs = await ensureBadInputs();
}, 300_000);

let engine: TestEngine;
let accountA: string;
beforeEach(() => {
  engine = createTestEngine();
  accountA = accountSetId(engine, engine.tenantA);
});
afterAll(async () => {
  await engine.close();
});

function doc(id: string): { bytes: Buffer; name: string; entry: CorpusEntry } {
  const entry = corpus.find((e) => e.truth.id === id);
  if (!entry) throw new Error(`no corpus document ${id}`);
  return { bytes: readFileSync(entry.path), name: entry.truth.file, entry };
}

function firstOf(path: string, predicate: (e: CorpusEntry) => boolean = () => true): CorpusEntry {
  const entry = corpus.find((e) => e.truth.path === path && predicate(e));
  if (!entry) throw new Error(`no corpus document on path ${path}`);
  return entry;
}

async function recognize(
  entry: CorpusEntry,
  fields: Record<string, string> = {},
  apiKey = engine.tenantA.apiKey,
  headers: Record<string, string> = {},
) {
  return uploadInvoice(
    engine,
    apiKey,
    { account_id: accountA, ...fields },
    { bytes: readFileSync(entry.path), name: entry.truth.file },
    headers,
  );
}

function record(body: string): InvoiceRecord {
  return invoiceRecordSchema.parse(JSON.parse(body));
}

function errorMessage(body: string): string {
  return (JSON.parse(body) as { error: { message: string } }).error.message;
}

function storedCounts(): { invoices: number; files: number; idempotency: number } {
  const count = (table: string) => engine.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    invoices: count('invoices'),
    files: count('invoice_files'),
    idempotency: count('idempotency_records'),
  };
}

describe('POST /api/v2/invoice/recognize', () => {
  it('answers the seed’s four fields with balanced entries on leaf accounts that voucher/create accepts', async () => {
    const vat = firstOf('pdf-text', (e) => e.truth.invoices[0]?.apiType === 'vat');
    const res = await recognize(vat);
    expect(res.statusCode).toBe(200);
    const body = record(res.body);
    const truth = vat.truth.invoices[0];
    expect(body.invoice_id).toMatch(/^inv_/);
    expect(body.amount).toBe(Number(truth?.totalWithTax));
    expect(body.category).toBe(truth?.expected.category);
    expect(checkVoucherEntries(body.entries, chartOf(engine.db, accountA))).toEqual([]);
    // 专票: expense = 金额, 22210101 = 税额, 2202 = 价税合计.
    expect(body.entries.map((e) => [e.account_code, e.debit, e.credit])).toEqual([
      [truth?.expected.accountCode, Number(truth?.totalAmount), 0],
      ['22210101', Number(truth?.totalTax), 0],
      ['2202', 0, Number(truth?.totalWithTax)],
    ]);
    const posted = await postJson(
      engine,
      VOUCHER_CREATE,
      { account_id: accountA, date: body.issue_date, entries: body.entries, attachments: [body.invoice_id] },
      { apiKey: engine.tenantA.apiKey },
    );
    expect(posted.statusCode).toBe(200);
  });

  it('books a 普票 at 价税合计 without an input-VAT line', async () => {
    const normal = firstOf(
      'pdf-text',
      (e) => e.truth.invoices[0]?.apiType === 'normal' && e.truth.invoices[0].totalTax !== '0.00',
    );
    const body = record((await recognize(normal)).body);
    const truth = normal.truth.invoices[0];
    expect(body.kind).toBe('normal');
    expect(body.entries.map((e) => [e.account_code, e.debit, e.credit])).toEqual([
      [truth?.expected.accountCode, Number(truth?.totalWithTax), 0],
      ['2202', 0, Number(truth?.totalWithTax)],
    ]);
  });

  it('reports every cross-check, the source and confidence of each field', async () => {
    const body = record((await recognize(firstOf('pdf-text'))).body);
    expect(body.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['items_sum', 'amount_plus_tax', 'amount_in_words']),
    );
    expect(body.checks.every((c) => c.passed)).toBe(true);
    expect(body.fields['invoice_number']).toEqual({ confidence: 1, source: 'pdf-text' });
    expect(body.source).toBe('pdf-text');
    expect(body.page_count).toBe(1);
  });

  it('flags the second upload of the same invoice as a duplicate naming the first', async () => {
    const entry = firstOf('pdf-text', (e) => e.truth.layout === 'digital');
    const first = record((await recognize(entry)).body);
    const second = record((await recognize(entry)).body);
    expect(first.duplicate).toBeNull();
    expect(second.duplicate).toEqual({
      invoice_id: first.invoice_id,
      matched_by: 'number',
      created_at: first.created_at,
    });
    // The same 数电票 as OFD is the same invoice: the 20-digit number alone decides.
    const list = await getJson(
      engine,
      `/api/v2/invoice/list?account_id=${accountA}&duplicate=true`,
      engine.tenantA.apiKey,
    );
    expect(JSON.parse(list.body)).toMatchObject({ total: 1, invoices: [{ invoice_id: second.invoice_id }] });
    expect(storedCounts().files).toBe(1);
  });

  it('matches older invoices on 代码 + 号码', async () => {
    const legacy = firstOf('pdf-text', (e) => e.truth.layout === 'legacy');
    const first = record((await recognize(legacy)).body);
    const again = record((await recognize(legacy)).body);
    expect(again.duplicate?.matched_by).toBe('code_number');
    expect(again.duplicate?.invoice_id).toBe(first.invoice_id);
  });

  it('keeps the original file by hash and serves it back', async () => {
    const entry = firstOf('ofd');
    const body = record((await recognize(entry)).body);
    const file = await engine.app.inject({
      method: 'GET',
      url: `/api/v2/invoice/${body.invoice_id}/file`,
      headers: bearer(engine.tenantA.apiKey),
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/ofd');
    // The OFD's embedded QR is decoded and agrees with the text.
    expect(body.qr_payload).toBe(entry.truth.invoices[0]?.qr);
    expect(body.checks.find((c) => c.name === 'qr_amount')?.passed).toBe(true);
    expect(Buffer.compare(file.rawPayload, readFileSync(entry.path))).toBe(0);
    const got = await getJson(engine, `/api/v2/invoice/${body.invoice_id}`, engine.tenantA.apiKey);
    expect(record(got.body)).toEqual(body);
  });

  it('lists by account set and period, 进项/销项, paged', async () => {
    for (const entry of corpus.filter((e) => e.truth.path === 'xml').slice(0, 3)) await recognize(entry);
    const all = JSON.parse(
      (
        await getJson(
          engine,
          `/api/v2/invoice/list?account_id=${accountA}&page_size=2`,
          engine.tenantA.apiKey,
        )
      ).body,
    ) as { total: number; invoices: unknown[] };
    expect(all.total).toBe(3);
    expect(all.invoices).toHaveLength(2);
    const sales = JSON.parse(
      (
        await getJson(
          engine,
          `/api/v2/invoice/list?account_id=${accountA}&direction=sale`,
          engine.tenantA.apiKey,
        )
      ).body,
    ) as { total: number };
    expect(sales.total).toBe(0);
    const bad = await getJson(
      engine,
      `/api/v2/invoice/list?account_id=${accountA}&period=2024-13`,
      engine.tenantA.apiKey,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('books a sale when the seller is the account set’s own company', async () => {
    const entry = firstOf('xml', (e) => e.truth.invoices[0]?.apiType === 'vat');
    const seller = entry.truth.invoices[0]?.seller.name ?? '';
    engine.db.prepare('UPDATE account_sets SET name = ? WHERE id = ?').run(seller, accountA);
    const body = record((await recognize(entry)).body);
    const truth = entry.truth.invoices[0];
    expect(body.direction).toBe('sale');
    expect(body.entries.map((e) => [e.account_code, e.debit, e.credit])).toEqual([
      ['1122', Number(truth?.totalWithTax), 0],
      ['5001', 0, Number(truth?.totalAmount)],
      ['22210102', 0, Number(truth?.totalTax)],
    ]);
  });

  it('reports an invoice_type hint that disagrees, overwriting neither', async () => {
    const vat = firstOf('pdf-text', (e) => e.truth.invoices[0]?.apiType === 'vat');
    const body = record((await recognize(vat, { invoice_type: 'receipt' })).body);
    expect(body.kind).toBe('vat');
    expect(body.type_hint).toEqual({ given: 'receipt', matches: false });
    expect(body.warnings.join()).toContain('不一致');
  });

  it('answers a multi-invoice PDF page by page with a pages warning', async () => {
    const multi = firstOf('multi-page');
    const first = record((await recognize(multi)).body);
    expect(first.pages?.invoice_pages).toBe(multi.truth.invoices.length);
    expect(first.invoice_number).toBe(multi.truth.invoices[0]?.invoiceNumber);
    const second = record((await recognize(multi, { page: '2' })).body);
    expect(second.page).toBe(2);
    expect(second.invoice_number).toBe(multi.truth.invoices[1]?.invoiceNumber);
    expect(second.duplicate).toBeNull();
    const beyond = await recognize(multi, { page: '99' });
    expect(beyond.statusCode).toBe(400);
    expect(errorMessage(beyond.body)).toContain('page');
  });

  it('gives receipts no invented invoice number and no VAT lines', async () => {
    for (const entry of corpus.filter((e) => e.truth.path === 'receipt' && e.truth.format === 'pdf')) {
      const body = record((await recognize(entry)).body);
      expect(body.kind, entry.truth.id).toBe('receipt');
      expect(body.invoice_number, entry.truth.id).toBeNull();
      expect(
        body.entries.some((e) => e.account_code.startsWith('222101')),
        entry.truth.id,
      ).toBe(false);
      expect(body.confidence).toBeLessThanOrEqual(0.6);
    }
  });
});

describe('learning from the bookkeeper', () => {
  it('remembers (seller, tax category) → account when a voucher books an attached invoice elsewhere', async () => {
    const entry = firstOf('pdf-text', (e) => e.truth.invoices[0]?.apiType === 'normal');
    const first = record((await recognize(entry)).body);
    expect(first.category_reason.source).toBe('rule');
    const entries = first.entries.map((e) => (e.debit > 0 ? { ...e, account_code: '560299' } : e));
    const posted = await postJson(
      engine,
      VOUCHER_CREATE,
      { account_id: accountA, date: first.issue_date, entries, attachments: [first.invoice_id] },
      { apiKey: engine.tenantA.apiKey },
    );
    expect(posted.statusCode).toBe(200);
    const next = record((await recognize(entry)).body);
    expect(next.category_account_code).toBe('560299');
    expect(next.category_reason.source).toBe('learned');
    expect(next.entries[0]?.account_code).toBe('560299');
    // Another account set of the same tenant has learned nothing.
    const otherSet = engine.db
      .prepare("SELECT id FROM account_sets WHERE tenant_id = ? AND status = 'active'")
      .pluck()
      .all(engine.tenantB.id)[0] as string;
    const other = record(
      (
        await uploadInvoice(
          engine,
          engine.tenantB.apiKey,
          { account_id: otherSet },
          { bytes: readFileSync(entry.path), name: 'x.pdf' },
        )
      ).body,
    );
    expect(other.category_reason.source).toBe('rule');
  });
});

describe('tenancy', () => {
  it('answers another tenant’s invoice, file and account set with 404 word for word as unknown ids', async () => {
    const body = record((await recognize(firstOf('xml'))).body);
    const theirs = await getJson(engine, `/api/v2/invoice/${body.invoice_id}`, engine.tenantB.apiKey);
    const unknown = await getJson(engine, '/api/v2/invoice/inv_doesnotexist0000', engine.tenantB.apiKey);
    expect(theirs.statusCode).toBe(404);
    expect(errorMessage(theirs.body)).toBe(
      (JSON.parse(unknown.body) as { error: { message: string } }).error.message.replace(
        'inv_doesnotexist0000',
        body.invoice_id,
      ),
    );
    const file = await getJson(engine, `/api/v2/invoice/${body.invoice_id}/file`, engine.tenantB.apiKey);
    expect(file.statusCode).toBe(404);
    const list = await getJson(engine, `/api/v2/invoice/list?account_id=${accountA}`, engine.tenantB.apiKey);
    expect(list.statusCode).toBe(404);
    const before = storedCounts();
    const upload = await recognize(firstOf('xml'), {}, engine.tenantB.apiKey);
    expect(upload.statusCode).toBe(404);
    expect(storedCounts()).toEqual(before);
  });

  it('refuses a frozen account set with 403', async () => {
    const frozen = accountSetId(engine, engine.tenantA, 'frozen');
    const res = await recognize(firstOf('xml'), { account_id: frozen });
    expect(res.statusCode).toBe(403);
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and file, and refuses the key for another file', async () => {
    const xml = corpus.filter((e) => e.truth.path === 'xml');
    const [a, b] = [xml[0], xml[1]];
    if (!a || !b) throw new Error('corpus too small');
    const first = await recognize(a, {}, engine.tenantA.apiKey, { 'idempotency-key': 'k-1' });
    const again = await recognize(a, {}, engine.tenantA.apiKey, { 'idempotency-key': 'k-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(storedCounts().invoices).toBe(1);
    const other = await recognize(b, {}, engine.tenantA.apiKey, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(400);
    expect(storedCounts().invoices).toBe(1);
  });
});

describe('bad input', () => {
  it('answers every bad file with a clear Chinese 400 (or a low-confidence receipt) and stores nothing', async () => {
    for (const input of badInputs) {
      const before = storedCounts();
      const res = await uploadInvoice(
        engine,
        engine.tenantA.apiKey,
        { account_id: accountA },
        { bytes: readFileSync(input.path), name: input.uploadName },
      );
      if (input.expect === 'receipt-or-reject' && res.statusCode === 200) {
        const body = record(res.body);
        expect(body.kind, input.name).toBe('receipt');
        expect(body.confidence, input.name).toBeLessThanOrEqual(0.6);
        continue;
      }
      expect(res.statusCode, `${input.name}: ${res.body}`).toBe(400);
      const error = (JSON.parse(res.body) as { error: { code: number; message: string; type: string } })
        .error;
      expect(error, input.name).toMatchObject({ code: 400, type: 'invalid_request_error' });
      expect(error.message, input.name).toMatch(/^参数错误：/);
      expect(storedCounts(), input.name).toEqual(before);
    }
  }, 120_000);

  it('refuses forms that are not the documented multipart with 400', async () => {
    const json = await postJson(
      engine,
      '/api/v2/invoice/recognize',
      { account_id: accountA },
      { apiKey: engine.tenantA.apiKey },
    );
    expect(json.statusCode).toBe(400);
    const noFile = await uploadInvoice(engine, engine.tenantA.apiKey, { account_id: accountA });
    expect(errorMessage(noFile.body)).toBe('参数错误：file不能为空');
    const entry = doc(firstOf('xml').truth.id);
    const noAccount = await uploadInvoice(engine, engine.tenantA.apiKey, {}, entry);
    expect(noAccount.statusCode).toBe(400);
    expect(errorMessage(noAccount.body)).toContain('account_id');
    const unknownField = await uploadInvoice(
      engine,
      engine.tenantA.apiKey,
      { account_id: accountA, extra: '1' },
      entry,
    );
    expect(unknownField.statusCode).toBe(400);
    const badType = await uploadInvoice(
      engine,
      engine.tenantA.apiKey,
      { account_id: accountA, invoice_type: 'special' },
      entry,
    );
    expect(badType.statusCode).toBe(400);
    expect(storedCounts().invoices).toBe(0);
  });
});
