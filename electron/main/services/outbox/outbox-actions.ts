import type { OutboxItemView } from '../../../../shared/ipc.js';
import { UserFacingError } from '../user-facing-error.js';
import type { OutboxDrainer } from './outbox-drainer.js';
import type { OutboxItem, OutboxStore } from './outbox-store.js';
import { toOutboxItemView } from './outbox-view.js';

const CONFIRMED_MESSAGE = '已确认入账（由用户核对）';
const CONFIRMED_UPLOAD_MESSAGE = '已确认识别（由用户核对）';

/**
 * What the user may do with a write the outbox could not settle by itself: 重试 / 重新发送 a failed
 * or 结果未知 one, 确认已入账 a 结果未知 one, 放弃 one that is not on the wire. Each checks the item's
 * state first, so a stale button (the item moved on meanwhile) changes nothing and says why.
 */
export class OutboxActions {
  readonly #store: OutboxStore;
  readonly #drainer: OutboxDrainer;
  readonly #onChange: () => void;
  readonly #onItemChanged: (item: OutboxItem, removed: boolean) => void;

  constructor(deps: {
    store: OutboxStore;
    drainer: OutboxDrainer;
    onChange: () => void;
    /** One item changed by the user's action (or was removed): e.g. the 票据 page's row follows it. */
    onItemChanged?: (item: OutboxItem, removed: boolean) => void;
  }) {
    this.#store = deps.store;
    this.#drainer = deps.drainer;
    this.#onChange = deps.onChange;
    this.#onItemChanged = deps.onItemChanged ?? (() => undefined);
  }

  resend(id: number): OutboxItemView {
    const item = this.#existing(id);
    if (item.state !== 'failed' && item.state !== 'unknown') {
      throw new UserFacingError(409, '只有失败或结果未知的记录可以重新发送');
    }
    this.#store.requeue(id);
    this.#drainer.forget(id);
    this.#onChange();
    this.#onItemChanged(this.#existing(id), false);
    void this.#drainer.drain();
    return this.#view(id);
  }

  confirm(id: number): OutboxItemView {
    const item = this.#existing(id);
    if (item.state !== 'unknown') throw new UserFacingError(409, '只有结果未知的记录可以确认已入账');
    this.#store.markConfirmed(
      id,
      item.kind === 'invoice.recognize' ? CONFIRMED_UPLOAD_MESSAGE : CONFIRMED_MESSAGE,
    );
    this.#drainer.forget(id);
    this.#onChange();
    this.#onItemChanged(this.#existing(id), false);
    return this.#view(id);
  }

  discard(id: number): { discarded: boolean } {
    const item = this.#existing(id);
    if (item.state === 'sending') throw new UserFacingError(409, '正在发送中，请稍后再放弃');
    if (item.state === 'done') throw new UserFacingError(409, '已提交的记录不能放弃');
    this.#store.remove(id);
    this.#drainer.forget(id);
    this.#onChange();
    this.#onItemChanged(item, true);
    return { discarded: true };
  }

  #existing(id: number): OutboxItem {
    const item = this.#store.get(id);
    if (!item) throw new UserFacingError(404, '待发送队列中没有这条记录（可能已处理）');
    return item;
  }

  #view(id: number): OutboxItemView {
    return toOutboxItemView(this.#existing(id));
  }
}
