import type { AccountsListResponse } from '../../../../shared/api/accounts.js';
import type { InvoiceListResponse, InvoiceRecord } from '../../../../shared/api/invoice.js';
import type { ChartResponse, VoucherListResponse } from '../../../../shared/api/ledger.js';
import type { ReportResponse } from '../../../../shared/api/report.js';
import type { AppLogger } from '../../logging/logger.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import type { AppCache } from '../cache/app-cache.js';
import type { InvoicePageKey } from '../cache/invoice-reads-cache.js';
import type { ReportKey } from '../cache/reports-cache.js';
import type { VoucherPageKey } from '../cache/vouchers-cache.js';
import { readThrough, type Fetched } from './read-through.js';

export interface CachedReadsDeps {
  proxy: ApiProxy;
  /** Undefined when cache.db could not be opened: reads are then live only. */
  cache: AppCache | undefined;
  scope: () => string;
  /** The connection generation (see ConnectionManager): bumped by every change of mode, URL or key. */
  generation: () => number;
  logger: AppLogger;
}

/** Every read the app makes: live through the proxy, stored, and served from the cache when offline. */
export class CachedReads {
  readonly #deps: CachedReadsDeps;

  constructor(deps: CachedReadsDeps) {
    this.#deps = deps;
  }

  accountSets(signal?: AbortSignal): Promise<Fetched<AccountsListResponse>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    return readThrough({
      ...this.#common(scope),
      name: 'accountSets',
      fetchLive: () => proxy.call((client, o) => client.listAccounts(o), { name: 'listAccounts', signal }),
      store: cache && ((data, at) => cache.accountSets.store(scope, data, at)),
      load: cache && (() => cache.accountSets.load(scope)),
    });
  }

  report(key: ReportKey, signal?: AbortSignal): Promise<Fetched<ReportResponse>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    const query = { account_id: key.accountSetId, start_date: key.startDate, end_date: key.endDate };
    return readThrough({
      ...this.#common(scope),
      name: 'report',
      fetchLive: () =>
        proxy.call((client, o) => client.getReport(key.type, query, o), { name: 'getReport', signal }),
      store: cache && ((data, at) => cache.reports.store(scope, key, data, at)),
      load: cache && (() => cache.reports.load(scope, key)),
    });
  }

  chart(accountSetId: string, signal?: AbortSignal): Promise<Fetched<ChartResponse>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    return readThrough({
      ...this.#common(scope),
      name: 'chart',
      fetchLive: () =>
        proxy.call((client, o) => client.getChart(accountSetId, o), { name: 'getChart', signal }),
      store: cache && ((data, at) => cache.chart.store(scope, data, at)),
      load: cache && (() => cache.chart.load(scope, accountSetId)),
    });
  }

  vouchers(key: VoucherPageKey, signal?: AbortSignal): Promise<Fetched<VoucherListResponse>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    const query = {
      account_id: key.accountSetId,
      period: key.period,
      start_date: key.startDate,
      end_date: key.endDate,
      q: key.search,
      page: key.page,
      page_size: key.pageSize,
    };
    return readThrough({
      ...this.#common(scope),
      name: 'vouchers',
      fetchLive: () =>
        proxy.call((client, o) => client.listVouchers(query, o), { name: 'listVouchers', signal }),
      store: cache && ((data, at) => cache.vouchers.storePage(scope, key, data, at)),
      load: cache && (() => cache.vouchers.loadPage(scope, key)),
    });
  }

  /** One page of the 票据 list; each record it holds is cached too, so an invoice seen there opens offline. */
  invoices(key: InvoicePageKey, signal?: AbortSignal): Promise<Fetched<InvoiceListResponse>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    const query = {
      account_id: key.accountSetId,
      ...(key.period !== undefined ? { period: key.period } : {}),
      ...(key.direction !== undefined ? { direction: key.direction } : {}),
      ...(key.duplicate !== undefined ? { duplicate: key.duplicate } : {}),
      page: key.page,
      page_size: key.pageSize,
    };
    return readThrough({
      ...this.#common(scope),
      name: 'invoices',
      fetchLive: () =>
        proxy.call((client, o) => client.listInvoices(query, o), { name: 'listInvoices', signal }),
      store: cache && ((data, at) => cache.invoiceReads.storePage(scope, key, data, at)),
      load: cache && (() => cache.invoiceReads.loadPage(scope, key)),
    });
  }

  invoice(invoiceId: string, signal?: AbortSignal): Promise<Fetched<InvoiceRecord>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    return readThrough({
      ...this.#common(scope),
      name: 'invoice',
      fetchLive: () =>
        proxy.call((client, o) => client.getInvoice(invoiceId, o), { name: 'getInvoice', signal }),
      store: cache && ((data, at) => cache.invoiceReads.storeRecord(scope, data, at)),
      load: cache && (() => cache.invoiceReads.loadRecord(scope, invoiceId)),
    });
  }

  /** An invoice's original file; kept (within the cache's budget) once it has been opened. */
  invoiceFile(
    invoiceId: string,
    signal?: AbortSignal,
  ): Promise<Fetched<{ mediaType: string; bytes: Uint8Array }>> {
    const { proxy, cache } = this.#deps;
    const scope = this.#deps.scope();
    return readThrough({
      ...this.#common(scope),
      name: 'invoiceFile',
      fetchLive: () =>
        proxy.call((client, o) => client.getInvoiceFile(invoiceId, o), { name: 'getInvoiceFile', signal }),
      store: cache && ((data, at) => cache.invoiceReads.storeFile(scope, invoiceId, data, at)),
      load: cache && (() => cache.invoiceReads.loadFile(scope, invoiceId)),
    });
  }

  /** Captured when the read starts: its answer is stored only under the same connection. */
  #common(scope: string) {
    const generation = this.#deps.generation();
    return {
      logger: this.#deps.logger,
      stillCurrent: () => this.#deps.generation() === generation && this.#deps.scope() === scope,
    };
  }
}
