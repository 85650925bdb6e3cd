import type { Migration } from '../migration.js';
import { foundation } from './20261121053000_foundation.js';
import { chartOfAccounts } from './20261121060000_chart_of_accounts.js';
import { ledger } from './20261121060100_ledger.js';
import { idempotency } from './20261121060200_idempotency.js';
import { apiKeyRateLimits } from './20261121060300_api_key_rate_limits.js';
import { cashFlows } from './20261121070000_cash_flows.js';
import { invoiceRecognition } from './20261201222000_invoice_recognition.js';
import { accountPostings } from './20261201233000_account_postings.js';

/**
 * Every migration the engine knows, oldest first. Entries are only ever appended: a released
 * migration is never edited or removed, because databases in the field have recorded its id.
 */
export const migrations: readonly Migration[] = [
  foundation,
  chartOfAccounts,
  ledger,
  idempotency,
  apiKeyRateLimits,
  cashFlows,
  invoiceRecognition,
  accountPostings,
];
