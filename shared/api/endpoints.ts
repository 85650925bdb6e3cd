import type { z } from 'zod';
import { accountsListResponseSchema } from './accounts.js';
import { invoiceRecognizeFieldsSchema, invoiceRecognizeResponseSchema } from './invoice.js';
import { reportParamsSchema, reportQuerySchema, reportResponseSchema } from './report.js';
import { voucherCreateRequestSchema, voucherCreateResponseSchema } from './voucher.js';

export interface EndpointSpec {
  method: 'GET' | 'POST';
  /** OpenAPI-style path, `{name}` for path parameters. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body, or the text fields of a multipart form when `multipartFile` is set. */
  body?: z.ZodObject;
  /** Name of the multipart file field; the body is then `multipart/form-data`. */
  multipartFile?: { field: string; description: string };
  response: z.ZodType;
  /** Extensions are ours, not in the provider's document. */
  extension?: boolean;
  /** Whether the Idempotency-Key header is honoured. */
  idempotent?: boolean;
  /** No Authorization needed. */
  public?: boolean;
}

/** The four documented endpoints of API v2, exactly as in the provider's document. */
export const endpoints = {
  invoiceRecognize: {
    method: 'POST',
    path: '/api/v2/invoice/recognize',
    tag: '票据',
    summary: '票据识别',
    description: '上传票据图片或PDF文件，AI自动识别票据内容并返回结构化数据。',
    body: invoiceRecognizeFieldsSchema,
    multipartFile: { field: 'file', description: '票据图片或PDF文件，支持jpg、png、pdf格式，最大10MB' },
    response: invoiceRecognizeResponseSchema,
    idempotent: true,
  },
  voucherCreate: {
    method: 'POST',
    path: '/api/v2/voucher/create',
    tag: '凭证',
    summary: '创建凭证',
    description: '创建会计凭证，支持多借多贷的复合分录。',
    body: voucherCreateRequestSchema,
    response: voucherCreateResponseSchema,
    idempotent: true,
  },
  accountsList: {
    method: 'GET',
    path: '/api/v2/accounts/list',
    tag: '账套',
    summary: '账套列表',
    description: '获取当前用户有权限访问的所有账套列表。',
    response: accountsListResponseSchema,
  },
  report: {
    method: 'GET',
    path: '/api/v2/report/{type}',
    tag: '报表',
    summary: '财务报表',
    description: '获取财务报表数据，支持资产负债表、利润表、现金流量表。',
    params: reportParamsSchema,
    query: reportQuerySchema,
    response: reportResponseSchema,
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;
