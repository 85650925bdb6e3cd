export const queryKeys = {
  accountSets: ['accountSets'],
  settings: ['settings'],
  outbox: ['outbox'],
  /** Upload progress pushed by main, by upload id (uploads arrive with the invoices page). */
  uploads: ['uploads'],
  /** Everything read from the engine: refetched when it comes back or the connection changes. */
  engineData: [['accountSets'], ['chart'], ['vouchers'], ['reports'], ['invoices']],
} as const;
