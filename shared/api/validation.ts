import type { z } from 'zod';

/** `entries[1].account_code` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * The Chinese 400 message for the first problem zod found, naming the field, in the provider's
 * style: "参数错误：account_id不能为空".
 */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '参数错误';
  const field = formatIssuePath(issue.path);
  const missing = issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null);
  if (missing) return `参数错误：${field || '请求体'}不能为空`;
  if (issue.code === 'unrecognized_keys') {
    const where = field ? `${field} 中` : '';
    return `参数错误：${where}不支持的字段 ${issue.keys.join(', ')}`;
  }
  return `参数错误：${field ? `${field} ` : ''}${issue.message}`;
}
