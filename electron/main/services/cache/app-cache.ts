import path from 'node:path';
import type { AppLogger } from '../../logging/logger.js';
import { AccountSetsCache } from './account-sets-cache.js';
import { CACHE_DB_FILENAME, openCacheDb, type CacheDatabase, type OpenedCacheDb } from './cache-db.js';
import { ChartAccountsCache } from './chart-accounts-cache.js';
import { InvoiceReadsCache } from './invoice-reads-cache.js';
import { InvoicesCache } from './invoices-cache.js';
import { ReportsCache } from './reports-cache.js';
import { VouchersCache } from './vouchers-cache.js';

const DATA_TABLES = [
  'list_fetches',
  'account_sets',
  'chart_accounts',
  'vouchers',
  'voucher_pages',
  'invoices',
  'invoice_records',
  'invoice_pages',
  'invoice_file_cache',
  'reports',
];

/** `<userData>/cache.db` and `<userData>/invoices/`, with one small store per kind of data. */
export class AppCache {
  readonly db: CacheDatabase;
  readonly accountSets: AccountSetsCache;
  readonly reports: ReportsCache;
  readonly chart: ChartAccountsCache;
  readonly vouchers: VouchersCache;
  readonly invoices: InvoicesCache;
  /** The 票据 list, opened invoices and their files, for offline reads. */
  readonly invoiceReads: InvoiceReadsCache;

  private constructor(db: CacheDatabase, userDataDir: string) {
    this.db = db;
    this.accountSets = new AccountSetsCache(db);
    this.reports = new ReportsCache(db);
    this.chart = new ChartAccountsCache(db);
    this.vouchers = new VouchersCache(db);
    this.invoices = new InvoicesCache(db, path.join(userDataDir, 'invoices'));
    this.invoiceReads = new InvoiceReadsCache(db);
  }

  static open(options: { userDataDir: string; nativeBinding?: string; logger: AppLogger }): {
    cache: AppCache;
    rebuilt: OpenedCacheDb['rebuilt'];
  } {
    const { db, rebuilt } = openCacheDb({
      file: path.join(options.userDataDir, CACHE_DB_FILENAME),
      nativeBinding: options.nativeBinding,
      logger: options.logger,
    });
    return { cache: new AppCache(db, options.userDataDir), rebuilt };
  }

  /** Forgets everything read from one engine (not its unsent writes): e.g. a new key may be another tenant. */
  clearScope(scope: string): void {
    this.db.transaction(() => {
      for (const table of DATA_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE scope = ?`).run(scope);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
