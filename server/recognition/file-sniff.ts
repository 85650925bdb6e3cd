import { InvoiceFileError } from './recognition-errors.js';
import { zipEntryNames } from './readers/bounded-unzip.js';
import { OFD_LIMITS } from './readers/ofd-text.js';

export type InvoiceFileType = 'pdf' | 'ofd' | 'xml' | 'jpeg' | 'png';

export const MEDIA_TYPES: Readonly<Record<InvoiceFileType, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  xml: 'application/xml',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const UNSUPPORTED =
  '参数错误：不支持的文件类型，仅支持 jpg、png、pdf，以及数电票的 ofd 和 xml（按文件内容判断，与扩展名无关）';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The file's type from its bytes, never from its name: a JPEG named .png is a JPEG. */
export function sniffInvoiceFile(bytes: Uint8Array): InvoiceFileType {
  if (bytes.length === 0) throw new InvoiceFileError('参数错误：file 为空文件');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // %PDF- may follow a little junk (some generators prepend a BOM or whitespace).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes, OFD_LIMITS);
    if (names.some((name) => name === 'OFD.xml' || name.endsWith('/OFD.xml'))) return 'ofd';
    throw new InvoiceFileError('参数错误：zip 文件不是 OFD（缺少 OFD.xml）');
  }
  const text = head.replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  if (/^<(\?xml|[A-Za-z])/.test(text)) return 'xml';
  throw new InvoiceFileError(UNSUPPORTED);
}
