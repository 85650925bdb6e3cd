import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  errorEnvelope,
  invoiceRecognizeFieldsSchema,
  invoiceRecordSchema,
  type InvoiceItem,
  type InvoiceRecord,
} from '../../shared/api/index.js';
import { periodOfDate } from '../../shared/ledger/periods.js';
import { fenToDecimal } from '../../shared/money.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { isoTimestamp } from '../db/timestamps.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseRequestPart } from '../errors/parse-request.js';
import {
  IDEMPOTENCY_CONFLICT_MESSAGE,
  idempotencyKeyOf,
  REPLAYED_HEADER,
} from '../idempotency/idempotent-reply.js';
import { findIdempotencyRecord, saveIdempotencyRecord } from '../idempotency/idempotency-records.js';
import {
  findDuplicateInvoice,
  insertRecognizedInvoice,
  learnedAccount,
  newInvoiceId,
  storeInvoiceFile,
} from '../invoices/invoice-records.js';
import { accountSetForWrite } from '../ledger/account-set-access.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { analyzeInvoice, type AccountSetContext, type Analysis } from './classify/analyze.js';
import type { ExtractedItem } from './extract/invoice-fields.js';
import { MEDIA_TYPES } from './file-sniff.js';
import type { ImagePath } from './image-path.js';
import { readInvoiceForm } from './multipart-form.js';
import { readInvoiceFile, type FileReading } from './read-invoice-file.js';
import { toRecognitionHttpError } from './recognition-http-errors.js';

function accountSetContext(db: EngineDb, accountSetId: string, companyName: string): AccountSetContext {
  const chart = chartOf(db, accountSetId);
  return {
    companyName,
    isLeaf: (code) => chart.isLeaf(code),
    leafUnder: (code) =>
      chart.accounts.find((a) => a.is_leaf && a.code.startsWith(code) && a.code !== code)?.code,
    learned: (sellerTaxId, taxCategory) => learnedAccount(db, accountSetId, sellerTaxId, taxCategory),
    accountName: (code) => chart.get(code)?.name,
  };
}

const money = (fen: number | undefined | null): number | null =>
  fen === undefined || fen === null ? null : fenToDecimal(fen);

function itemOut(item: ExtractedItem): InvoiceItem {
  return {
    name: item.name,
    tax_category: item.taxCategory,
    spec: item.spec,
    unit: item.unit,
    quantity: item.quantity,
    unit_price: item.unitPrice,
    amount: fenToDecimal(item.amountFen),
    tax_rate: item.rate,
    tax: fenToDecimal(item.taxFen),
    tax_note: item.taxReason,
    discount: item.discount,
  };
}

function pagesWarning(reading: FileReading): InvoiceRecord['pages'] {
  if (reading.invoicePages <= 1 && reading.pageCount <= 1) return null;
  if (reading.invoicePages <= 1) return null;
  return {
    invoice_pages: reading.invoicePages,
    warning: `该文件共 ${reading.pageCount} 页，约含 ${reading.invoicePages} 张发票；本次只识别了第 ${reading.page} 页，其他页请用 page 字段分别识别`,
  };
}

function buildRecord(input: {
  invoiceId: string;
  accountId: string;
  reading: FileReading;
  analysis: Analysis;
  sha256: string;
  mediaType: string;
  size: number;
  createdAt: string;
}): InvoiceRecord {
  const { reading, analysis } = input;
  const x = analysis.extraction;
  return invoiceRecordSchema.parse({
    invoice_id: input.invoiceId,
    amount: fenToDecimal(Math.abs(analysis.totalFen ?? 0)),
    category: analysis.category,
    entries: analysis.entries,
    account_id: input.accountId,
    kind: analysis.kind,
    kind_name: analysis.kindName,
    type_code: analysis.typeCode,
    type_hint: analysis.typeHint,
    invoice_code: x.invoiceCode?.value ?? null,
    invoice_number: x.invoiceNumber?.value ?? null,
    issue_date: x.date?.value ?? null,
    check_code: x.checkCode?.value ?? null,
    buyer: { name: x.buyerName?.value ?? null, tax_id: x.buyerTaxId?.value ?? null },
    seller: { name: x.sellerName?.value ?? null, tax_id: x.sellerTaxId?.value ?? null },
    items: x.items.map(itemOut),
    total_amount: money(x.totalAmount?.value),
    total_tax: money(x.totalTax?.value),
    total_with_tax: money(x.totalWithTax?.value),
    amount_in_words: x.totalInWords?.value ?? null,
    direction: analysis.direction,
    category_account_code: analysis.categoryAccountCode,
    category_reason: analysis.categoryReason,
    confidence: analysis.confidence,
    fields: analysis.fields,
    checks: analysis.checks,
    duplicate: null,
    source: reading.path,
    qr_payload: x.qr?.raw ?? null,
    file: { sha256: input.sha256, media_type: input.mediaType, size: input.size },
    page: reading.page,
    page_count: reading.pageCount,
    pages: pagesWarning(reading),
    warnings: [...reading.warnings, ...analysis.warnings],
    created_at: input.createdAt,
  });
}

function fingerprint(request: FastifyRequest, fields: Record<string, string>, fileSha: string): string {
  const path = request.url.split('?', 1)[0] ?? '';
  const sorted = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key] ?? ''}`)
    .join('&');
  return createHash('sha256')
    .update(`${request.method} ${path}\n${sorted}\nfile=${fileSha}`, 'utf8')
    .digest('hex');
}

export interface RecognizeDeps {
  db: EngineDb;
  imagePath: ImagePath;
}

/**
 * POST /api/v2/invoice/recognize. Order of refusals: the form (400) → idempotency replay or
 * conflict → account set (404 not the caller's, 403 frozen) → the file (400 unreadable, 429 when
 * the OCR queue is full). Reading is pure; the invoice row, its file and the idempotency record
 * are then written in one immediate transaction, so a refusal or a fault leaves nothing behind.
 */
export async function recognizeInvoice(
  deps: RecognizeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string> {
  const { db } = deps;
  const caller = callerOf(request);
  const form = await readInvoiceForm(request);
  const key = idempotencyKeyOf(request);
  const fields = parseRequestPart(invoiceRecognizeFieldsSchema, form.fields);
  const file = form.file;
  if (!file) throw new ApiHttpError(400, '参数错误：file不能为空');
  const sha256 = createHash('sha256').update(file).digest('hex');
  const print = fingerprint(request, form.fields, sha256);

  const send = (statusCode: number, body: string, replayed: boolean): string => {
    void reply.code(statusCode).type('application/json; charset=utf-8');
    if (replayed) void reply.header(REPLAYED_HEADER, 'true');
    return body;
  };
  const remembered = (): string | undefined => {
    if (key === undefined) return undefined;
    const existing = findIdempotencyRecord(db, caller.tenantId, key);
    if (!existing) return undefined;
    if (existing.fingerprint !== print) throw new ApiHttpError(400, IDEMPOTENCY_CONFLICT_MESSAGE);
    return send(existing.statusCode, existing.responseBody, true);
  };
  const replay = remembered();
  if (replay !== undefined) return replay;

  let record: InvoiceRecord;
  let reading: FileReading;
  let analysis: Analysis;
  try {
    const set = accountSetForWrite(db, caller, fields.account_id);
    reading = await readInvoiceFile(new Uint8Array(file.buffer, file.byteOffset, file.length), {
      imagePath: deps.imagePath,
      ...(fields.page ? { page: Number(fields.page) } : {}),
    });
    analysis = analyzeInvoice(reading.extraction, accountSetContext(db, set.id, set.name), {
      ...(fields.invoice_type ? { hint: fields.invoice_type } : {}),
    });
    record = buildRecord({
      invoiceId: newInvoiceId(),
      accountId: set.id,
      reading,
      analysis,
      sha256,
      mediaType: MEDIA_TYPES[reading.fileType],
      size: file.length,
      createdAt: isoTimestamp(),
    });
  } catch (error) {
    const httpError = toRecognitionHttpError(error);
    if (key !== undefined && httpError.code !== 500 && httpError.code !== 429) {
      db.transaction(() => {
        if (!findIdempotencyRecord(db, caller.tenantId, key)) {
          saveIdempotencyRecord(db, caller.tenantId, key, {
            fingerprint: print,
            statusCode: httpError.code,
            responseBody: JSON.stringify(errorEnvelope(httpError.code, httpError.message)),
          });
        }
      }).immediate();
    }
    throw httpError;
  }

  return db
    .transaction((): string => {
      // Another request with the same key may have finished while this one was reading.
      const raced = remembered();
      if (raced !== undefined) return raced;
      const duplicate = findDuplicateInvoice(db, {
        accountSetId: record.account_id,
        invoiceCode: record.invoice_code,
        invoiceNumber: record.invoice_number,
        fileSha256: sha256,
        page: record.page,
      });
      if (duplicate) {
        record = {
          ...record,
          duplicate: {
            invoice_id: duplicate.invoiceId,
            matched_by: duplicate.matchedBy,
            created_at: duplicate.createdAt,
          },
          warnings: [
            ...record.warnings,
            `重复票据：与 ${duplicate.invoiceId}（${duplicate.createdAt}）是同一张，可能重复报销`,
          ],
        };
      }
      storeInvoiceFile(db, sha256, record.file.media_type, file);
      insertRecognizedInvoice(db, {
        record,
        period: record.issue_date
          ? periodOfDate(record.issue_date)
          : periodOfDate(record.created_at.slice(0, 10)),
        sellerTaxId: record.seller.tax_id,
        taxCategory: analysis.taxCategory,
        totalFen: analysis.totalFen,
      });
      const body = JSON.stringify(record);
      if (key !== undefined) {
        saveIdempotencyRecord(db, caller.tenantId, key, {
          fingerprint: print,
          statusCode: 200,
          responseBody: body,
        });
      }
      return send(200, body, false);
    })
    .immediate();
}
