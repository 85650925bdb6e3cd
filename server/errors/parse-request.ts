import type { z } from 'zod';
import { describeZodError } from '../../shared/api/index.js';
import { ApiHttpError } from './api-http-error.js';

/** Parses a request's query, params or body; a mismatch answers 400 naming the first bad field. */
export function parseRequestPart<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiHttpError(400, describeZodError(result.error));
  return result.data;
}
