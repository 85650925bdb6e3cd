import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { InvoiceRecognizeResponse } from '../../../../shared/api/invoice';
import type { IpcEvent } from '../../../../shared/ipc';
import { BridgeError, bridge, errorMessage, invoiceFileArg, unwrap } from '../../bridge';
import { queryKeys } from '../../hooks/queryKeys';
import { checkInvoiceFile, type FileCheck } from './invoiceFileCheck';

type UploadProgress = Extract<IpcEvent, { type: 'upload-progress' }>;

export type UploadState =
  'checking' | 'waiting' | 'uploading' | 'recognizing' | 'outbox' | 'recognized' | 'duplicate' | 'failed';

export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  checking: '检查中',
  waiting: '排队中',
  uploading: '上传中',
  recognizing: '识别中',
  outbox: '待发送',
  recognized: '已识别',
  duplicate: '重复',
  failed: '失败',
};

/** The order the page's one-line summary counts the uploads in. */
export const UPLOAD_SUMMARY_STATES = [
  'uploading',
  'recognizing',
  'waiting',
  'outbox',
  'recognized',
  'duplicate',
  'failed',
] as const satisfies readonly UploadState[];

export interface UploadItem {
  uploadId: string;
  fileName: string;
  size: number;
  state: UploadState;
  /** 0–100 while uploading */
  percent: number;
  /** Why it failed or was refused, in Chinese. */
  reason?: string;
  /** Whether it may be sent again (refused before upload: no). */
  retryable?: boolean;
  result?: InvoiceRecognizeResponse;
  /** Set once main kept the file in its outbox (待发送): its outcome arrives as events, 重试 resends it. */
  outboxId?: number;
}

/** At most this many uploads at once; the rest wait, so a batch of 50 never floods main or the engine. */
export const UPLOAD_CONCURRENCY = 3;

/** How many files' first bytes one task reads to check their type. */
export const CHECKS_PER_TASK = 10;

let uploadSeq = 0;
function newUploadId(): string {
  uploadSeq += 1;
  return `up-${Date.now().toString(36)}-${String(uploadSeq)}`;
}

/** Whether an upload failed because the engine could not be reached (the file may be sent again). */
function isUnreachable(error: unknown): boolean {
  return (
    error instanceof BridgeError && ['network_error', 'timeout_error', 'outcome_unknown'].includes(error.type)
  );
}

export interface RecognizeCall {
  (args: Parameters<typeof bridge.recognizeInvoice>[0]): ReturnType<typeof bridge.recognizeInvoice>;
}

/** 重试 of an upload main holds in its outbox: the outbox sends it again (same file, same key). */
export interface ResendCall {
  (args: Parameters<typeof bridge.retryOutboxItem>[0]): ReturnType<typeof bridge.retryOutboxItem>;
}

const RESENDING_MESSAGE = '已重新放入待发送队列，恢复连接后自动上传识别';

/**
 * The drop zone's queue, outside React: each file is checked (type, size) at once, then uploaded
 * with bounded concurrency; progress comes from main's `upload-progress` events. Subscribers get
 * a new `items` array on every change (for useSyncExternalStore).
 */
export class UploadQueue {
  #items: UploadItem[] = [];
  readonly #files = new Map<string, File>();
  readonly #waiting: string[] = [];
  /** Added, not yet checked (type, size): checked a group at a time. */
  readonly #unchecked: string[] = [];
  #checkScheduled = false;
  readonly #listeners = new Set<() => void>();
  #running = 0;

  #accountSetId: string | undefined;
  #onRecognized: () => void = () => undefined;

  constructor(
    private readonly recognize: RecognizeCall,
    private readonly concurrency = UPLOAD_CONCURRENCY,
    private readonly resend?: ResendCall,
  ) {}

  /** The account set new uploads go to, and who hears of each recognised invoice. */
  setContext(accountSetId: string | undefined, onRecognized: () => void): void {
    this.#accountSetId = accountSetId;
    this.#onRecognized = onRecognized;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly items = (): UploadItem[] => this.#items;

  #patch(uploadId: string, change: Partial<UploadItem>): void {
    this.#items = this.#items.map((item) => (item.uploadId === uploadId ? { ...item, ...change } : item));
    for (const listener of this.#listeners) listener();
  }

  #set(items: UploadItem[]): void {
    this.#items = items;
    for (const listener of this.#listeners) listener();
  }

  /**
   * The rows of a drop appear at once, as 检查中; their files are checked afterwards, in tasks of
   * their own (timers, not microtasks: the rows paint first) of CHECKS_PER_TASK files each. The drop
   * zone hands over one file at a time (antd calls `beforeUpload` per file, all in the drop's task);
   * the files added in one task are checked together, each group's outcome in one change: a batch of
   * 50 is five renders, not 50 spread over as many tasks, and no task reads more than a few files.
   */
  add(dropped: readonly File[]): void {
    const fresh: UploadItem[] = dropped.map((file) => {
      const uploadId = newUploadId();
      this.#files.set(uploadId, file);
      return { uploadId, fileName: file.name, size: file.size, state: 'checking', percent: 0 };
    });
    this.#set([...fresh, ...this.#items]);
    this.#unchecked.push(...fresh.map((item) => item.uploadId));
    this.#scheduleChecks();
  }

  #scheduleChecks(): void {
    if (this.#checkScheduled || this.#unchecked.length === 0) return;
    this.#checkScheduled = true;
    setTimeout(() => void this.#checkSome(), 0);
  }

  async #checkSome(): Promise<void> {
    // Starting a read of a file's first bytes costs about a millisecond of main thread each.
    const group = this.#unchecked.splice(0, CHECKS_PER_TASK);
    const checks = await Promise.all(
      group.map(async (uploadId) => {
        const file = this.#files.get(uploadId);
        if (!file) return undefined;
        // A file moved or deleted after the drop cannot be read: that file fails, the batch goes on.
        const check = await checkInvoiceFile(file).catch((): FileCheck => ({
          ok: false,
          reason: '无法读取文件：它可能已被移动或删除',
        }));
        return { uploadId, check };
      }),
    );
    const outcome = new Map<string, Partial<UploadItem>>();
    for (const done of checks) {
      if (!done) continue;
      if (done.check.ok) {
        outcome.set(done.uploadId, { state: 'waiting' });
        this.#waiting.push(done.uploadId);
      } else {
        this.#files.delete(done.uploadId);
        outcome.set(done.uploadId, { state: 'failed', reason: done.check.reason, retryable: false });
      }
    }
    this.#set(
      this.#items.map((item) => {
        const change = outcome.get(item.uploadId);
        return change && item.state === 'checking' ? { ...item, ...change } : item;
      }),
    );
    this.#pump();
    this.#checkScheduled = false;
    this.#scheduleChecks();
  }

  retry(uploadId: string): void {
    const item = this.#items.find((i) => i.uploadId === uploadId);
    if (item?.outboxId !== undefined && this.resend) {
      void this.#resend(uploadId, item.outboxId);
      return;
    }
    this.#requeue(uploadId);
  }

  #requeue(uploadId: string): void {
    if (!this.#files.has(uploadId)) return;
    this.#patch(uploadId, { state: 'waiting', reason: undefined, percent: 0, outboxId: undefined });
    this.#waiting.push(uploadId);
    this.#pump();
  }

  /** The outbox still has the file: send that one again; if the outbox no longer has it, upload anew. */
  async #resend(uploadId: string, outboxId: number): Promise<void> {
    this.#patch(uploadId, { state: 'outbox', reason: RESENDING_MESSAGE });
    try {
      unwrap(await (this.resend?.({ id: outboxId }) ?? Promise.reject(new Error('no outbox'))));
    } catch (error) {
      if (error instanceof BridgeError && error.code === 404) this.#requeue(uploadId);
      else this.#patch(uploadId, { state: 'failed', reason: errorMessage(error), retryable: true });
    }
  }

  clearFinished(): void {
    const kept = this.#items.filter((i) => i.state !== 'recognized' && i.state !== 'duplicate');
    for (const gone of this.#items) if (!kept.includes(gone)) this.#files.delete(gone.uploadId);
    this.#set(kept);
  }

  /** main's `upload-progress` event for one of our uploads (every stored one is fed again on each change). */
  progress(event: UploadProgress): void {
    const item = this.#items.find((i) => i.uploadId === event.uploadId);
    if (!item) return;
    if (event.outboxId !== undefined) {
      this.#outboxProgress(item, event, event.outboxId);
      return;
    }
    if (item.state !== 'uploading' && item.state !== 'recognizing') return;
    const state: UploadState = event.stage === 'recognizing' ? 'recognizing' : 'uploading';
    const percent =
      event.totalBytes > 0
        ? Math.min(100, Math.round((event.loadedBytes / event.totalBytes) * 100))
        : item.percent;
    if (state !== item.state || percent !== item.percent) this.#patch(item.uploadId, { state, percent });
  }

  /** An upload main keeps in its outbox: 待发送 while it waits, then the outcome of the outbox's try. */
  #outboxProgress(item: UploadItem, event: UploadProgress, outboxId: number): void {
    const followed =
      item.outboxId === outboxId ||
      (item.outboxId === undefined && (item.state === 'uploading' || item.state === 'recognizing'));
    if (!followed) return;
    if (event.stage === 'outbox') {
      if (item.state === 'outbox' && item.reason === event.message && item.outboxId === outboxId) return;
      // A stored `outbox` event fed again after the outcome must not undo it.
      if (item.state !== 'outbox' && item.outboxId === outboxId) return;
      this.#patch(item.uploadId, { state: 'outbox', reason: event.message, outboxId, percent: 0 });
      return;
    }
    if (item.state !== 'outbox') return;
    if (event.stage === 'done') {
      const duplicate = event.result?.duplicate ? true : false;
      this.#patch(item.uploadId, {
        state: duplicate ? 'duplicate' : 'recognized',
        percent: 100,
        result: event.result,
        reason: duplicate ? '本账套已有这张票据' : event.result ? undefined : event.message,
      });
      this.#onRecognized();
    } else if (event.stage === 'failed') {
      this.#patch(item.uploadId, { state: 'failed', reason: event.message ?? '识别失败', retryable: true });
    }
  }

  #pump(): void {
    while (this.#running < this.concurrency && this.#waiting.length > 0) {
      const uploadId = this.#waiting.shift();
      const file = uploadId ? this.#files.get(uploadId) : undefined;
      const account = this.#accountSetId;
      if (!uploadId || !file) continue;
      if (!account) {
        this.#patch(uploadId, { state: 'failed', reason: '请先选择账套', retryable: true });
        continue;
      }
      this.#running += 1;
      this.#patch(uploadId, { state: 'uploading', percent: 0 });
      void this.#send(uploadId, file, account).finally(() => {
        this.#running -= 1;
        this.#pump();
      });
    }
  }

  async #send(uploadId: string, file: File, accountSetId: string): Promise<void> {
    try {
      const result = unwrap(
        await this.recognize({
          accountSetId,
          uploadId,
          fileName: file.name.slice(0, 255) || 'invoice',
          file: await invoiceFileArg(file),
        }),
      );
      if ('queued' in result) {
        // Kept by main until the engine can be reached; the outcome comes as events.
        const current = this.#items.find((i) => i.uploadId === uploadId);
        if (current?.outboxId === result.outboxId && current.state !== 'outbox') return;
        this.#patch(uploadId, { state: 'outbox', reason: result.message, outboxId: result.outboxId });
        return;
      }
      this.#patch(uploadId, {
        state: result.duplicate ? 'duplicate' : 'recognized',
        percent: 100,
        result,
        ...(result.duplicate ? { reason: '本账套已有这张票据' } : {}),
      });
      this.#onRecognized();
    } catch (error) {
      this.#patch(uploadId, {
        state: 'failed',
        reason: isUnreachable(error) ? `${errorMessage(error)}（可稍后重试）` : errorMessage(error),
        retryable: true,
      });
    }
  }
}

/**
 * The page's queue, kept for the page's lifetime, with main's progress events fed in. It does not
 * subscribe to the queue's rows: only the upload section does (`useUploadItems`), so progress never
 * re-renders the page, its tabs or its invoice table.
 */
export function useUploadQueue(accountSetId: string | undefined, onRecognized: () => void): UploadQueue {
  const queryClient = useQueryClient();
  const [queue] = useState(
    () =>
      new UploadQueue(
        (args) => bridge.recognizeInvoice(args),
        UPLOAD_CONCURRENCY,
        (args) => bridge.retryOutboxItem(args),
      ),
  );
  useEffect(() => {
    queue.setContext(accountSetId, onRecognized);
  }, [queue, accountSetId, onRecognized]);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const key = event.query.queryKey as readonly unknown[];
        if (key[0] !== queryKeys.uploads[0] || event.type !== 'updated') return;
        const all = event.query.state.data as Record<string, UploadProgress> | undefined;
        for (const progress of Object.values(all ?? {})) queue.progress(progress);
      }),
    [queryClient, queue],
  );
  return queue;
}

/** The queue's rows and how many are in each state. */
export function useUploadItems(queue: UploadQueue) {
  const items = useSyncExternalStore(queue.subscribe, queue.items);
  const counts = useMemo(() => {
    const byState: Partial<Record<UploadState, number>> = {};
    for (const item of items) byState[item.state] = (byState[item.state] ?? 0) + 1;
    return byState;
  }, [items]);
  return { items, counts };
}
