/** An 8-bit RGB raster, row-major, 3 bytes per pixel: what the OCR steps work on. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The image turned by a multiple of 90° clockwise. */
export function rotateQuarter(image: RgbImage, quarters: 0 | 1 | 2 | 3): RgbImage {
  if (quarters === 0) return image;
  const { width: w, height: h, data } = image;
  const outW = quarters === 2 ? w : h;
  const outH = quarters === 2 ? h : w;
  const out = new Uint8Array(outW * outH * 3);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let nx: number;
      let ny: number;
      if (quarters === 1) {
        nx = h - 1 - y;
        ny = x;
      } else if (quarters === 2) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      const s = (y * w + x) * 3;
      const d = (ny * outW + nx) * 3;
      out[d] = data[s] ?? 0;
      out[d + 1] = data[s + 1] ?? 0;
      out[d + 2] = data[s + 2] ?? 0;
    }
  }
  return { data: out, width: outW, height: outH };
}
