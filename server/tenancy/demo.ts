import type { AccountSetStatus } from '../../shared/api/index.js';
import type { EngineDb } from '../db/engine-db.js';
import { createAccountSet, listAccountSets } from './account-sets.js';
import { issueKey, makeSoleKeyOfTenant, revokeOtherKeys } from './tenant-keys.js';
import { ensureTenant } from './tenants.js';

export const DEMO_TENANT_ID = 'ten_demo';
export const DEMO_TENANT_NAME = '演示租户';

/** What a first launch shows: one set to work in, one frozen to show what frozen looks like. */
export const DEMO_ACCOUNT_SETS: readonly { name: string; status: AccountSetStatus }[] = [
  { name: '演示科技有限公司', status: 'active' },
  { name: '演示贸易有限公司', status: 'frozen' },
];

/** Gives the tenant the demo account sets unless it already has account sets of its own. */
export function seedDemoAccountSets(db: EngineDb, tenantId: string): void {
  if (listAccountSets(db, tenantId).length > 0) return;
  for (const set of DEMO_ACCOUNT_SETS) createAccountSet(db, { tenantId, ...set });
}

export interface SeedDemoOptions {
  /** A fixed key (for scripts and tests), reused on every run; without it the key is rotated. */
  demoKey?: string;
}

export interface SeededDemo {
  tenantId: string;
  apiKey: string;
}

/**
 * The demo tenant and its two account sets; safe to call on every start. The demo tenant has one
 * working key: a fixed `demoKey` is reused; without one the key rotates (only its hash is stored,
 * so the old key cannot be printed again): a new one is issued and the previous one revoked.
 */
export function seedDemo(db: EngineDb, options: SeedDemoOptions = {}): SeededDemo {
  return db.transaction(() => {
    ensureTenant(db, DEMO_TENANT_ID, DEMO_TENANT_NAME);
    seedDemoAccountSets(db, DEMO_TENANT_ID);
    if (options.demoKey === undefined) {
      const issued = issueKey(db, { tenantId: DEMO_TENANT_ID, mode: 'test' });
      revokeOtherKeys(db, DEMO_TENANT_ID, issued.record.id);
      return { tenantId: DEMO_TENANT_ID, apiKey: issued.key };
    }
    makeSoleKeyOfTenant(db, DEMO_TENANT_ID, options.demoKey);
    return { tenantId: DEMO_TENANT_ID, apiKey: options.demoKey };
  })();
}
