import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endpoints } from '../../shared/api/index.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseRequestPart } from '../errors/parse-request.js';
import { routePath } from '../http/route-path.js';
import { accountSetForRead } from '../ledger/account-set-access.js';
import { defaultImagePath, type ImagePath } from '../recognition/image-path.js';
import { MULTIPART_LIMITS } from '../recognition/multipart-form.js';
import { recognizeInvoice } from '../recognition/recognize-invoice.js';
import { findInvoiceOfTenant, listInvoices, readInvoiceFile } from './invoice-records.js';

const noQuerySchema = z.strictObject({});

/** One rule for invoices that are not the caller's: 404, word for word as for ids that do not exist. */
function invoiceNotFound(invoiceId: string): ApiHttpError {
  return new ApiHttpError(404, `资源不存在：票据 ${invoiceId.slice(0, 64)} 不存在`);
}

export interface InvoiceRoutesOptions {
  /** The OCR path; the OCR module's shared worker pool unless a test hands in its own. */
  imagePath?: ImagePath;
}

/** invoice/recognize and the invoice extensions (get one, list, original file). */
export function registerInvoiceRoutes(
  app: FastifyInstance,
  db: EngineDb,
  options: InvoiceRoutesOptions = {},
): void {
  const imagePath = options.imagePath ?? defaultImagePath;

  // Multipart only where files are uploaded: every other route keeps answering JSON only.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
    scope.post(endpoints.invoiceRecognize.path, { config: { write: true } }, (request, reply) =>
      recognizeInvoice({ db, imagePath }, request, reply),
    );
  });

  app.get(endpoints.invoiceList.path, (request) => {
    const query = parseRequestPart(endpoints.invoiceList.query, request.query);
    const set = accountSetForRead(db, callerOf(request), query.account_id);
    const { invoices, total } = listInvoices(db, set.id, query);
    return { invoices, total, page: query.page, page_size: query.page_size };
  });

  app.get(routePath(endpoints.invoiceGet.path), (request) => {
    parseRequestPart(noQuerySchema, request.query);
    const { invoice_id } = parseRequestPart(endpoints.invoiceGet.params, request.params);
    const invoice = findInvoiceOfTenant(db, callerOf(request).tenantId, invoice_id);
    if (!invoice) throw invoiceNotFound(invoice_id);
    return invoice;
  });

  app.get(routePath(endpoints.invoiceFile.path), (request, reply) => {
    parseRequestPart(noQuerySchema, request.query);
    const { invoice_id } = parseRequestPart(endpoints.invoiceFile.params, request.params);
    const invoice = findInvoiceOfTenant(db, callerOf(request).tenantId, invoice_id);
    const file = invoice ? readInvoiceFile(db, invoice.file.sha256) : undefined;
    if (!invoice || !file) throw invoiceNotFound(invoice_id);
    const extension =
      {
        'application/pdf': 'pdf',
        'application/ofd': 'ofd',
        'application/xml': 'xml',
        'image/jpeg': 'jpg',
        'image/png': 'png',
      }[file.mediaType] ?? 'bin';
    return reply
      .type(file.mediaType)
      .header('content-disposition', `inline; filename="${invoice.invoice_id}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.data);
  });
}
