import { useSyncExternalStore } from 'react';
import type { VoucherDraft } from '../../../../../shared/vouchers/voucher-drafts';

/**
 * The editor page's draft, outside React state: a keystroke updates it and only the components that
 * read it (`useDraft`) render again — the grid, the 可以保存 hint, the templates dialog's lines —
 * not the page with its toolbar, alerts and queries. Autosave listens without rendering at all.
 */
export interface DraftStore {
  get: () => VoucherDraft;
  set: (next: VoucherDraft) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createDraftStore(initial: VoucherDraft): DraftStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (next) => {
      if (next === current) return;
      current = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useDraft(store: DraftStore): VoucherDraft {
  return useSyncExternalStore(store.subscribe, store.get);
}
