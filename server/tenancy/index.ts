export * from './account-sets.js';
export * from './api-keys.js';
export * from './demo.js';
export * from './local-tenant.js';
export * from './tenants.js';
