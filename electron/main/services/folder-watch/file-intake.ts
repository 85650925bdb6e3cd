import { createHash } from 'node:crypto';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { INVOICE_MAX_BYTES } from '../../../../shared/api/invoice.js';
import {
  hasInvoiceExtension,
  looksComplete,
  sniffInvoiceKind,
  type InvoiceFileKind,
} from './invoice-file-kind.js';

/** What reading one file of a watched folder found. */
export type FileReading =
  /** An invoice file, complete and unchanged while it was read. */
  | { kind: 'invoice'; fileKind: InvoiceFileKind; contentSha256: string; sizeBytes: number }
  /** A file that looks like an invoice (by name or bytes) but cannot be uploaded; the reason in Chinese. */
  | { kind: 'problem'; message: string; sizeBytes: number }
  /** Not ours: a directory, a text file, a video — nothing to show. */
  | { kind: 'ignore' }
  /** Still being written: read it again once it has been quiet for a while. */
  | { kind: 'unsettled' }
  /** Gone before it could be read (moved or deleted). */
  | { kind: 'gone' };

const HEAD_BYTES = 4096;

export const FILE_PROBLEMS = {
  empty: '空文件（0 字节），未上传',
  tooBig: `文件超过 ${String(INVOICE_MAX_BYTES / 1024 / 1024)}MB，引擎不接受，未上传`,
  notInvoice: '文件内容不是支持的票据格式（jpg、png、pdf、OFD、XML），未上传',
  symlinkLoop: '符号链接循环或指向不存在的位置，无法读取',
  noPermission: '没有读取权限，无法上传',
  notRegular: '不是普通文件，无法读取',
  incomplete: '文件不完整或已损坏，未上传',
  unreadable: '无法读取文件',
} as const;

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function problemFor(error: unknown): FileReading {
  switch (errorCode(error)) {
    case 'ENOENT':
      return { kind: 'gone' };
    case 'ELOOP':
      return { kind: 'problem', message: FILE_PROBLEMS.symlinkLoop, sizeBytes: 0 };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'problem', message: FILE_PROBLEMS.noPermission, sizeBytes: 0 };
    default:
      return { kind: 'problem', message: FILE_PROBLEMS.unreadable, sizeBytes: 0 };
  }
}

/**
 * Reads one file the way the queue needs it: what it is by its bytes, whether it is finished, and
 * the SHA-256 of exactly the bytes that would be uploaded. A file that changes size or time while
 * being read is `unsettled`, never hashed half-written. Errors become a reason on the row.
 */
export async function readWatchedFile(filePath: string): Promise<FileReading> {
  const name = path.basename(filePath);
  let link;
  try {
    link = await lstat(filePath);
  } catch (error) {
    return problemFor(error);
  }
  let target = link;
  if (link.isSymbolicLink()) {
    try {
      target = await stat(filePath);
    } catch (error) {
      const reading = problemFor(error);
      // A dangling link is the user's business unless it is named like an invoice.
      if (reading.kind === 'gone')
        return hasInvoiceExtension(name)
          ? { kind: 'problem', message: FILE_PROBLEMS.symlinkLoop, sizeBytes: 0 }
          : { kind: 'ignore' };
      return reading;
    }
  }
  if (target.isDirectory()) return { kind: 'ignore' };
  if (!target.isFile()) {
    return hasInvoiceExtension(name)
      ? { kind: 'problem', message: FILE_PROBLEMS.notRegular, sizeBytes: 0 }
      : { kind: 'ignore' };
  }

  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    return problemFor(error);
  }
  try {
    const before = await handle.stat();
    if (before.size === 0) {
      return hasInvoiceExtension(name)
        ? { kind: 'problem', message: FILE_PROBLEMS.empty, sizeBytes: 0 }
        : { kind: 'ignore' };
    }
    const head = new Uint8Array(Math.min(HEAD_BYTES, before.size));
    await handle.read(head, 0, head.length, 0);
    const sniffed = sniffInvoiceKind(head);
    if (!sniffed && !hasInvoiceExtension(name)) return { kind: 'ignore' };
    if (before.size > INVOICE_MAX_BYTES) {
      return { kind: 'problem', message: FILE_PROBLEMS.tooBig, sizeBytes: before.size };
    }
    const bytes = new Uint8Array(before.size);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const after = await handle.stat();
    if (bytesRead !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      return { kind: 'unsettled' };
    }
    // OFD is a zip: its OFD.xml entry name may lie beyond the head.
    const fileKind = sniffInvoiceKind(bytes);
    if (!fileKind) return { kind: 'problem', message: FILE_PROBLEMS.notInvoice, sizeBytes: before.size };
    if (!looksComplete(fileKind, bytes)) return { kind: 'unsettled' };
    const contentSha256 = createHash('sha256').update(bytes).digest('hex');
    return { kind: 'invoice', fileKind, contentSha256, sizeBytes: before.size };
  } catch (error) {
    return problemFor(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The bytes to upload, checked against the hash the item was queued with. */
export async function readForUpload(
  filePath: string,
  contentSha256: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: 'gone' | 'changed' | 'unreadable' }> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    return { ok: false, reason: errorCode(error) === 'ENOENT' ? 'gone' : 'unreadable' };
  }
  try {
    const { size } = await handle.stat();
    if (size > INVOICE_MAX_BYTES) return { ok: false, reason: 'changed' };
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    if (bytesRead !== size) return { ok: false, reason: 'changed' };
    const digest = createHash('sha256').update(bytes).digest('hex');
    return digest === contentSha256 ? { ok: true, bytes } : { ok: false, reason: 'changed' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
