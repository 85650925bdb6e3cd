/**
 * Turning uploaded bytes into a raster the OCR can read, safely: the type is sniffed from the
 * bytes, the pixel count is read from the header and refused before anything is decoded (a
 * 20,000 × 20,000 PNG is a few KB of zlib and 1.6 GB of pixels), corrupt data becomes an
 * `InvalidImageError`, EXIF orientation is applied and big scans are downscaled while decoding.
 */
import sharp from 'sharp';
import { InvalidImageError } from './errors.js';
import type { RgbImage } from './raster.js';

// libvips keeps the results of recent operations (by default up to 50 MB / 100 operations) in
// case the same image is processed again; every image here is decoded once, so the cache could
// only hold memory (measured with the whole engine, one run each: the peak RSS one file at a time
// 618 → 593 MB).
sharp.cache(false);

export type ImageKind = 'png' | 'jpeg';

/** A 600 dpi A4 scan is ~35 MP; anything above this is refused unread. */
export const MAX_INPUT_PIXELS = 60_000_000;
/** Longest side either dimension may have, whatever the pixel count. */
export const MAX_INPUT_SIDE = 16_384;
/** Rasters are downscaled to this longer side while decoding (OCR gains nothing beyond). */
export const DEFAULT_MAX_RASTER_SIDE = 2560;

export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

export interface ImageHeader {
  kind: ImageKind;
  width: number;
  height: number;
}

/** Reads only the header; refuses unknown types and images too big to decode. */
export async function inspectImage(bytes: Uint8Array): Promise<ImageHeader> {
  if (bytes.length === 0) throw new InvalidImageError('empty', '图片为空');
  const kind = sniffImageKind(bytes);
  if (!kind) throw new InvalidImageError('unsupported', '不支持的图片格式：仅支持 JPG 和 PNG');
  let width: number | undefined;
  let height: number | undefined;
  try {
    // sharp reads the header lazily; limitInputPixels: false here so we can report the size ourselves.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = metadata.width;
    height = metadata.height;
  } catch {
    throw new InvalidImageError('corrupt', '图片已损坏或无法读取');
  }
  if (!width || !height) throw new InvalidImageError('corrupt', '图片已损坏或无法读取');
  if (width * height > MAX_INPUT_PIXELS || width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE) {
    throw new InvalidImageError(
      'too-large',
      `图片尺寸过大（${String(width)}×${String(height)} 像素），最多 ${String(MAX_INPUT_PIXELS / 1_000_000)} 百万像素`,
    );
  }
  return { kind, width, height };
}

export interface DecodedImage {
  header: ImageHeader;
  /** Upright (EXIF applied), flattened on white, scaled into [minSide, maxSide]. */
  raster: RgbImage;
}

/**
 * Tiny images are enlarged to this longer side (Lanczos, at most ×2.5): a 600 × 800 photo of an
 * A5 invoice has 6 px characters. Enlarging further (to 1600 px) was measured on the corpus: the
 * same strings read, 60 % more CPU, so it stops here.
 */
export const DEFAULT_MIN_RASTER_SIDE = 1024;
const MAX_ENLARGEMENT = 2.5;

/** Decodes to RGB; the longer side of the result is brought into [minSide, maxSide]. */
export async function decodeImage(
  bytes: Uint8Array,
  maxSide = DEFAULT_MAX_RASTER_SIDE,
  minSide = DEFAULT_MIN_RASTER_SIDE,
): Promise<DecodedImage> {
  const header = await inspectImage(bytes);
  const longer = Math.max(header.width, header.height);
  const target =
    longer > maxSide ? maxSide : longer < minSide ? Math.min(minSide, longer * MAX_ENLARGEMENT) : longer;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: Math.round(target), height: Math.round(target), fit: 'inside', kernel: 'lanczos3' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${String(info.channels)}`);
    return {
      header,
      raster: {
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
        width: info.width,
        height: info.height,
      },
    };
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
    throw new InvalidImageError('corrupt', '图片已损坏或无法读取');
  }
}
