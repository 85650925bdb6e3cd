import { z } from 'zod';
import { accountsListResponseSchema } from './api/accounts.js';
import { accountIdSchema, isoDateSchema } from './api/common.js';
import { apiErrorTypeSchema } from './api/errors.js';
import {
  invoiceDirectionSchema,
  invoiceListResponseSchema,
  invoiceRecognizeResponseSchema,
  invoiceRecordSchema,
  invoiceTypeSchema,
} from './api/invoice.js';
import {
  chartResponseSchema,
  periodCloseResponseSchema,
  periodListResponseSchema,
  periodReopenResponseSchema,
  periodSchema,
  voucherIdSchema,
  voucherListResponseSchema,
  voucherReverseResponseSchema,
  voucherSchema,
  voucherSearchSchema,
  VOUCHER_PAGE_SIZE_MAX,
} from './api/ledger.js';
import { detailLedgerResponseSchema, DETAIL_LEDGER_PAGE_SIZE_MAX } from './api/detail-ledger.js';
import { reportResponseSchema, reportTypeSchema } from './api/report.js';
import { trialBalanceResponseSchema } from './api/trial-balance.js';
import { voucherCreateRequestSchema } from './api/voucher.js';
import {
  addWatchedFolderRequestSchema,
  folderWatchBatchEventSchema,
  folderWatchProgressEventSchema,
  folderWatchSnapshotSchema,
  pickFolderResultSchema,
  updateWatchedFolderRequestSchema,
  watchedFolderIdSchema,
  watchedFolderViewSchema,
} from './folder-watch.js';
import type { IpcCallName } from './ipc-channels.js';
import {
  draftRefArgsSchema,
  saveDraftArgsSchema,
  saveTemplateArgsSchema,
  storedDraftSchema,
  templateRefArgsSchema,
  voucherTemplateSchema,
} from './vouchers/voucher-drafts.js';

/**
 * The typed IPC contract between the renderer and main: one entry per call, each with the zod
 * schema main validates the arguments with and the schema of what it answers. Nothing in here may
 * ever carry an API key back to the renderer.
 */

export const connectionModeSchema = z.enum(['local', 'cloud']);
export type ConnectionMode = z.infer<typeof connectionModeSchema>;

export const engineStatusSchema = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  message: z.string().optional(),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

/** What the renderer may know of a key: whether one is set, and its last four characters. */
export const keyStatusSchema = z.object({
  set: z.boolean(),
  last4: z.string().length(4).nullable(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

/** Whether the engine answered lately, judged by main from the outcomes of real calls. */
export const reachabilitySchema = z.enum(['unknown', 'online', 'offline']);
export type Reachability = z.infer<typeof reachabilitySchema>;

export const settingsViewSchema = z.object({
  mode: connectionModeSchema,
  cloudBaseUrl: z.string(),
  cloudKey: keyStatusSchema,
  /** `memory` when the OS keychain is unavailable: the key then lasts until the app quits. */
  secretStorage: z.enum(['keychain', 'memory']),
  engine: engineStatusSchema,
  reachability: reachabilitySchema,
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Base URL rule: https, except plain http to a loopback engine. */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(isAllowedBaseUrl, { error: '地址必须是 https://，本机引擎可用 http://127.0.0.1' });

export function isAllowedBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && loopback;
}

/** A key as the user pastes it: `sk_live_…` / `sk_test_…`, no whitespace inside. */
export const apiKeyInputSchema = z
  .string()
  .trim()
  .regex(/^sk_(live|test)_[A-Za-z0-9]{8,128}$/, { error: 'API Key 格式应为 sk_live_… 或 sk_test_…' });

export const readSourceSchema = z.enum(['live', 'cache']);

/** Every read call answers `{ data, source, fetchedAt }`: live, or the cached copy when offline. */
export function fetchedSchema<T extends z.ZodType>(data: T) {
  return z.object({ data, source: readSourceSchema, fetchedAt: z.iso.datetime() });
}

const noArgs = z.strictObject({});

export const reportRequestSchema = z
  .strictObject({
    accountSetId: accountIdSchema,
    type: reportTypeSchema,
    startDate: isoDateSchema,
    endDate: isoDateSchema,
  })
  .refine((r) => r.startDate <= r.endDate, { error: '开始日期不能晚于结束日期', path: ['endDate'] });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export const voucherPageRequestSchema = z.strictObject({
  accountSetId: accountIdSchema,
  /** YYYY-MM; every period when absent. */
  period: periodSchema.optional(),
  /** Voucher dates from / to (inclusive), YYYY-MM-DD. */
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  /** The list's search box: 摘要, account, amount or 记-N (the engine's `q`). */
  search: voucherSearchSchema.optional(),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(VOUCHER_PAGE_SIZE_MAX).default(20),
});

/**
 * A voucher is created at once when the engine answers, or queued in the outbox while it does not —
 * or, toward a server that does not promise idempotency, its outcome is unknown (结果未知): it may
 * have been created, and the outbox holds it until the user confirms or resends it.
 */
export const voucherSubmissionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), voucher_id: z.string(), voucher_no: z.string() }),
  z.object({ status: z.literal('queued'), outboxId: z.number().int().positive(), message: z.string() }),
  z.object({ status: z.literal('unknown'), outboxId: z.number().int().positive(), message: z.string() }),
]);
export type VoucherSubmission = z.infer<typeof voucherSubmissionSchema>;

/** `unknown` is 结果未知: maybe applied by a server that did not say it honours Idempotency-Key. */
export const outboxStateSchema = z.enum(['pending', 'sending', 'done', 'failed', 'unknown']);
export type OutboxState = z.infer<typeof outboxStateSchema>;
/** `voucher.create`: a voucher typed offline; `invoice.recognize`: an invoice dropped while the engine was unreachable. */
export const outboxKindSchema = z.enum(['voucher.create', 'invoice.recognize']);
export type OutboxKind = z.infer<typeof outboxKindSchema>;

/** What the renderer sees of a queued write: never the request's idempotency key or headers. */
export const outboxItemViewSchema = z.object({
  id: z.number().int().positive(),
  kind: outboxKindSchema,
  state: outboxStateSchema,
  /** A Chinese one-line description, e.g. 「凭证 2024-03-01 · 借贷合计 ¥1,000.00」 or 「票据 发票.pdf · 120 KB」. */
  title: z.string(),
  accountSetId: z.string(),
  /** Why it failed (Chinese), or why it is still waiting. */
  message: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /** When a write waiting out its backoff is tried again. */
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OutboxItemView = z.infer<typeof outboxItemViewSchema>;

export const outboxItemRefSchema = z.strictObject({ id: z.number().int().positive() });

export const outboxCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
});
export type OutboxCounts = z.infer<typeof outboxCountsSchema>;

export const trialBalanceRequestSchema = z
  .strictObject({ accountSetId: accountIdSchema, startDate: isoDateSchema, endDate: isoDateSchema })
  .refine((r) => r.startDate <= r.endDate, { error: '开始日期不能晚于结束日期', path: ['endDate'] });

export const detailLedgerRequestSchema = z
  .strictObject({
    accountSetId: accountIdSchema,
    accountCode: z.string().regex(/^\d{4,12}$/, { error: '科目编码应为4至12位数字' }),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(DETAIL_LEDGER_PAGE_SIZE_MAX).default(100),
  })
  .refine((r) => r.startDate <= r.endDate, { error: '开始日期不能晚于结束日期', path: ['endDate'] });

/** How the shared period was chosen: a month, a quarter, a year or a free range (自定义). */
export const periodKindSchema = z.enum(['month', 'quarter', 'year', 'custom']);
export type PeriodKind = z.infer<typeof periodKindSchema>;

export const uiPeriodSchema = z
  .strictObject({ kind: periodKindSchema, startDate: isoDateSchema, endDate: isoDateSchema })
  .refine((p) => p.startDate <= p.endDate, { error: '开始日期不能晚于结束日期', path: ['endDate'] });
export type UiPeriod = z.infer<typeof uiPeriodSchema>;

/** The app-wide workspace main keeps across restarts: the chosen account set and period. */
export const uiStateSchema = z.object({
  accountSetId: accountIdSchema.nullable(),
  period: uiPeriodSchema.nullable(),
});
export type UiState = z.infer<typeof uiStateSchema>;

export const uiStatePatchSchema = z.strictObject({
  accountSetId: accountIdSchema.nullable().optional(),
  period: uiPeriodSchema.nullable().optional(),
});

/** Printing a voucher as a PDF (A5 landscape) through main; browser mode prints from the page instead. */
export const voucherPrintResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('unsupported') }),
]);
export type VoucherPrintResult = z.infer<typeof voucherPrintResultSchema>;

/**
 * recognizeInvoice: the file's bytes (base64, so browser mode can send them as JSON), or in Electron
 * its path from `webUtils.getPathForFile` (main reads it, refusing anything but a regular invoice
 * file of at most 10 MB). Progress arrives as `upload-progress` events with the same `uploadId`.
 */
export const recognizeInvoiceRequestSchema = z.strictObject({
  accountSetId: accountIdSchema,
  uploadId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(255),
  file: z.union([
    z.strictObject({
      bytesBase64: z
        .string()
        .min(1)
        .max(14_000_000)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/),
    }),
    z.strictObject({ path: z.string().min(1).max(4096) }),
  ]),
  invoiceType: invoiceTypeSchema.optional(),
  page: z.number().int().min(1).max(999).optional(),
});
export type RecognizeInvoiceRequest = z.infer<typeof recognizeInvoiceRequestSchema>;

/**
 * recognizeInvoice while the engine cannot be reached: the file is kept in the outbox (待发送) and
 * sent with the same idempotency key once it can; its outcome arrives as `upload-progress` events.
 */
export const invoiceUploadQueuedSchema = z.strictObject({
  queued: z.literal(true),
  outboxId: z.number().int().positive(),
  message: z.string(),
});
export const recognizeInvoiceResultSchema = z.union([
  invoiceRecognizeResponseSchema,
  invoiceUploadQueuedSchema,
]);
export type RecognizeInvoiceResult = z.infer<typeof recognizeInvoiceResultSchema>;

/**
 * Invoice reads keep the API's shape (an invoice record already has a `source` of its own) and say
 * beside it whether they came from the cache: `cachedAt` is when the cached copy was fetched, null
 * for a live answer.
 */
const cachedAtSchema = z.iso.datetime().nullable();

/** listInvoices: one page of the account set's recognised invoices (票据 list). */
export const invoiceListRequestSchema = z.strictObject({
  accountSetId: accountIdSchema,
  /** 开票日期所在期间 YYYY-MM */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  direction: invoiceDirectionSchema.optional(),
  duplicate: z.boolean().optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});
export type InvoiceListRequest = z.infer<typeof invoiceListRequestSchema>;

const invoiceRefSchema = z.strictObject({ invoiceId: z.string().min(1).max(64) });

/** The original file of an invoice, base64 so it crosses IPC and browser mode's JSON alike. */
export const invoiceFileResultSchema = z.object({
  mediaType: z.string().max(100),
  bytesBase64: z.string(),
  cachedAt: cachedAtSchema,
});

export const ipcContract = {
  listAccountSets: { args: noArgs, result: fetchedSchema(accountsListResponseSchema) },
  recognizeInvoice: { args: recognizeInvoiceRequestSchema, result: recognizeInvoiceResultSchema },
  listInvoices: {
    args: invoiceListRequestSchema,
    result: invoiceListResponseSchema.extend({ cachedAt: cachedAtSchema }),
  },
  getInvoice: { args: invoiceRefSchema, result: invoiceRecordSchema.extend({ cachedAt: cachedAtSchema }) },
  getInvoiceFile: { args: invoiceRefSchema, result: invoiceFileResultSchema },
  getSettings: { args: noArgs, result: settingsViewSchema },
  setConnection: {
    args: z.strictObject({ mode: connectionModeSchema, cloudBaseUrl: baseUrlSchema.optional() }),
    result: settingsViewSchema,
  },
  setApiKey: { args: z.strictObject({ key: apiKeyInputSchema }), result: settingsViewSchema },
  clearApiKey: { args: noArgs, result: settingsViewSchema },
  testConnection: {
    args: noArgs,
    result: z.object({ baseUrl: z.string(), accountSetCount: z.number().int().nonnegative() }),
  },
  getReport: { args: reportRequestSchema, result: fetchedSchema(reportResponseSchema) },
  getChart: {
    args: z.strictObject({ accountSetId: accountIdSchema }),
    result: fetchedSchema(chartResponseSchema),
  },
  listVouchers: { args: voucherPageRequestSchema, result: fetchedSchema(voucherListResponseSchema) },
  createVoucher: {
    args: z.strictObject({ voucher: voucherCreateRequestSchema }),
    result: voucherSubmissionSchema,
  },
  listOutbox: {
    args: noArgs,
    result: z.object({ items: z.array(outboxItemViewSchema), counts: outboxCountsSchema }),
  },
  /** 重试 / 重新发送: a failed or 结果未知 write goes back into the queue. */
  retryOutboxItem: { args: outboxItemRefSchema, result: outboxItemViewSchema },
  /** 确认已入账: the user checked that a 结果未知 write was applied; it is done, never resent. */
  confirmOutboxItem: { args: outboxItemRefSchema, result: outboxItemViewSchema },
  /** 放弃: a write that is not being sent right now is dropped from the queue. */
  discardOutboxItem: { args: outboxItemRefSchema, result: z.object({ discarded: z.boolean() }) },
  getVoucher: {
    args: z.strictObject({ voucherId: voucherIdSchema }),
    result: fetchedSchema(voucherSchema),
  },
  reverseVoucher: {
    args: z.strictObject({ voucherId: voucherIdSchema, date: isoDateSchema.optional() }),
    result: voucherReverseResponseSchema,
  },
  saveVoucherDraft: { args: saveDraftArgsSchema, result: z.object({ savedAt: z.iso.datetime() }) },
  listVoucherDrafts: {
    args: z.strictObject({ accountSetId: accountIdSchema }),
    result: z.object({ drafts: z.array(storedDraftSchema) }),
  },
  deleteVoucherDraft: { args: draftRefArgsSchema, result: z.object({ deleted: z.boolean() }) },
  listVoucherTemplates: {
    args: z.strictObject({ accountSetId: accountIdSchema }),
    result: z.object({ templates: z.array(voucherTemplateSchema) }),
  },
  saveVoucherTemplate: { args: saveTemplateArgsSchema, result: voucherTemplateSchema },
  deleteVoucherTemplate: { args: templateRefArgsSchema, result: z.object({ deleted: z.boolean() }) },
  printVoucher: {
    args: z.strictObject({ voucherId: voucherIdSchema }),
    result: voucherPrintResultSchema,
  },
  /** One statement as an A4 PDF (main reads the data and builds the page); browser mode: unsupported. */
  printStatement: { args: reportRequestSchema, result: voucherPrintResultSchema },
  getTrialBalance: { args: trialBalanceRequestSchema, result: fetchedSchema(trialBalanceResponseSchema) },
  getDetailLedger: { args: detailLedgerRequestSchema, result: fetchedSchema(detailLedgerResponseSchema) },
  getUiState: { args: noArgs, result: uiStateSchema },
  setUiState: { args: uiStatePatchSchema, result: uiStateSchema },
  listPeriods: {
    args: z.strictObject({ accountSetId: accountIdSchema }),
    result: periodListResponseSchema,
  },
  closePeriod: {
    args: z.strictObject({ accountSetId: accountIdSchema, period: periodSchema }),
    result: periodCloseResponseSchema,
  },
  reopenPeriod: {
    args: z.strictObject({ accountSetId: accountIdSchema, period: periodSchema }),
    result: periodReopenResponseSchema,
  },
  // ——— 文件夹监控 (folder watch) ———
  /** The native folder dialog; `supported: false` in browser mode, where the path is typed. */
  pickWatchedFolder: { args: noArgs, result: pickFolderResultSchema },
  getFolderWatch: { args: noArgs, result: folderWatchSnapshotSchema },
  addWatchedFolder: { args: addWatchedFolderRequestSchema, result: watchedFolderViewSchema },
  updateWatchedFolder: { args: updateWatchedFolderRequestSchema, result: watchedFolderViewSchema },
  removeWatchedFolder: {
    args: z.strictObject({ id: watchedFolderIdSchema }),
    result: z.object({ removed: z.boolean() }),
  },
  /** 重试失败项: failed uploads queued again, files that could not be read are read again. */
  retryFolderWatchFailures: {
    args: noArgs,
    result: z.object({ retried: z.number().int().nonnegative() }),
  },
} as const satisfies Record<IpcCallName, { args: z.ZodType; result: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcArgs<K extends IpcCallName> = z.input<IpcContract[K]['args']>;
export type IpcParsedArgs<K extends IpcCallName> = z.output<IpcContract[K]['args']>;
export type IpcData<K extends IpcCallName> = z.output<IpcContract[K]['result']>;

/** Errors cross IPC as data, keeping the API envelope's fields; a few are the client's own. */
export const ipcErrorTypeSchema = z.union([
  apiErrorTypeSchema,
  z.enum(['network_error', 'timeout_error', 'cancelled', 'key_missing', 'internal_error', 'outcome_unknown']),
]);
export const ipcErrorSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  type: ipcErrorTypeSchema,
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/**
 * Progress of one invoice upload. `outbox`: kept in the outbox while the engine cannot be reached
 * (待发送, `message` says why); the outbox's later try ends in `done` (with the `result`) or `failed`.
 */
export const uploadProgressEventSchema = z.object({
  type: z.literal('upload-progress'),
  uploadId: z.string().min(1),
  fileName: z.string(),
  stage: z.enum(['queued', 'uploading', 'recognizing', 'outbox', 'done', 'failed']),
  loadedBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  message: z.string().optional(),
  /** The outbox item holding the file, once it is there. */
  outboxId: z.number().int().positive().optional(),
  /** What the engine answered, on `done`. */
  result: invoiceRecognizeResponseSchema.optional(),
});

export const ipcEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('engine-status'), status: engineStatusSchema }),
  z.object({ type: z.literal('settings-changed') }),
  z.object({ type: z.literal('reachability'), reachability: reachabilitySchema }),
  z.object({ type: z.literal('outbox-changed'), counts: outboxCountsSchema }),
  uploadProgressEventSchema,
  folderWatchProgressEventSchema,
  folderWatchBatchEventSchema,
]);
export type IpcEvent = z.infer<typeof ipcEventSchema>;

/** `window.zxe`: one function per call, plus the event subscription. */
export type ZxeBridge = {
  [K in IpcCallName]: (args: IpcArgs<K>) => Promise<IpcResult<IpcData<K>>>;
} & {
  onEvent(listener: (event: IpcEvent) => void): () => void;
  /** Electron only: the dropped file's path (webUtils.getPathForFile); absent in browser mode. */
  pathForFile?(file: Blob): string;
};
