import type { OutboxItemView } from '../../../../shared/ipc.js';
import { decimalToFen, formatFenYuan } from '../../../../shared/money.js';
import type { OutboxItem } from './outbox-store.js';

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function titleOf(item: OutboxItem): string {
  if (item.kind === 'invoice.recognize') {
    const outcome = item.result ? ` · ${item.result.duplicate ? '重复' : '已识别'}` : '';
    return `票据 ${item.payload.fileName} · ${fileSize(item.payload.sizeBytes)}${outcome}`;
  }
  const debitFen = item.payload.entries.reduce((sum, entry) => sum + (decimalToFen(entry.debit) ?? 0), 0);
  return `凭证 ${item.payload.date} · 借方合计 ${formatFenYuan(debitFen)}${
    item.result ? ` · ${item.result.voucher_no}` : ''
  }`;
}

/** What the renderer may see of an item: a Chinese title and its state — not its idempotency key. */
export function toOutboxItemView(item: OutboxItem): OutboxItemView {
  return {
    id: item.id,
    kind: item.kind,
    state: item.state,
    title: titleOf(item),
    accountSetId: item.kind === 'invoice.recognize' ? item.payload.accountSetId : item.payload.account_id,
    message: item.message,
    attempts: item.attempts,
    nextAttemptAt: item.state === 'pending' ? item.nextAttemptAt : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
