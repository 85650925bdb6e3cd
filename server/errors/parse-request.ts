import { z } from 'zod';
import { describeZodError } from '../../shared/api/index.js';
import { ApiHttpError } from './api-http-error.js';

// zod's own messages (for shapes our schemas give no message of their own) in Chinese, per parse
// rather than through z.config() so that nothing else sharing the zod instance is affected.
const chineseErrors = z.locales.zhCN().localeError;

/** Parses a request's query, params or body; a mismatch answers 400 naming the first bad field. */
export function parseRequestPart<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // reportInput: describeZodError tells a missing field from a wrong one by the input.
  const result = schema.safeParse(value, { error: chineseErrors, reportInput: true });
  if (!result.success) throw new ApiHttpError(400, describeZodError(result.error));
  return result.data;
}

/** A JSON body must be an object before its fields can be named in a message. */
export function parseJsonBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined || body === null) throw new ApiHttpError(400, '参数错误：请求体不能为空');
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiHttpError(400, '参数错误：请求体应为 JSON 对象');
  }
  return parseRequestPart(schema, body);
}
