import type { AccountSetStatus } from '../../shared/api/index.js';
import type { EngineDb } from '../db/engine-db.js';
import { createAccountSet, listAccountSets } from './account-sets.js';
import { ensureKeyOfTenant, issueKey } from './api-keys.js';
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
  /** A fixed key (for scripts and tests); without it a new key is issued on every call. */
  demoKey?: string;
}

export interface SeededDemo {
  tenantId: string;
  apiKey: string;
}

/** The demo tenant and its two account sets; safe to call on every start. */
export function seedDemo(db: EngineDb, options: SeedDemoOptions = {}): SeededDemo {
  return db.transaction(() => {
    ensureTenant(db, DEMO_TENANT_ID, DEMO_TENANT_NAME);
    seedDemoAccountSets(db, DEMO_TENANT_ID);
    if (options.demoKey === undefined) {
      return {
        tenantId: DEMO_TENANT_ID,
        apiKey: issueKey(db, { tenantId: DEMO_TENANT_ID, mode: 'test' }).key,
      };
    }
    ensureKeyOfTenant(db, DEMO_TENANT_ID, options.demoKey);
    return { tenantId: DEMO_TENANT_ID, apiKey: options.demoKey };
  })();
}
