import { Inflate } from 'fflate';
import { InvoiceFileError } from '../recognition-errors.js';

export interface UnzipLimits {
  maxEntries: number;
  /** Most bytes any one entry may inflate to, whatever its header claims. */
  maxEntryBytes: number;
  /** Most bytes all inflated entries together may take. */
  maxTotalBytes: number;
}

export const ZIP_BOMB_MESSAGE = '参数错误：压缩包解压后过大或条目过多（疑似压缩炸弹），已拒绝处理';
const CORRUPT_MESSAGE = '参数错误：压缩包已损坏或不是有效的 zip 文件';
/** Compressed input is fed in slices this big, so the output is checked at least this often. */
const SLICE = 16 * 1024;

function u16(data: Uint8Array, at: number): number {
  if (at + 2 > data.length) throw new InvoiceFileError(CORRUPT_MESSAGE);
  return (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
}

function u32(data: Uint8Array, at: number): number {
  return (u16(data, at) | (u16(data, at + 2) << 16)) >>> 0;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

function centralDirectory(data: Uint8Array, limits: UnzipLimits): Entry[] {
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65_535); at -= 1) {
    if (u32(data, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new InvoiceFileError(CORRUPT_MESSAGE);
  const count = u16(data, eocd + 10);
  if (count > limits.maxEntries) throw new InvoiceFileError(ZIP_BOMB_MESSAGE);
  let at = u32(data, eocd + 16);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (u32(data, at) !== 0x02014b50) throw new InvoiceFileError(CORRUPT_MESSAGE);
    const method = u16(data, at + 10);
    const compressedSize = u32(data, at + 20);
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    const localOffset = u32(data, at + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw new InvoiceFileError(ZIP_BOMB_MESSAGE);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    if (u32(data, localOffset) !== 0x04034b50) throw new InvoiceFileError(CORRUPT_MESSAGE);
    const dataStart = localOffset + 30 + u16(data, localOffset + 26) + u16(data, localOffset + 28);
    if (dataStart + compressedSize > data.length) throw new InvoiceFileError(CORRUPT_MESSAGE);
    entries.push({ name, method, compressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateBounded(input: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const state = { size: 0, over: false };
  const inflater = new Inflate((chunk) => {
    state.size += chunk.length;
    if (state.size > limit) state.over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < input.length && !state.over; at += SLICE) {
      inflater.push(input.subarray(at, at + SLICE), at + SLICE >= input.length);
    }
  } catch {
    throw new InvoiceFileError(CORRUPT_MESSAGE);
  }
  if (state.over) throw new InvoiceFileError(ZIP_BOMB_MESSAGE);
  const out = new Uint8Array(state.size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The entries `want` accepts, inflated, from a zip held in memory. Sizes are enforced on the
 * inflated output itself (headers can lie): an entry is abandoned as soon as it passes the limit,
 * so a bomb costs at most one slice's worth of inflating beyond it.
 */
export function unzipBounded(
  data: Uint8Array,
  limits: UnzipLimits,
  want: (name: string) => boolean,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of centralDirectory(data, limits)) {
    if (!want(entry.name)) continue;
    const raw = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let bytes: Uint8Array;
    if (entry.method === 0) bytes = raw;
    else if (entry.method === 8)
      bytes = inflateBounded(raw, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
    else throw new InvoiceFileError(CORRUPT_MESSAGE);
    if (bytes.length > limits.maxEntryBytes) throw new InvoiceFileError(ZIP_BOMB_MESSAGE);
    total += bytes.length;
    if (total > limits.maxTotalBytes) throw new InvoiceFileError(ZIP_BOMB_MESSAGE);
    out.set(entry.name, bytes);
  }
  return out;
}

/** Names of all entries (for sniffing), without inflating anything. */
export function zipEntryNames(data: Uint8Array, limits: UnzipLimits): string[] {
  return centralDirectory(data, limits).map((entry) => entry.name);
}
