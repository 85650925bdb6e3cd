import type { IpcEvent } from '../../../../shared/ipc.js';
import { UPLOAD_OFFLINE_MESSAGE } from './outbox-drainer.js';
import type { OutboxItem } from './outbox-store.js';

type UploadProgressEvent = Extract<IpcEvent, { type: 'upload-progress' }>;

export const UPLOAD_DISCARDED_MESSAGE = '已从待发送队列中放弃，未上传';

/**
 * The `upload-progress` event that tells the 票据 page where a queued upload stands: `outbox`
 * (待发送, with why) while it waits, `done` with the engine's answer, `failed` with the reason
 * (also for 结果未知 and for one the user discarded). Nothing for a voucher, or while it is sent.
 */
export function uploadEventOf(item: OutboxItem, removed = false): UploadProgressEvent | undefined {
  if (item.kind !== 'invoice.recognize') return undefined;
  const size = item.payload.sizeBytes;
  const base = {
    type: 'upload-progress',
    uploadId: item.payload.uploadId,
    fileName: item.payload.fileName,
    loadedBytes: 0,
    totalBytes: size,
    outboxId: item.id,
  } as const;
  if (removed) return { ...base, stage: 'failed', message: UPLOAD_DISCARDED_MESSAGE };
  switch (item.state) {
    case 'pending':
      return { ...base, stage: 'outbox', message: item.message ?? UPLOAD_OFFLINE_MESSAGE };
    case 'sending':
      return undefined;
    case 'done':
      return {
        ...base,
        stage: 'done',
        loadedBytes: size,
        ...(item.result ? { result: item.result } : {}),
        ...(item.message ? { message: item.message } : {}),
      };
    case 'failed':
    case 'unknown':
      return { ...base, stage: 'failed', message: item.message ?? '识别失败' };
  }
}
