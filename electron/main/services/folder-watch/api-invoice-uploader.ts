import type { InvoiceRecognizeResponse } from '../../../../shared/api/invoice.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import { classifyFailure } from '../api-proxy/failure-kind.js';
import { OutcomeUnknownError } from '../api-proxy/outcome-unknown-error.js';
import { toIpcError } from '../../ipc/to-ipc-error.js';
import { UploadFailure, type InvoiceUploader } from './invoice-uploader.js';

/** Called with every recognized invoice, e.g. to keep it in the cache for the 票据 list. */
export type OnInvoiceRecognized = (upload: {
  accountSetId: string;
  file: Uint8Array;
  fileName: string;
  result: InvoiceRecognizeResponse;
}) => void;

export const OUTCOME_UNKNOWN_MESSAGE =
  '结果未知：上传可能已被服务器处理，但没有收到应答。请在「票据」列表中核对，确认没有后再点「重试失败项」';

/**
 * The production uploader: `POST /api/v2/invoice/recognize` through main's ApiProxy (so retries,
 * the request gate, reachability and the current connection's key apply), with the queue item's
 * idempotency key on every attempt. Failures are sorted by what they mean for the queue.
 */
export function apiInvoiceUploader(proxy: ApiProxy, onRecognized?: OnInvoiceRecognized): InvoiceUploader {
  return async (request) => {
    let result;
    try {
      result = await proxy.call(
        (client, options) =>
          client.recognizeInvoice(
            {
              file: request.bytes,
              filename: request.fileName,
              contentType: request.contentType,
              account_id: request.accountSetId,
            },
            options,
          ),
        { name: 'folderWatchUpload', signal: request.signal, idempotencyKey: request.idempotencyKey },
      );
    } catch (error) {
      // Toward a server that never said it honours the key, a resend could make a second invoice.
      if (error instanceof OutcomeUnknownError) {
        throw new UploadFailure('never', OUTCOME_UNKNOWN_MESSAGE, { cause: error });
      }
      const kind = classifyFailure(error);
      const { message } = toIpcError(error);
      if (kind === 'rejected') throw new UploadFailure('never', message, { cause: error });
      if (kind === 'auth') throw new UploadFailure('key', message, { cause: error });
      throw new UploadFailure('later', message, { cause: error });
    }
    onRecognized?.({
      accountSetId: request.accountSetId,
      file: request.bytes,
      fileName: request.fileName,
      result,
    });
    return { invoiceId: result.invoice_id };
  };
}
