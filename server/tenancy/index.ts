export * from './account-sets.js';
export * from './tenant-keys.js';
export * from './demo.js';
export * from './local-tenant.js';
export * from './tenants.js';
