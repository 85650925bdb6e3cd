/** `2023-06-15T08:30:00Z`: the provider's `created_at` style, whole seconds in UTC. */
export function isoTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
