import { randomUUID } from 'node:crypto';
import type { SettingsView } from '../../../shared/ipc.js';
import type { ApiProxy } from '../services/api-proxy/api-proxy.js';
import { SINGLE_ATTEMPT_POLICY } from '../services/api-proxy/retry-policy.js';
import type { AppCache } from '../services/cache/app-cache.js';
import { originOf, type CloudKeys } from '../services/connection/cloud-keys.js';
import { cloudScope, type ConnectionManager } from '../services/connection/connection-manager.js';
import type { EngineHost } from '../services/engine-host/engine-host.js';
import type { EventBus } from '../services/events/event-bus.js';
import type { OutboxActions } from '../services/outbox/outbox-actions.js';
import type { OutboxDrainer } from '../services/outbox/outbox-drainer.js';
import type { OutboxStore } from '../services/outbox/outbox-store.js';
import { toOutboxItemView } from '../services/outbox/outbox-view.js';
import type { ReachabilityTracker } from '../services/reachability/reachability-tracker.js';
import type { CachedReads } from '../services/reads/cached-reads.js';
import type { Fetched } from '../services/reads/read-through.js';
import type { SecretStore } from '../services/secrets/secret-store.js';
import type { SettingsStore } from '../services/settings/settings-store.js';
import type { UiStateStore } from '../services/ui-state/ui-state-store.js';
import type { LedgerBookReads } from '../services/reads/ledger-book-reads.js';
import type { VoucherSubmitter } from '../services/vouchers/voucher-submission.js';
import type { createVoucherWorkHandlers } from '../services/drafts/voucher-work-handlers.js';
import { UserFacingError } from '../services/user-facing-error.js';
import type { FolderWatch } from '../services/folder-watch/folder-watch-wiring.js';
import { recognizeUpload } from '../services/invoices/recognize-upload.js';
import type { PdfPrinter } from '../services/printing/print-document.js';
import { createStatementPrinter } from '../services/printing/statement-print.js';
import type { IpcHandlers } from './router.js';

export interface HandlerDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** The cloud key, filed under the origin it was entered for. */
  keys: CloudKeys;
  connection: ConnectionManager;
  engine: EngineHost;
  events: EventBus;
  proxy: ApiProxy;
  reads: CachedReads;
  vouchers: VoucherSubmitter;
  reachability: ReachabilityTracker;
  /** Undefined when cache.db could not be opened. */
  cache: AppCache | undefined;
  outbox: { store: OutboxStore; drainer: OutboxDrainer } | undefined;
  outboxActions: OutboxActions | undefined;
  /** The voucher editor's calls: one voucher, 红字冲销, drafts, templates, print. */
  voucherWork: ReturnType<typeof createVoucherWorkHandlers>;
  /** The account set and period the user last had open. */
  uiState: UiStateStore;
  /** 科目余额表 and 明细账, cached like the statements. */
  ledgerBooks: LedgerBookReads;
  /** 文件夹监控: watched folders and their upload queue. */
  folderWatch: FolderWatch;
  /** Saves a document as a PDF (the Electron app); absent in browser mode, which prints the page. */
  printPdf?: PdfPrinter;
}

/** Invoice reads keep the API's shape and say beside it when a cached copy was fetched. */
function cachedAtOf(read: Fetched<unknown>): string | null {
  return read.source === 'cache' ? read.fetchedAt : null;
}

/** One handler per IPC call; each does orchestration only — the work lives in the services. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const { settings, secrets, keys, connection, engine, events, proxy, reads, reachability, cache, outbox } =
    deps;
  const cloudOrigin = () => originOf(settings.get().cloudBaseUrl);

  function outboxActions(): OutboxActions {
    if (!deps.outboxActions) throw new UserFacingError(503, '待发送队列不可用（缓存数据库未能打开）');
    return deps.outboxActions;
  }

  async function view(): Promise<SettingsView> {
    const current = settings.get();
    return {
      mode: current.mode,
      cloudBaseUrl: current.cloudBaseUrl,
      cloudKey: await keys.status(cloudOrigin()),
      secretStorage: secrets.storage,
      engine: engine.status,
      reachability: reachability.state,
    };
  }

  /** The connection or its key changed: what we knew about reachability no longer holds. */
  function connectionChanged(): void {
    connection.changed();
    deps.folderWatch.connectionChanged();
    reachability.reset();
    events.emit({ type: 'settings-changed' });
    void outbox?.drainer.drain();
  }

  /** A new or removed key may be another tenant: the cloud's cached data goes with the old key. */
  function forgetCloudData(baseUrl = settings.get().cloudBaseUrl): void {
    cache?.clearScope(cloudScope(baseUrl));
  }

  const printStatement = createStatementPrinter({
    report: (args, signal) => reads.report(args, signal),
    printPdf: deps.printPdf,
  });

  return {
    ...deps.voucherWork,

    ...deps.folderWatch.handlers,

    listAccountSets: (_args, { signal }) => reads.accountSets(signal),

    getReport: (args, { signal }) => reads.report(args, signal),

    printStatement: (args, { signal }) => printStatement(args, signal),

    getChart: (args, { signal }) => reads.chart(args.accountSetId, signal),

    listVouchers: (args, { signal }) => reads.vouchers(args, signal),

    createVoucher: (args, { signal }) => deps.vouchers.submit(args.voucher, signal),

    recognizeInvoice: (args, { signal }) =>
      recognizeUpload({ proxy, events, outbox, scope: () => connection.scope() }, args, signal),

    async listInvoices(args, { signal }) {
      const key = {
        accountSetId: args.accountSetId,
        ...(args.period !== undefined ? { period: args.period } : {}),
        ...(args.direction !== undefined ? { direction: args.direction } : {}),
        ...(args.duplicate !== undefined ? { duplicate: args.duplicate } : {}),
        page: args.page ?? 1,
        pageSize: args.pageSize ?? 20,
      };
      const page = await reads.invoices(key, signal);
      return { ...page.data, cachedAt: cachedAtOf(page) };
    },

    async getInvoice(args, { signal }) {
      const invoice = await reads.invoice(args.invoiceId, signal);
      return { ...invoice.data, cachedAt: cachedAtOf(invoice) };
    },

    async getInvoiceFile(args, { signal }) {
      const file = await reads.invoiceFile(args.invoiceId, signal);
      return {
        mediaType: file.data.mediaType,
        bytesBase64: Buffer.from(file.data.bytes).toString('base64'),
        cachedAt: cachedAtOf(file),
      };
    },

    listOutbox() {
      if (!outbox) {
        return Promise.resolve({ items: [], counts: { pending: 0, sending: 0, failed: 0, unknown: 0 } });
      }
      return Promise.resolve({
        items: outbox.store.list().map(toOutboxItemView),
        counts: outbox.store.counts(),
      });
    },

    retryOutboxItem: (args) => Promise.resolve(outboxActions().resend(args.id)),

    confirmOutboxItem: (args) => Promise.resolve(outboxActions().confirm(args.id)),

    discardOutboxItem: (args) => Promise.resolve(outboxActions().discard(args.id)),

    getSettings: () => view(),

    getTrialBalance: (args, { signal }) => deps.ledgerBooks.trialBalance(args, signal),

    getDetailLedger: (args, { signal }) => deps.ledgerBooks.detailLedger(args, signal),

    getUiState: () => Promise.resolve(deps.uiState.get()),

    setUiState: (args) => Promise.resolve(deps.uiState.update(args)),

    listPeriods: (args, { signal }) =>
      proxy.call((client, o) => client.listPeriods(args.accountSetId, o), { name: 'listPeriods', signal }),

    // 结账 / 反结账 post or void a voucher: one idempotency key per user action, reused by retries.
    closePeriod(args, { signal }) {
      const body = { account_id: args.accountSetId, period: args.period };
      return proxy.call((client, o) => client.closePeriod(body, o), {
        name: 'closePeriod',
        signal,
        idempotencyKey: randomUUID(),
      });
    },

    reopenPeriod(args, { signal }) {
      const body = { account_id: args.accountSetId, period: args.period };
      return proxy.call((client, o) => client.reopenPeriod(body, o), {
        name: 'reopenPeriod',
        signal,
        idempotencyKey: randomUUID(),
      });
    },

    async setConnection(args) {
      const before = settings.get();
      const previous = before.mode;
      settings.update(args);
      // A key belongs to the server it was entered for: another origin needs its own key, and the
      // data read with the old one is forgotten with it.
      if (await keys.originChanged(originOf(before.cloudBaseUrl), cloudOrigin())) {
        forgetCloudData(before.cloudBaseUrl);
      }
      if (args.mode === 'local' && previous !== 'local') void engine.start().catch(() => undefined);
      if (args.mode === 'cloud' && previous !== 'cloud') await engine.stop();
      connectionChanged();
      return view();
    },

    async setApiKey(args) {
      await keys.set(cloudOrigin(), args.key);
      forgetCloudData();
      connectionChanged();
      return view();
    },

    async clearApiKey() {
      await keys.clear(cloudOrigin());
      forgetCloudData();
      connectionChanged();
      return view();
    },

    async testConnection(_args, { signal }) {
      return proxy.call(
        async (client, o) => {
          const { accounts } = await client.listAccounts(o);
          return { baseUrl: client.baseUrl, accountSetCount: accounts.length };
        },
        { name: 'testConnection', signal, policy: SINGLE_ATTEMPT_POLICY },
      );
    },
  };
}
