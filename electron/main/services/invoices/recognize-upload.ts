import { createHash, randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { ApiError } from '../../../../shared/api/errors.js';
import { INVOICE_MAX_BYTES } from '../../../../shared/api/invoice.js';
import type { RecognizeInvoiceRequest, RecognizeInvoiceResult } from '../../../../shared/ipc.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import { classifyFailure, isServedFromCache } from '../api-proxy/failure-kind.js';
import { OutcomeUnknownError } from '../api-proxy/outcome-unknown-error.js';
import type { EventBus } from '../events/event-bus.js';
import { UPLOAD_OFFLINE_MESSAGE, type OutboxDrainer } from '../outbox/outbox-drainer.js';
import type { OutboxStore } from '../outbox/outbox-store.js';
import { INVOICE_KIND_MEDIA_TYPES, sniffInvoiceKind } from '../folder-watch/invoice-file-kind.js';
import { UserFacingError } from '../user-facing-error.js';

export interface RecognizeUploadDeps {
  proxy: ApiProxy;
  events: EventBus;
  /** Undefined when cache.db could not be opened: an upload that cannot reach the engine just fails. */
  outbox?: { store: OutboxStore; drainer: OutboxDrainer };
  /** The current connection's scope (which engine the queued file is for). */
  scope?: () => string;
  /** Budget of all queued files together (tests lower it). */
  maxQueuedBytes?: number;
}

/**
 * Whether a failed upload waits in the outbox: the engine could not be reached or could not answer
 * (no connection, not running, timeout, 429, a gateway's 5xx, an answer cut off). Not a 500 the
 * engine itself answered about this file, not a refusal, and never a 结果未知 — that one may have
 * been recognised by a server that does not promise to honour the idempotency key.
 */
export function keepsUploadQueued(error: unknown): boolean {
  if (error instanceof OutcomeUnknownError) return false;
  if (error instanceof ApiError && error.code === 500) return false;
  return isServedFromCache(classifyFailure(error));
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
 * When the engine cannot be reached the file goes into the outbox with that same key (`outbox`
 * event, answer `{ queued: true }`), and the outbox's try reports `done` or `failed` later.
 */
export async function recognizeUpload(
  deps: RecognizeUploadDeps,
  args: RecognizeInvoiceRequest,
  signal: AbortSignal,
): Promise<RecognizeInvoiceResult> {
  const progress = (
    stage: 'queued' | 'uploading' | 'recognizing' | 'outbox' | 'done' | 'failed',
    loaded: number,
    total: number,
    extra: { message?: string; outboxId?: number } = {},
  ) =>
    deps.events.emit({
      type: 'upload-progress',
      uploadId: args.uploadId,
      fileName: args.fileName,
      stage,
      loadedBytes: loaded,
      totalBytes: total,
      ...(extra.message ? { message: extra.message } : {}),
      ...(extra.outboxId ? { outboxId: extra.outboxId } : {}),
    });
  progress('queued', 0, 0);
  let total = 0;
  let bytes: Uint8Array | undefined;
  let mediaType: string | undefined;
  const idempotencyKey = randomUUID();
  try {
    bytes = await fileBytes(args);
    total = bytes.length;
    const kind = sniffInvoiceKind(bytes);
    if (!kind) throw new UserFacingError(400, '不支持的文件类型：仅支持 jpg、png、pdf、ofd、xml');
    if (total > INVOICE_MAX_BYTES) throw new UserFacingError(400, '文件过大，票据文件不能超过 10MB');
    mediaType = INVOICE_KIND_MEDIA_TYPES[kind];
    const file = bytes;
    const contentType = mediaType;
    progress('uploading', 0, total);
    const result = await deps.proxy.call(
      (client, options) => {
        progress('recognizing', total, total);
        return client.recognizeInvoice(
          {
            file,
            filename: args.fileName,
            contentType,
            account_id: args.accountSetId,
            ...(args.invoiceType ? { invoice_type: args.invoiceType } : {}),
            ...(args.page ? { page: String(args.page) } : {}),
          },
          options,
        );
      },
      { name: 'recognizeInvoice', signal, idempotencyKey },
    );
    progress('done', total, total);
    return result;
  } catch (error) {
    if (bytes && mediaType && deps.outbox && deps.scope && keepsUploadQueued(error)) {
      return queueUpload(deps, args, { bytes, mediaType, idempotencyKey }, progress);
    }
    progress('failed', 0, total, error instanceof Error ? { message: error.message } : {});
    throw error;
  }
}

function queueUpload(
  deps: RecognizeUploadDeps,
  args: RecognizeInvoiceRequest,
  file: { bytes: Uint8Array; mediaType: string; idempotencyKey: string },
  progress: (
    stage: 'outbox' | 'failed',
    loaded: number,
    total: number,
    extra?: { message?: string; outboxId?: number },
  ) => void,
): RecognizeInvoiceResult {
  const { store, drainer } = deps.outbox ?? {};
  const total = file.bytes.length;
  if (!store || !drainer || !deps.scope) throw new Error('outbox unavailable');
  let item;
  try {
    item = store.enqueueUpload({
      scope: deps.scope(),
      idempotencyKey: file.idempotencyKey,
      bytes: file.bytes,
      maxTotalBytes: deps.maxQueuedBytes,
      payload: {
        uploadId: args.uploadId,
        accountSetId: args.accountSetId,
        fileName: args.fileName,
        mediaType: file.mediaType,
        sizeBytes: total,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        ...(args.invoiceType ? { invoiceType: args.invoiceType } : {}),
        ...(args.page ? { page: args.page } : {}),
      },
    });
  } catch (error) {
    progress('failed', 0, total, error instanceof Error ? { message: error.message } : {});
    throw error;
  }
  progress('outbox', 0, total, { message: UPLOAD_OFFLINE_MESSAGE, outboxId: item.id });
  // The drainer's pass starts on the next reconnect anyway; asking now also covers a blip.
  void drainer.drain();
  return { queued: true, outboxId: item.id, message: UPLOAD_OFFLINE_MESSAGE };
}
