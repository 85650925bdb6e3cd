import type { FastifyRequest } from 'fastify';
import { INVOICE_MAX_BYTES } from '../../shared/api/invoice.js';
import { ApiHttpError } from '../errors/api-http-error.js';

export const MULTIPART_LIMITS = {
  fileSize: INVOICE_MAX_BYTES,
  files: 1,
  fields: 8,
  fieldSize: 1024,
  parts: 10,
  headerPairs: 50,
} as const;

export interface InvoiceForm {
  file: Buffer | undefined;
  fileName: string | undefined;
  fields: Record<string, string>;
}

const TOO_LARGE = '参数错误：文件过大，票据文件不能超过 10MB';

function formError(error: unknown): ApiHttpError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ApiHttpError(400, TOO_LARGE);
  if (code === 'FST_FILES_LIMIT') return new ApiHttpError(400, '参数错误：一次只能上传一个 file');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new ApiHttpError(400, '参数错误：表单字段过多');
  }
  return new ApiHttpError(400, '参数错误：multipart/form-data 请求体格式不正确或不完整');
}

/** Reads the whole form (one `file`, a few short text fields); any violation is a Chinese 400. */
export async function readInvoiceForm(request: FastifyRequest): Promise<InvoiceForm> {
  if (!request.isMultipart()) {
    throw new ApiHttpError(400, '参数错误：请使用 multipart/form-data 上传票据，字段 file 为票据文件');
  }
  const form: InvoiceForm = { file: undefined, fileName: undefined, fields: {} };
  try {
    for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new ApiHttpError(
            400,
            `参数错误：未知的文件字段 ${part.fieldname.slice(0, 40)}，票据文件应放在 file 字段`,
          );
        }
        if (form.file) throw new ApiHttpError(400, '参数错误：一次只能上传一个 file');
        const data = await part.toBuffer();
        if (part.file.truncated) throw new ApiHttpError(400, TOO_LARGE);
        form.file = data;
        form.fileName = part.filename;
      } else {
        if (part.fieldnameTruncated || part.valueTruncated) {
          throw new ApiHttpError(400, `参数错误：字段 ${part.fieldname.slice(0, 40)} 过长`);
        }
        if (part.fieldname === 'file') throw new ApiHttpError(400, '参数错误：file 应为文件，而不是文本');
        if (Object.hasOwn(form.fields, part.fieldname)) {
          throw new ApiHttpError(400, `参数错误：字段 ${part.fieldname.slice(0, 40)} 重复`);
        }
        form.fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    if (error instanceof ApiHttpError) throw error;
    throw formError(error);
  }
  return form;
}
