import type { OutboxItemView } from '../../../../shared/ipc.js';
import { decimalToFen, formatFenYuan } from '../../../../shared/money.js';
import type { OutboxItem } from './outbox-store.js';

/** What the renderer may see of an item: a Chinese title and its state — not its idempotency key. */
export function toOutboxItemView(item: OutboxItem): OutboxItemView {
  const debitFen = item.payload.entries.reduce((sum, entry) => sum + (decimalToFen(entry.debit) ?? 0), 0);
  return {
    id: item.id,
    kind: item.kind,
    state: item.state,
    title: `凭证 ${item.payload.date} · 借方合计 ${formatFenYuan(debitFen)}${
      item.result ? ` · ${item.result.voucher_no}` : ''
    }`,
    accountSetId: item.payload.account_id,
    message: item.message,
    attempts: item.attempts,
    nextAttemptAt: item.state === 'pending' ? item.nextAttemptAt : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
