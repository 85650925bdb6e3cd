import type { CacheMigration } from '../cache-migrations.js';
import { cacheFoundation } from './20261121140000_cache_foundation.js';
import { voucherDrafts } from './20261201220000_voucher_drafts.js';
import { folderWatchQueue } from './20261201221500_folder_watch_queue.js';
import { outboxOutcomes } from './20261201230000_outbox_outcomes.js';
import { voucherPagesAndServerTraits } from './20261201230100_voucher_pages_and_server_traits.js';
import { outboxFilesAndInvoiceReads } from './20261202170000_outbox_files_and_invoice_reads.js';

/** Every migration of cache.db, oldest first; only ever appended to. */
export const cacheMigrations: readonly CacheMigration[] = [
  cacheFoundation,
  voucherDrafts,
  folderWatchQueue,
  outboxOutcomes,
  voucherPagesAndServerTraits,
  outboxFilesAndInvoiceReads,
];
