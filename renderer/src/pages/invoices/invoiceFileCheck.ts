/**
 * What the drop zone checks before a byte is uploaded: the size and the type read from the file's
 * first bytes (the name can lie), the same five types the engine accepts.
 */

export const INVOICE_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type InvoiceFileKind = 'jpg' | 'png' | 'pdf' | 'ofd' | 'xml';

export type FileCheck = { ok: true; kind: InvoiceFileKind } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, text: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - text.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** The kind of an invoice file from its leading bytes (at least the first KiB), or undefined. */
export function sniffInvoiceBytes(head: Uint8Array, fileName: string): InvoiceFileKind | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (indexOfAscii(head, '%PDF-', 1024) >= 0) return 'pdf';
  // OFD is a zip; which entries it holds the engine checks, the name tells the zip apart here.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return /\.ofd$/i.test(fileName) ? 'ofd' : undefined;
  let at = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) at = 3;
  while (at < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[at] ?? 0)) at++;
  if (head[at] === 0x3c) return 'xml';
  return undefined;
}

export async function checkInvoiceFile(file: File): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, reason: '文件为空' };
  if (file.size > INVOICE_FILE_MAX_BYTES) {
    return {
      ok: false,
      reason: `文件过大（${(file.size / 1024 / 1024).toFixed(1)}MB），票据文件不能超过 10MB`,
    };
  }
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = sniffInvoiceBytes(head, file.name);
  if (!kind) return { ok: false, reason: '不支持的文件类型：只能上传 JPG、PNG、PDF、OFD 或 XML 票据' };
  return { ok: true, kind };
}
