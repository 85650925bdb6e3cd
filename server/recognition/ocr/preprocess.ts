/**
 * Photo preprocessing before OCR. A phone photo of paper is rarely black on white: the paper is
 * grey or unevenly lit and the ink is washed out. A linear stretch of the luminance range
 * (1st → 0, 99th percentile → 255, colour kept) restores contrast without inventing edges;
 * 'auto' applies it only when the range is visibly compressed, so clean renders are untouched.
 */
import type { RgbImage } from './raster.js';

export type Preprocessing = 'auto' | 'none' | 'enhance';

function luminancePercentiles(image: RgbImage): { low: number; high: number } {
  const histogram = new Uint32Array(256);
  const { data } = image;
  const step = Math.max(1, Math.floor(data.length / 3 / 200_000)) * 3;
  let count = 0;
  for (let i = 0; i < data.length; i += step) {
    const y = ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
    histogram[y] = (histogram[y] ?? 0) + 1;
    count += 1;
  }
  const at = (fraction: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v += 1) {
      seen += histogram[v] ?? 0;
      if (seen >= fraction * count) return v;
    }
    return 255;
  };
  return { low: at(0.01), high: at(0.99) };
}

export function needsEnhancement(image: RgbImage): boolean {
  const { low, high } = luminancePercentiles(image);
  return high < 225 || low > 60 || high - low < 150;
}

export function stretchContrast(image: RgbImage): RgbImage {
  const { low, high } = luminancePercentiles(image);
  if (high - low < 8) return image;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v += 1)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < image.data.length; i += 1) out[i] = lut[image.data[i] ?? 0] ?? 0;
  return { data: out, width: image.width, height: image.height };
}

export function enhanceForOcr(image: RgbImage, mode: Preprocessing): { raster: RgbImage; applied: boolean } {
  if (mode === 'none' || (mode === 'auto' && !needsEnhancement(image)))
    return { raster: image, applied: false };
  return { raster: stretchContrast(image), applied: true };
}
