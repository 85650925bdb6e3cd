import type { z } from 'zod';

/** A JSON column read back through its schema; a row that does not parse counts as not cached. */
export function parseJsonColumn<S extends z.ZodType>(text: string, schema: S): z.output<S> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** What a cache read gives back: the data as stored, and when it was fetched from the engine. */
export interface CachedCopy<T> {
  data: T;
  fetchedAt: string;
}
