import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { voucherSchema, type Voucher } from '../../../../shared/api/ledger.js';
import type { VoucherPrintResult } from '../../../../shared/ipc.js';
import type { IpcHandlers } from '../../ipc/router.js';
import type { AppLogger } from '../../logging/logger.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import type { AppCache } from '../cache/app-cache.js';
import { parseJsonColumn, type CachedCopy } from '../cache/json-column.js';
import { readThrough } from '../reads/read-through.js';
import { UserFacingError } from '../user-facing-error.js';
import { VoucherDraftsStore } from './voucher-drafts-store.js';

/** Turns one voucher into a saved PDF (Electron: printToPDF + save dialog); absent in browser mode. */
export type VoucherPdfPrinter = (voucher: Voucher, accountSetName: string) => Promise<VoucherPrintResult>;

export interface VoucherWorkDeps {
  proxy: ApiProxy;
  /** Undefined when cache.db could not be opened: drafts and templates are then unavailable. */
  cache: AppCache | undefined;
  scope: () => string;
  /** The connection generation: a voucher read is stored only under the one it started in. */
  generation?: () => number;
  logger: AppLogger;
  printPdf?: VoucherPdfPrinter;
}

type VoucherWorkCalls =
  | 'getVoucher'
  | 'reverseVoucher'
  | 'saveVoucherDraft'
  | 'listVoucherDrafts'
  | 'deleteVoucherDraft'
  | 'listVoucherTemplates'
  | 'saveVoucherTemplate'
  | 'deleteVoucherTemplate'
  | 'printVoucher';

const NO_CACHE_MESSAGE = '本地缓存数据库未能打开，暂时无法保存草稿和模板';

const cachedVoucherRowSchema = z.object({ payload: z.string(), fetched_at: z.iso.datetime() });

/** One voucher as the cache last saw it (written by every voucher list page and voucher read). */
function loadCachedVoucher(
  cache: AppCache,
  scope: string,
  voucherId: string,
): CachedCopy<Voucher> | undefined {
  const raw: unknown = cache.db
    .prepare('SELECT payload, fetched_at FROM vouchers WHERE scope = ? AND voucher_id = ?')
    .get(scope, voucherId);
  const row = cachedVoucherRowSchema.safeParse(raw);
  if (!row.success) return undefined;
  const data = parseJsonColumn(row.data.payload, voucherSchema);
  return data ? { data, fetchedAt: row.data.fetched_at } : undefined;
}

/**
 * The voucher editor's calls: one voucher (live, or cached when the engine cannot answer), 红字冲销,
 * drafts and templates in cache.db, and printing. Orchestration only; the stores hold the work.
 */
export function createVoucherWorkHandlers(deps: VoucherWorkDeps): Pick<IpcHandlers, VoucherWorkCalls> {
  const { proxy, cache, logger } = deps;
  const drafts = cache ? new VoucherDraftsStore(cache.db) : undefined;

  function store(): VoucherDraftsStore {
    if (!drafts) throw new UserFacingError(503, NO_CACHE_MESSAGE);
    return drafts;
  }

  function getVoucher(voucherId: string, signal: AbortSignal) {
    const scope = deps.scope();
    const generation = deps.generation?.();
    return readThrough<Voucher>({
      name: 'voucher',
      logger,
      stillCurrent: () => deps.scope() === scope && deps.generation?.() === generation,
      fetchLive: () =>
        proxy.call((client, o) => client.getVoucher(voucherId, o), { name: 'getVoucher', signal }),
      store: cache && ((data, at) => cache.vouchers.store(scope, data, at)),
      load: cache && (() => loadCachedVoucher(cache, scope, voucherId)),
    });
  }

  return {
    getVoucher: (args, { signal }) => getVoucher(args.voucherId, signal),

    reverseVoucher(args, { signal }) {
      // One key per user action: the proxy's retries of this click can never post two reversals.
      const idempotencyKey = randomUUID();
      const body = args.date === undefined ? {} : { date: args.date };
      return proxy.call((client, o) => client.reverseVoucher(args.voucherId, body, o), {
        name: 'reverseVoucher',
        signal,
        idempotencyKey,
      });
    },

    saveVoucherDraft(args) {
      const savedAt = store().saveDraft(deps.scope(), args.accountSetId, args.draftKey, args.draft);
      return Promise.resolve({ savedAt });
    },

    listVoucherDrafts(args) {
      return Promise.resolve({ drafts: drafts ? drafts.listDrafts(deps.scope(), args.accountSetId) : [] });
    },

    deleteVoucherDraft(args) {
      const deleted = drafts ? drafts.deleteDraft(deps.scope(), args.accountSetId, args.draftKey) : false;
      return Promise.resolve({ deleted });
    },

    listVoucherTemplates(args) {
      return Promise.resolve({
        templates: drafts ? drafts.listTemplates(deps.scope(), args.accountSetId) : [],
      });
    },

    saveVoucherTemplate(args) {
      return Promise.resolve(store().saveTemplate(deps.scope(), args.accountSetId, args.name, args.lines));
    },

    deleteVoucherTemplate(args) {
      const deleted = drafts ? drafts.deleteTemplate(deps.scope(), args.accountSetId, args.id) : false;
      return Promise.resolve({ deleted });
    },

    async printVoucher(args, { signal }) {
      if (!deps.printPdf) return { status: 'unsupported' };
      const { data: voucher } = await getVoucher(args.voucherId, signal);
      const sets = await proxy
        .call((client, o) => client.listAccounts(o), { name: 'listAccounts', signal })
        .catch(() => undefined);
      const name = sets?.accounts.find((set) => set.id === voucher.account_id)?.name ?? '';
      return deps.printPdf(voucher, name);
    },
  };
}
