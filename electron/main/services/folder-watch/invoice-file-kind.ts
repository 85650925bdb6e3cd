/**
 * Which files the engine accepts, judged by their bytes (a name can lie): JPEG, PNG, PDF, OFD (a
 * zip holding `OFD.xml`) and 数电票 XML. Also whether the file looks finished — a scanner or a
 * browser still writing leaves a PDF without `%%EOF`, a zip without its central directory.
 */
export type InvoiceFileKind = 'jpg' | 'png' | 'pdf' | 'ofd' | 'xml';

export const INVOICE_KIND_MEDIA_TYPES: Record<InvoiceFileKind, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  xml: 'application/xml',
};

/** Extensions users give invoices: such a file with other bytes is an error on its row, not ignored. */
const INVOICE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.pdf', '.ofd', '.xml']);

export function hasInvoiceExtension(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && INVOICE_EXTENSIONS.has(fileName.slice(dot).toLowerCase());
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((value, index) => bytes[at + index] === value);
}

function ascii(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  const first = needle[0];
  outer: for (let i = Math.max(0, from); i <= bytes.length - needle.length; i += 1) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OFD_ENTRY = ascii('OFD.xml');
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const XML_DECL = ascii('<?xml');

/** The kind of an accepted invoice file, or undefined (an exe renamed `.pdf`, a text file, …). */
export function sniffInvoiceKind(bytes: Uint8Array): InvoiceFileKind | undefined {
  if (startsWith(bytes, JPEG)) return 'jpg';
  if (startsWith(bytes, PNG)) return 'png';
  // PDF readers accept the header within the first KiB; so does this check.
  const pdfAt = indexOfBytes(bytes.subarray(0, 1024), PDF);
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) return indexOfBytes(bytes, OFD_ENTRY) >= 0 ? 'ofd' : undefined;
  const xmlStart = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  if (startsWith(bytes, XML_DECL, xmlStart)) return 'xml';
  return undefined;
}

const PDF_EOF = ascii('%%EOF');
const PNG_IEND = ascii('IEND');
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

/** Whether the file ends the way a complete file of its kind ends. */
export function looksComplete(kind: InvoiceFileKind, bytes: Uint8Array): boolean {
  const tail = (n: number) => bytes.subarray(Math.max(0, bytes.length - n));
  switch (kind) {
    case 'pdf':
      return indexOfBytes(tail(1024), PDF_EOF) >= 0;
    case 'jpg':
      return indexOfBytes(tail(64), [0xff, 0xd9]) >= 0;
    case 'png':
      return indexOfBytes(tail(16), PNG_IEND) >= 0;
    case 'ofd':
      // End-of-central-directory record: 22 bytes plus a comment of at most 64 KiB.
      return indexOfBytes(tail(22 + 65_535), ZIP_END) >= 0;
    case 'xml': {
      const end = tail(64);
      for (let i = end.length - 1; i >= 0; i -= 1) {
        const byte = end[i];
        if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
        return byte === 0x3e; // '>'
      }
      return false;
    }
  }
}
