import { z } from 'zod';
import { accountIdSchema } from './api/common.js';

/**
 * Folder watch: the IPC shapes of watched folders, their queue and its progress. Kept apart from
 * `ipc.ts` so that file stays a table of calls; `ipc.ts` imports these.
 */

/** What to do with a user's file once its invoice is in the engine. Never deleted. */
export const afterUploadSchema = z.enum(['leave', 'move']);
export type AfterUpload = z.infer<typeof afterUploadSchema>;

/** The name of the subfolder successful files are moved into (when the folder says so). */
export const PROCESSED_FOLDER_NAME = '已处理';

export const watchedFolderIdSchema = z.string().regex(/^wf_[0-9a-f]{16}$/, { error: '文件夹编号无效' });

/** One watched folder as kept in settings.json. */
export const watchedFolderSchema = z.object({
  id: watchedFolderIdSchema,
  /** Absolute, resolved when the folder was added. */
  path: z.string().min(1).max(4096),
  accountSetId: accountIdSchema,
  recursive: z.boolean(),
  paused: z.boolean(),
  afterUpload: afterUploadSchema,
  addedAt: z.iso.datetime(),
});
export type WatchedFolder = z.infer<typeof watchedFolderSchema>;

/** A path typed by the user (browser mode) or returned by the native dialog; checked by main. */
export const folderPathInputSchema = z
  .string({ error: '必须是字符串' })
  .trim()
  .min(1, { error: '请输入文件夹路径' })
  .max(4096, { error: '路径过长' })
  .refine((value) => !value.includes('\0'), { error: '路径含有非法字符' });

export const watchedFolderStatusSchema = z.enum(['watching', 'starting', 'paused', 'error']);

export const folderCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  uploading: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  /** Failed uploads plus files that cannot be uploaded at all (wrong type, too big, unreadable). */
  failed: z.number().int().nonnegative(),
});
export type FolderCounts = z.infer<typeof folderCountsSchema>;

export const watchedFolderViewSchema = watchedFolderSchema.extend({
  status: watchedFolderStatusSchema,
  /** Why the folder is not being watched right now (Chinese), e.g. 「文件夹不存在」. */
  message: z.string().nullable(),
  counts: folderCountsSchema,
});
export type WatchedFolderView = z.infer<typeof watchedFolderViewSchema>;

export const folderWatchItemStateSchema = z.enum(['pending', 'uploading', 'done', 'failed']);
export type FolderWatchItemState = z.infer<typeof folderWatchItemStateSchema>;

/**
 * A row of the page: an upload (one per file content and account set), or a file that cannot be
 * uploaded (`kind: 'file'`, always failed, with the reason). Never an idempotency key.
 */
export const folderWatchItemViewSchema = z.object({
  key: z.string(),
  kind: z.enum(['upload', 'file']),
  folderId: z.string(),
  accountSetId: z.string(),
  fileName: z.string(),
  filePath: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  state: folderWatchItemStateSchema,
  message: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  invoiceId: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type FolderWatchItemView = z.infer<typeof folderWatchItemViewSchema>;

export const folderWatchProgressSchema = z.object({
  /** Items of the current (or last) batch that are finished, successfully or not. */
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The file being uploaded right now, if any. */
  current: z.string().nullable(),
  active: z.boolean(),
  folders: z.array(z.object({ folderId: z.string(), counts: folderCountsSchema })),
});
export type FolderWatchProgress = z.infer<typeof folderWatchProgressSchema>;

export const folderWatchSnapshotSchema = z.object({
  folders: z.array(watchedFolderViewSchema),
  items: z.array(folderWatchItemViewSchema),
  progress: folderWatchProgressSchema,
  /** False when cache.db could not be opened: the queue needs it, so watching is off. */
  available: z.boolean(),
  /** True in the desktop app: folders are chosen in the system dialog (browser mode types a path). */
  nativeDialog: z.boolean(),
});
export type FolderWatchSnapshot = z.infer<typeof folderWatchSnapshotSchema>;

export const addWatchedFolderRequestSchema = z.strictObject({
  path: folderPathInputSchema,
  accountSetId: accountIdSchema,
  recursive: z.boolean().default(false),
  afterUpload: afterUploadSchema.default('leave'),
});
export type AddWatchedFolderRequest = z.output<typeof addWatchedFolderRequestSchema>;

export const updateWatchedFolderRequestSchema = z.strictObject({
  id: watchedFolderIdSchema,
  paused: z.boolean().optional(),
  recursive: z.boolean().optional(),
  afterUpload: afterUploadSchema.optional(),
  accountSetId: accountIdSchema.optional(),
});
export type UpdateWatchedFolderRequest = z.output<typeof updateWatchedFolderRequestSchema>;

export const pickFolderResultSchema = z.object({
  /** False in browser mode: the page asks for a typed path instead. */
  supported: z.boolean(),
  path: z.string().nullable(),
});

export const folderWatchProgressEventSchema = z.object({
  type: z.literal('folder-watch-progress'),
  progress: folderWatchProgressSchema,
});

/** A batch finished: the desktop notification's content, and the in-page message in browser mode. */
export const folderWatchBatchEventSchema = z.object({
  type: z.literal('folder-watch-batch'),
  uploaded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  message: z.string(),
});
