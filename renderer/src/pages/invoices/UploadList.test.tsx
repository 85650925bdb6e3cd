// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { IpcResult, OutboxItemView, RecognizeInvoiceResult } from '../../../../shared/ipc';
import { invoiceFixture } from './testing/invoiceFixture';
import { UploadList } from './UploadList';
import {
  CHECKS_PER_TASK,
  UPLOAD_CONCURRENCY,
  UploadQueue,
  type RecognizeCall,
  type UploadItem,
} from './uploadQueue';

/** The height a drawn upload row has in the browser (name and tag, one line). */
const ROW_HEIGHT = 41;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // happy-dom lays nothing out: the list's scroll area is as tall as its max-height asks and each
  // row as tall as a one-line row is in the browser, as the virtualised list measures them there.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number.parseInt(this.style.maxHeight, 10) || 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.index === undefined ? 0 : ROW_HEIGHT;
    },
  });
});
afterEach(() => cleanup());

const PDF = new TextEncoder().encode('%PDF-1.7\n%test invoice\n');

function pdfFile(name: string): File {
  return new File([PDF], name, { type: 'application/pdf' });
}

/** Waits until the queue's microtasks (file checks, answers) have run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** recognizeInvoice as main would answer it, each call held until the test lets it go. */
function heldRecognizer() {
  const pending: { uploadId: string; resolve: (r: IpcResult<RecognizeInvoiceResult>) => void }[] = [];
  const call: RecognizeCall = (args) =>
    new Promise((resolve) => {
      pending.push({ uploadId: args.uploadId, resolve });
    });
  return { call: vi.fn(call), pending };
}

function states(queue: UploadQueue): string[] {
  return queue.items().map((i) => i.state);
}

describe('upload queue', () => {
  test('refuses a wrong type and a file over 10 MB before anything is sent, with the reason', async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    queue.setContext('acc_1', () => undefined);
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'invoice.pdf');
    const zip = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])], 'archive.zip');
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf');
    queue.add([exe, zip, big]);
    await settle();
    const byName = new Map(queue.items().map((i) => [i.fileName, i]));
    expect(byName.get('invoice.pdf')).toMatchObject({ state: 'failed', retryable: false });
    expect(byName.get('invoice.pdf')?.reason).toContain('不支持的文件类型');
    expect(byName.get('archive.zip')?.reason).toContain('不支持的文件类型');
    expect(byName.get('big.pdf')?.reason).toContain('不能超过 10MB');
    expect(recognizer.call).not.toHaveBeenCalled();
  });

  test('a file that can no longer be read fails with the reason and the rest of the batch goes on', async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    queue.setContext('acc_1', () => undefined);
    const gone = pdfFile('gone.pdf');
    // What a browser does when the file was deleted after the drop.
    gone.slice = () => {
      const blob = new Blob([PDF]);
      blob.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
      return blob;
    };
    queue.add([gone, pdfFile('ok.pdf')]);
    await settle();
    const byName = new Map(queue.items().map((i) => [i.fileName, i]));
    expect(byName.get('gone.pdf')).toMatchObject({ state: 'failed', retryable: false });
    expect(byName.get('gone.pdf')?.reason).toContain('无法读取文件');
    expect(byName.get('ok.pdf')?.state).toBe('uploading');
    expect(recognizer.pending).toHaveLength(1);
  });

  test('a batch of 50 shows every file at once and sends at most a few at a time', async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    const recognized = vi.fn();
    queue.setContext('acc_1', recognized);
    queue.add(Array.from({ length: 50 }, (_, i) => pdfFile(`inv-${String(i)}.pdf`)));
    expect(queue.items()).toHaveLength(50);
    await settle();
    expect(recognizer.pending).toHaveLength(UPLOAD_CONCURRENCY);
    expect(states(queue).filter((s) => s === 'uploading')).toHaveLength(UPLOAD_CONCURRENCY);
    expect(states(queue).filter((s) => s === 'waiting')).toHaveLength(50 - UPLOAD_CONCURRENCY);

    // main reports the bytes sent, then that the engine is reading the file
    const first = recognizer.pending[0];
    if (!first) throw new Error('no upload');
    const event = {
      type: 'upload-progress' as const,
      uploadId: first.uploadId,
      fileName: 'x',
      totalBytes: 200,
    };
    queue.progress({ ...event, stage: 'uploading', loadedBytes: 50 });
    expect(queue.items().find((i) => i.uploadId === first.uploadId)).toMatchObject({
      state: 'uploading',
      percent: 25,
    });
    queue.progress({ ...event, stage: 'recognizing', loadedBytes: 200 });
    expect(queue.items().find((i) => i.uploadId === first.uploadId)?.state).toBe('recognizing');

    const invoice = invoiceFixture({
      id: 'inv_0001',
      seller: '晨光文具',
      sellerTaxId: '91310000132200000X',
      net: 100,
      tax: 13,
    });
    first.resolve({ ok: true, data: invoice });
    await settle();
    expect(queue.items().find((i) => i.uploadId === first.uploadId)?.state).toBe('recognized');
    expect(recognized).toHaveBeenCalledTimes(1);
    // the freed slot went to the next waiting file
    expect(recognizer.pending).toHaveLength(UPLOAD_CONCURRENCY + 1);
  });

  test('files handed over one at a time (as the drop zone does) show at once, then are checked a group per change', async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    queue.setContext('acc_1', () => undefined);
    const checking: number[] = [];
    queue.subscribe(() => checking.push(states(queue).filter((s) => s === 'checking').length));
    const zip = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])], 'archive.zip');
    for (let i = 0; i < 49; i++) queue.add([pdfFile(`inv-${String(i)}.pdf`)]);
    queue.add([zip]);
    // every row is there at once, each as it was dropped, and nothing is read yet
    expect(checking).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (let i = 0; i < 20; i++) await settle();
    // then the checks land a group at a time: 50 checking → 40 → … → none, one change per group
    // (the other changes start uploads)
    const groups = checking.slice(50).filter((n, i, all) => n !== all[i - 1]);
    expect(groups).toEqual([40, 30, 20, 10, 0]);
    expect(50 / CHECKS_PER_TASK).toBe(groups.length);
    expect(queue.items().find((i) => i.fileName === 'archive.zip')).toMatchObject({
      state: 'failed',
      retryable: false,
    });
    expect(recognizer.pending).toHaveLength(UPLOAD_CONCURRENCY);
    expect(states(queue).filter((s) => s === 'waiting')).toHaveLength(49 - UPLOAD_CONCURRENCY);
  });

  test('a duplicate and a failure are told apart, and only the failure can be retried', async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    queue.setContext('acc_1', () => undefined);
    queue.add([pdfFile('a.pdf'), pdfFile('b.pdf')]);
    await settle();
    const [a, b] = recognizer.pending;
    if (!a || !b) throw new Error('no uploads');
    const invoice = invoiceFixture({
      id: 'inv_0002',
      seller: '晨光文具',
      sellerTaxId: '91310000132200000X',
      net: 100,
      tax: 13,
    });
    a.resolve({
      ok: true,
      data: {
        ...invoice,
        duplicate: { invoice_id: 'inv_0001', matched_by: 'number', created_at: invoice.created_at },
      },
    });
    b.resolve({ ok: false, error: { code: 0, type: 'network_error', message: '无法连接到引擎' } });
    await settle();
    const byId = new Map(queue.items().map((i) => [i.uploadId, i]));
    expect(byId.get(a.uploadId)).toMatchObject({ state: 'duplicate', reason: '本账套已有这张票据' });
    expect(byId.get(b.uploadId)).toMatchObject({ state: 'failed', retryable: true });
    expect(byId.get(b.uploadId)?.reason).toContain('无法连接到引擎');
    queue.retry(b.uploadId);
    await settle();
    expect(recognizer.pending).toHaveLength(3);
    expect(queue.items().find((i) => i.uploadId === b.uploadId)?.state).toBe('uploading');
  });
});

describe("upload queue: 待发送 (kept in main's outbox while the engine cannot be reached)", () => {
  const outboxView = (id: number): OutboxItemView => ({
    id,
    kind: 'invoice.recognize',
    state: 'pending',
    title: '票据 a.pdf · 1 KB',
    accountSetId: 'acc_1',
    message: null,
    attempts: 1,
    nextAttemptAt: null,
    createdAt: '2026-12-02T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
  });
  const waitingMessage = '暂时无法连接引擎，票据已保存在待发送队列，恢复连接后自动上传识别';

  test("queued answer → 待发送 with the reason; the outbox's done event → 已识别, once, even when fed again", async () => {
    const recognizer = heldRecognizer();
    const queue = new UploadQueue(recognizer.call);
    const recognized = vi.fn();
    queue.setContext('acc_1', recognized);
    queue.add([pdfFile('a.pdf')]);
    await settle();
    const [a] = recognizer.pending;
    if (!a) throw new Error('no upload');
    const base = {
      type: 'upload-progress' as const,
      uploadId: a.uploadId,
      fileName: 'a.pdf',
      totalBytes: 24,
    };
    // main's event comes before its answer; both say the same.
    queue.progress({ ...base, stage: 'outbox', loadedBytes: 0, message: waitingMessage, outboxId: 7 });
    expect(queue.items()[0]).toMatchObject({ state: 'outbox', reason: waitingMessage, outboxId: 7 });
    a.resolve({ ok: true, data: { queued: true, outboxId: 7, message: waitingMessage } });
    await settle();
    expect(queue.items()[0]).toMatchObject({ state: 'outbox', outboxId: 7 });
    expect(recognized).not.toHaveBeenCalled();
    queue.clearFinished();
    expect(queue.items()).toHaveLength(1);

    const invoice = invoiceFixture({
      id: 'inv_0009',
      seller: '晨光文具',
      sellerTaxId: '91310000132200000X',
      net: 100,
      tax: 13,
    });
    const done = { ...base, stage: 'done' as const, loadedBytes: 24, outboxId: 7, result: invoice };
    queue.progress(done);
    expect(queue.items()[0]).toMatchObject({ state: 'recognized', result: invoice });
    expect(recognized).toHaveBeenCalledTimes(1);
    // Every stored event is fed again on each change: nothing moves back, nothing counts twice.
    queue.progress(done);
    queue.progress({ ...base, stage: 'outbox', loadedBytes: 0, message: waitingMessage, outboxId: 7 });
    expect(queue.items()[0]?.state).toBe('recognized');
    expect(recognized).toHaveBeenCalledTimes(1);
  });

  test('a duplicate or a failure from the outbox; 重试 of that failure resends the outbox item, not a new upload', async () => {
    const recognizer = heldRecognizer();
    const resend = vi.fn(() => Promise.resolve({ ok: true as const, data: outboxView(8) }));
    const queue = new UploadQueue(recognizer.call, UPLOAD_CONCURRENCY, resend);
    queue.setContext('acc_1', () => undefined);
    queue.add([pdfFile('a.pdf'), pdfFile('b.pdf')]);
    await settle();
    const [a, b] = recognizer.pending;
    if (!a || !b) throw new Error('no uploads');
    a.resolve({ ok: true, data: { queued: true, outboxId: 8, message: waitingMessage } });
    b.resolve({ ok: true, data: { queued: true, outboxId: 9, message: waitingMessage } });
    await settle();
    const invoice = invoiceFixture({
      id: 'inv_0010',
      seller: '晨光文具',
      sellerTaxId: '91310000132200000X',
      net: 100,
      tax: 13,
    });
    queue.progress({
      type: 'upload-progress',
      uploadId: b.uploadId,
      fileName: 'b.pdf',
      stage: 'done',
      loadedBytes: 24,
      totalBytes: 24,
      outboxId: 9,
      result: {
        ...invoice,
        duplicate: { invoice_id: 'inv_0001', matched_by: 'file_hash', created_at: invoice.created_at },
      },
    });
    queue.progress({
      type: 'upload-progress',
      uploadId: a.uploadId,
      fileName: 'a.pdf',
      stage: 'failed',
      loadedBytes: 0,
      totalBytes: 24,
      outboxId: 8,
      message: '识别失败：账套已冻结',
    });
    const byId = () => new Map(queue.items().map((i) => [i.uploadId, i]));
    expect(byId().get(b.uploadId)).toMatchObject({ state: 'duplicate', reason: '本账套已有这张票据' });
    expect(byId().get(a.uploadId)).toMatchObject({
      state: 'failed',
      reason: '识别失败：账套已冻结',
      retryable: true,
    });

    queue.retry(a.uploadId);
    await settle();
    expect(resend).toHaveBeenCalledWith({ id: 8 });
    expect(recognizer.pending).toHaveLength(2);
    expect(byId().get(a.uploadId)?.state).toBe('outbox');
  });

  test('重试 of an upload the outbox no longer has (放弃 there) uploads the file anew', async () => {
    const recognizer = heldRecognizer();
    const resend = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: {
          code: 404,
          type: 'not_found_error' as const,
          message: '待发送队列中没有这条记录（可能已处理）',
        },
      }),
    );
    const queue = new UploadQueue(recognizer.call, UPLOAD_CONCURRENCY, resend);
    queue.setContext('acc_1', () => undefined);
    queue.add([pdfFile('a.pdf')]);
    await settle();
    const [a] = recognizer.pending;
    if (!a) throw new Error('no upload');
    a.resolve({ ok: true, data: { queued: true, outboxId: 3, message: waitingMessage } });
    await settle();
    queue.progress({
      type: 'upload-progress',
      uploadId: a.uploadId,
      fileName: 'a.pdf',
      stage: 'failed',
      loadedBytes: 0,
      totalBytes: 24,
      outboxId: 3,
      message: '已从待发送队列中放弃，未上传',
    });
    expect(queue.items()[0]?.state).toBe('failed');
    queue.retry(a.uploadId);
    await settle();
    expect(resend).toHaveBeenCalledWith({ id: 3 });
    expect(recognizer.pending).toHaveLength(2);
    expect(queue.items()[0]).toMatchObject({ state: 'uploading', outboxId: undefined });
  });
});

describe('upload list', () => {
  const item = (over: Partial<UploadItem> & Pick<UploadItem, 'uploadId' | 'state'>): UploadItem => ({
    fileName: `${over.uploadId}.pdf`,
    size: 100,
    percent: 0,
    ...over,
  });

  test('shows each state, the reason, progress while uploading, and 重试 only where it helps', () => {
    const onRetry = vi.fn();
    const items: UploadItem[] = [
      item({ uploadId: 'u1', state: 'uploading', percent: 40 }),
      item({ uploadId: 'u2', state: 'recognizing' }),
      item({
        uploadId: 'u3',
        state: 'recognized',
        result: invoiceFixture({
          id: 'inv_0003',
          seller: '顺丰速运',
          sellerTaxId: '91440300000000000X',
          net: 20,
          tax: 1.2,
        }),
      }),
      item({ uploadId: 'u4', state: 'duplicate', reason: '本账套已有这张票据' }),
      item({ uploadId: 'u5', state: 'failed', reason: '无法连接到引擎（可稍后重试）', retryable: true }),
      item({ uploadId: 'u6', state: 'failed', reason: '文件过大', retryable: false }),
      item({
        uploadId: 'u7',
        state: 'outbox',
        reason: '暂时无法连接引擎，恢复连接后自动上传识别',
        outboxId: 4,
      }),
    ];
    render(<UploadList items={items} onRetry={onRetry} />);
    const rows = screen.getAllByTestId('upload-item');
    expect(rows.map((r) => within(r).getByTestId('upload-state').textContent)).toEqual([
      '上传中',
      '识别中',
      '已识别',
      '重复',
      '失败',
      '失败',
      '待发送',
    ]);
    const waiting = rows[6] as HTMLElement;
    expect(within(waiting).getByTestId('upload-reason').textContent).toBe(
      '暂时无法连接引擎，恢复连接后自动上传识别',
    );
    expect(waiting.getAttribute('data-outbox-id')).toBe('4');
    expect(within(waiting).queryByRole('button', { name: /重\s*试/ })).toBeNull();
    expect(within(rows[0] as HTMLElement).getByText('40%')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText(/顺丰速运 · ¥21\.20/)).toBeTruthy();
    expect(within(rows[3] as HTMLElement).getByTestId('upload-reason').textContent).toBe(
      '本账套已有这张票据',
    );
    expect(within(rows[5] as HTMLElement).queryByRole('button', { name: /重\s*试/ })).toBeNull();
    act(() =>
      within(rows[4] as HTMLElement)
        .getByRole('button', { name: /重\s*试/ })
        .click(),
    );
    expect(onRetry).toHaveBeenCalledWith('u5');
  });

  test('of a batch of 50 only the rows in view are drawn, each with its state; scrolling draws the rest', async () => {
    const items: UploadItem[] = Array.from({ length: 50 }, (_, i) =>
      item({
        uploadId: `u${String(i)}`,
        state: i % 3 === 0 ? 'recognizing' : i % 3 === 1 ? 'waiting' : 'failed',
        ...(i % 3 === 2 ? { reason: '无法连接到引擎（可稍后重试）', retryable: true } : {}),
      }),
    );
    render(<UploadList items={items} onRetry={() => undefined} />);
    const list = screen.getByTestId('upload-list');
    expect(list.getAttribute('data-count')).toBe('50');
    const drawn = () => screen.getAllByTestId('upload-item');
    const label = (row: HTMLElement) => within(row).getByTestId('upload-state').textContent;
    const first = drawn();
    // about seven rows fit in 280 px, eight more are drawn below them for scrolling
    expect(first.length).toBeGreaterThan(6);
    expect(first.length).toBeLessThan(20);
    expect(first.map((r) => r.getAttribute('data-index'))).toEqual(first.map((_, i) => String(i)));
    expect(first.slice(0, 3).map(label)).toEqual(['识别中', '排队中', '失败']);
    expect(within(first[2] as HTMLElement).getByTestId('upload-reason').textContent).toBe(
      '无法连接到引擎（可稍后重试）',
    );
    // the rows not drawn still take their room, so the scrollbar is that of 50 rows
    expect(Number.parseInt(list.style.getPropertyValue('--zxe-upload-after'), 10)).toBe(
      (50 - first.length) * ROW_HEIGHT,
    );

    await act(async () => {
      list.scrollTop = 45 * ROW_HEIGHT;
      list.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const last = drawn();
    const lastRow = last.find((r) => r.getAttribute('data-index') === '49');
    expect(lastRow).toBeTruthy();
    expect(label(lastRow as HTMLElement)).toBe('排队中');
    expect(last.some((r) => r.getAttribute('data-index') === '0')).toBe(false);
  });
});
