/** Requests per second a key may sustain, and how many it may spend at once after a pause. */
export interface KeyRateLimit {
  perSecond: number;
  burst: number;
}

/** For keys without a limit of their own: generous for a person, firm against a runaway script. */
export const DEFAULT_RATE_LIMIT: KeyRateLimit = { perSecond: 50, burst: 100 };

/**
 * The desktop's own key: one user, one machine, bulk actions (importing a folder of invoices, a
 * year of vouchers) must not trip it, yet a bug in a loop still meets a ceiling.
 */
export const LOCAL_KEY_RATE_LIMIT: KeyRateLimit = { perSecond: 1000, burst: 2000 };

/** Upper bound accepted from the admin CLI; far above what one engine process can serve. */
export const MAX_RATE_PER_SECOND = 1_000_000;

export function effectiveRateLimit(record: {
  ratePerSecond: number | null;
  rateBurst: number | null;
}): KeyRateLimit {
  const perSecond = record.ratePerSecond ?? DEFAULT_RATE_LIMIT.perSecond;
  // A key given only a rate gets a burst of two seconds' worth, as the default does.
  const burst =
    record.rateBurst ?? (record.ratePerSecond === null ? DEFAULT_RATE_LIMIT.burst : perSecond * 2);
  return { perSecond, burst };
}
