import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { INVOICE_MAX_BYTES, type InvoiceRecognizeResponse } from '../../../../shared/api/invoice.js';
import type { RecognizeInvoiceRequest } from '../../../../shared/ipc.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import type { EventBus } from '../events/event-bus.js';
import { INVOICE_KIND_MEDIA_TYPES, sniffInvoiceKind } from '../folder-watch/invoice-file-kind.js';
import { UserFacingError } from '../user-facing-error.js';

export interface RecognizeUploadDeps {
  proxy: ApiProxy;
  events: EventBus;
}

/**
 * Reads a file the user dropped, by the path Electron gave for it. A compromised page could name
 * any path, so only a regular file of at most 10 MB whose bytes are an invoice type (JPG, PNG,
 * PDF, OFD, XML) is read; anything else is refused before a byte leaves the machine.
 */
async function readDroppedFile(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new UserFacingError(400, '无法读取该文件，请确认文件仍在原处');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UserFacingError(400, '只能上传文件，不能上传文件夹');
    if (info.size === 0) throw new UserFacingError(400, '文件为空');
    if (info.size > INVOICE_MAX_BYTES) throw new UserFacingError(400, '文件过大，票据文件不能超过 10MB');
    const bytes = new Uint8Array(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function fileBytes(args: RecognizeInvoiceRequest): Promise<Uint8Array> {
  if ('path' in args.file) return readDroppedFile(args.file.path);
  return Promise.resolve(new Uint8Array(Buffer.from(args.file.bytesBase64, 'base64')));
}

/**
 * recognizeInvoice over IPC: the file's bytes (or its path in Electron), POST
 * /api/v2/invoice/recognize through the proxy with one idempotency key for all retries, and
 * `upload-progress` events (queued → uploading → recognizing → done | failed) for the 票据 page.
 */
export async function recognizeUpload(
  deps: RecognizeUploadDeps,
  args: RecognizeInvoiceRequest,
  signal: AbortSignal,
): Promise<InvoiceRecognizeResponse> {
  const progress = (
    stage: 'queued' | 'uploading' | 'recognizing' | 'done' | 'failed',
    loaded: number,
    total: number,
    message?: string,
  ) =>
    deps.events.emit({
      type: 'upload-progress',
      uploadId: args.uploadId,
      fileName: args.fileName,
      stage,
      loadedBytes: loaded,
      totalBytes: total,
      ...(message ? { message } : {}),
    });
  progress('queued', 0, 0);
  let total = 0;
  try {
    const bytes = await fileBytes(args);
    total = bytes.length;
    const kind = sniffInvoiceKind(bytes);
    if (!kind) throw new UserFacingError(400, '不支持的文件类型：仅支持 jpg、png、pdf、ofd、xml');
    progress('uploading', 0, total);
    const result = await deps.proxy.call(
      (client, options) => {
        progress('recognizing', total, total);
        return client.recognizeInvoice(
          {
            file: bytes,
            filename: args.fileName,
            contentType: INVOICE_KIND_MEDIA_TYPES[kind],
            account_id: args.accountSetId,
            ...(args.invoiceType ? { invoice_type: args.invoiceType } : {}),
            ...(args.page ? { page: String(args.page) } : {}),
          },
          options,
        );
      },
      { name: 'recognizeInvoice', signal, idempotencyKey: randomUUID() },
    );
    progress('done', total, total);
    return result;
  } catch (error) {
    progress('failed', 0, total, error instanceof Error ? error.message : undefined);
    throw error;
  }
}
