import type { z } from 'zod';
import type { EndpointSpec } from './endpoints.js';
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

/**
 * The engine's ledger extensions. They sit beside the provider's paths in the same style
 * (`/api/v2/<resource>/<action>`) and are marked `x-zxe-extension` in the OpenAPI document; the
 * cloud does not serve them, so the app only calls them in local or self-hosted mode.
 */
export const ledgerEndpoints = {
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
} as const satisfies Record<string, EndpointSpec>;

export type LedgerEndpointName = keyof typeof ledgerEndpoints;

/** Fills `{name}` path parameters, each URL-encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** What an extension answers, typed from its response schema. */
export type LedgerEndpointResponse<N extends LedgerEndpointName> = z.infer<
  (typeof ledgerEndpoints)[N]['response']
>;
