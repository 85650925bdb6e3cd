import { z } from 'zod';
import { accountsListResponseSchema } from './accounts.js';
import {
  invoiceFileResponseSchema,
  invoiceListQuerySchema,
  invoiceListResponseSchema,
  invoiceParamsSchema,
  invoiceRecognizeFieldsSchema,
  invoiceRecognizeResponseSchema,
  invoiceRecordSchema,
} from './invoice.js';
import {
  chartParamsSchema,
  chartResponseSchema,
  periodCloseResponseSchema,
  periodListQuerySchema,
  periodListResponseSchema,
  periodReopenResponseSchema,
  periodRequestSchema,
  voucherListQuerySchema,
  voucherListResponseSchema,
  voucherParamsSchema,
  voucherReverseRequestSchema,
  voucherReverseResponseSchema,
  voucherSchema,
} from './ledger.js';
import { reportParamsSchema, reportQuerySchema, reportResponseSchema } from './report.js';
import { detailLedgerQuerySchema, detailLedgerResponseSchema } from './detail-ledger.js';
import { trialBalanceResponseSchema } from './trial-balance.js';
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

/**
 * Every endpoint the app knows, one entry each: the four of the provider's API v2 document first,
 * exactly as documented, then the engine's extensions (`extension: true`). The extensions sit beside
 * the provider's paths in the same style (`/api/v2/<resource>/<action>`) and are marked
 * `x-zxe-extension` in the OpenAPI document; the cloud does not serve them, so the app only calls
 * them in local or self-hosted mode. The engine's routes, the client and `docs/openapi.json` are all
 * read from this table: a new endpoint is one more entry here.
 */
export const endpoints = {
  // ——— API v2 as the provider documents it ———
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
  // ——— The engine's extensions ———
  invoiceGet: {
    method: 'GET',
    path: '/api/v2/invoice/{invoice_id}',
    tag: '扩展',
    summary: '票据详情',
    description: '一张已识别票据的全部字段：票面字段与置信度、交叉校验、分类依据、分录、重复标记。',
    params: invoiceParamsSchema,
    response: invoiceRecordSchema,
    extension: true,
  },
  invoiceList: {
    method: 'GET',
    path: '/api/v2/invoice/list',
    tag: '扩展',
    summary: '票据列表',
    description:
      '按账套（及开票日期所在期间）分页列出已识别票据，可按进项/销项、是否重复筛选；开票日期新的在前。',
    query: invoiceListQuerySchema,
    response: invoiceListResponseSchema,
    extension: true,
  },
  invoiceFile: {
    method: 'GET',
    path: '/api/v2/invoice/{invoice_id}/file',
    tag: '扩展',
    summary: '票据原始文件',
    description: '识别时上传的原始文件（按内容哈希保存），Content-Type 为文件类型，用于预览。',
    params: invoiceParamsSchema,
    response: invoiceFileResponseSchema,
    extension: true,
  },
  openapi: {
    method: 'GET',
    path: '/api/v2/openapi.json',
    tag: '扩展',
    summary: 'OpenAPI 文档',
    description: '本接口的 OpenAPI 3.1 描述，无需 API Key。',
    response: z.record(z.string(), z.unknown()).meta({ description: 'OpenAPI 3.1 文档' }),
    extension: true,
    public: true,
  },
  chart: {
    method: 'GET',
    path: '/api/v2/accounts/{account_id}/chart',
    tag: '扩展',
    summary: '科目表',
    description: '账套的会计科目表（小企业会计准则），含末级科目标记；凭证只能记到末级科目。',
    params: chartParamsSchema,
    response: chartResponseSchema,
    extension: true,
  },
  voucherList: {
    method: 'GET',
    path: '/api/v2/voucher/list',
    tag: '扩展',
    summary: '凭证列表',
    description: '按账套（及期间）分页列出凭证，按期间、凭证号排序，返回总数。',
    query: voucherListQuerySchema,
    response: voucherListResponseSchema,
    extension: true,
  },
  voucherGet: {
    method: 'GET',
    path: '/api/v2/voucher/{voucher_id}',
    tag: '扩展',
    summary: '凭证详情',
    description: '一张凭证及其分录、附件与冲销关系。',
    params: voucherParamsSchema,
    response: voucherSchema,
    extension: true,
  },
  voucherReverse: {
    method: 'POST',
    path: '/api/v2/voucher/{voucher_id}/reverse',
    tag: '扩展',
    summary: '红字冲销',
    description:
      '生成一张红字冲销凭证：与原凭证分录相同、金额为负数；原凭证标记为已冲销，不能重复冲销。结转损益凭证请用反结账撤销。',
    params: voucherParamsSchema,
    body: voucherReverseRequestSchema,
    response: voucherReverseResponseSchema,
    extension: true,
    idempotent: true,
  },
  periodList: {
    method: 'GET',
    path: '/api/v2/period/list',
    tag: '扩展',
    summary: '会计期间',
    description: '账套各期间的结账状态与凭证数。',
    query: periodListQuerySchema,
    response: periodListResponseSchema,
    extension: true,
  },
  periodClose: {
    method: 'POST',
    path: '/api/v2/period/close',
    tag: '扩展',
    summary: '结账（结转损益）',
    description:
      '生成一张结转损益凭证，把本期每个损益类科目的余额转入 3103 本年利润；12 月再把本年利润转入 3104 利润分配。期间须按顺序结账；结账后本期不能再记账。',
    body: periodRequestSchema,
    response: periodCloseResponseSchema,
    extension: true,
    idempotent: true,
  },
  periodReopen: {
    method: 'POST',
    path: '/api/v2/period/reopen',
    tag: '扩展',
    summary: '反结账',
    description: '仅当下一期间未结账时可反结账；本期结转损益凭证作废（凭证号保留、不再使用）。',
    body: periodRequestSchema,
    response: periodReopenResponseSchema,
    extension: true,
    idempotent: true,
  },
  trialBalance: {
    method: 'GET',
    path: '/api/v2/ledger/trial-balance',
    tag: '扩展',
    summary: '科目余额表',
    description:
      '期初余额、本期借贷发生额、本年累计发生额、期末余额，按科目（上级科目含下级合计）；一级科目借贷合计相等。',
    query: reportQuerySchema,
    response: trialBalanceResponseSchema,
    extension: true,
  },
  detailLedger: {
    method: 'GET',
    path: '/api/v2/ledger/detail',
    tag: '扩展',
    summary: '明细账',
    description:
      '一个科目（上级科目含全部下级）在期间内的明细账：期初余额，逐笔分录（日期、凭证字号、摘要、借方、贷方、方向、余额），每月的本月合计与本年累计，期末余额。按行分页。',
    query: detailLedgerQuerySchema,
    response: detailLedgerResponseSchema,
    extension: true,
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;

/** What an endpoint answers, typed from its response schema. */
export type EndpointResponse<N extends EndpointName> = z.infer<(typeof endpoints)[N]['response']>;

/** Fills `{name}` path parameters, each URL-encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
