import { afterEach, describe, expect, test } from 'vitest';
import type { VoucherDraft } from '../../../../shared/vouchers/voucher-drafts.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { AppCache } from '../cache/app-cache.js';
import {
  TEMPLATES_PER_ACCOUNT_SET_MAX,
  TooManyTemplatesError,
  VoucherDraftsStore,
} from './voucher-drafts-store.js';

const caches: AppCache[] = [];

function open(dir = tempDir('voucher-drafts')) {
  const { cache } = AppCache.open({ userDataDir: dir, logger: fileLogger(dir) });
  caches.push(cache);
  return { cache, dir, store: new VoucherDraftsStore(cache.db) };
}

afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

const draft: VoucherDraft = {
  date: '2024-03-05',
  attachmentCount: 2,
  attachments: [],
  lines: [
    { abstract: '报销办公用品', accountCode: '560203', debit: '120.5', credit: '' },
    { abstract: '报销办公用品', accountCode: '', debit: '', credit: '12' },
  ],
};

describe('voucher drafts and templates in cache.db', () => {
  test('a draft survives closing and reopening the cache, per scope and account set', () => {
    const first = open();
    first.store.saveDraft('local', 'acc_a', 'new', draft);
    first.store.saveDraft('local', 'acc_a', 'new', { ...draft, attachmentCount: 3 });
    first.store.saveDraft('cloud:https://x', 'acc_a', 'new', draft);
    first.cache.close();

    const again = open(first.dir);
    const drafts = again.store.listDrafts('local', 'acc_a');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.draft).toEqual({ ...draft, attachmentCount: 3 });
    expect(again.store.listDrafts('local', 'acc_b')).toEqual([]);
    expect(again.store.deleteDraft('local', 'acc_a', 'new')).toBe(true);
    expect(again.store.deleteDraft('local', 'acc_a', 'new')).toBe(false);
    expect(again.store.listDrafts('local', 'acc_a')).toEqual([]);
    expect(again.store.listDrafts('cloud:https://x', 'acc_a')).toHaveLength(1);
  });

  test('a row that no longer parses is skipped, not served', () => {
    const { cache, store } = open();
    store.saveDraft('local', 'acc_a', 'new', draft);
    cache.db.prepare('UPDATE voucher_drafts SET payload = \'{"date":5}\'').run();
    expect(store.listDrafts('local', 'acc_a')).toEqual([]);
  });

  test('templates: saved by name (same name replaces), listed by name, deleted by id, capped', () => {
    const { store } = open();
    const a = store.saveTemplate('local', 'acc_a', '报销', draft.lines);
    const b = store.saveTemplate('local', 'acc_a', '工资', draft.lines.slice(0, 1));
    const a2 = store.saveTemplate('local', 'acc_a', '报销', draft.lines.slice(1));
    expect(a2.id).toBe(a.id);
    expect(store.listTemplates('local', 'acc_a').map((t) => [t.name, t.lines.length])).toEqual([
      ['工资', 1],
      ['报销', 1],
    ]);
    expect(store.listTemplates('local', 'acc_b')).toEqual([]);
    expect(store.deleteTemplate('local', 'acc_b', b.id)).toBe(false);
    expect(store.deleteTemplate('local', 'acc_a', b.id)).toBe(true);
    expect(() => store.saveTemplate('local', 'acc_a', '空', [])).toThrow();

    for (let i = store.listTemplates('local', 'acc_a').length; i < TEMPLATES_PER_ACCOUNT_SET_MAX; i += 1) {
      store.saveTemplate('local', 'acc_a', `t${String(i)}`, draft.lines);
    }
    expect(() => store.saveTemplate('local', 'acc_a', 'one too many', draft.lines)).toThrow(
      TooManyTemplatesError,
    );
    // Replacing an existing one is still allowed at the cap.
    expect(store.saveTemplate('local', 'acc_a', '报销', draft.lines).name).toBe('报销');
  });
});
