/**
 * Text detection with the PP-OCRv4 DB model: the image (downscaled so its longer side is at most
 * `maxSide`, padded to a multiple of 32) gives a text-probability map; connected regions above the
 * threshold whose mean probability passes the box threshold become rotated rectangles, grown back
 * to the full text extent and mapped to the input image's coordinates.
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { minAreaRect, unclip, type Point, type RotatedRect } from './box-geometry.js';
import type { RgbImage } from './raster.js';

export interface DetectionOptions {
  /** Longer side of the detector's input, in pixels. */
  maxSide: number;
  /** Pixel probability above which a pixel is text. */
  threshold: number;
  /** Mean probability a region needs to be kept. */
  boxThreshold: number;
}

/** The detector's input or output: a float tensor's values and shape. */
export interface DetectorTensor {
  data: Float32Array<ArrayBuffer>;
  dims: number[];
}

/**
 * Runs the detection model once: on a session of this thread (`sessionDetector`), or on the
 * pool's shared detector thread (shared-detector.ts).
 */
export type RunDetector = (input: DetectorTensor) => Promise<DetectorTensor>;

export function sessionDetector(session: InferenceSession): RunDetector {
  const inputName = session.inputNames[0] ?? 'x';
  const outputName = session.outputNames[0] ?? '';
  return async (input) => {
    const outputs = await session.run({ [inputName]: new Tensor('float32', input.data, input.dims) });
    const output = outputs[outputName];
    if (!output || !(output.data instanceof Float32Array))
      throw new Error('text detector returned no output');
    // A copy this thread owns outright (transferable to another thread).
    return { data: new Float32Array(output.data), dims: output.dims.map(Number) };
  };
}

/**
 * 960 px, PaddleOCR's own default for this model: measured on the corpus (clean renders and
 * photos), 1280 and 1600 read no more strings (fewer, in fact) and the detector's transient
 * memory grows with the pixel count (~140 MB at 960, ~200 MB at 1280, ~320 MB at 1600).
 */
export const DEFAULT_DETECTION: DetectionOptions = { maxSide: 960, threshold: 0.3, boxThreshold: 0.6 };

const ELONGATED_ASPECT = 1.9;
const ELONGATED_FACTOR = 1.45;
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** Bilinear-free nearest sampling is enough for the detector; it only needs where text is. */
function detectorInput(image: RgbImage, maxSide: number): { input: DetectorTensor; scale: number } {
  const longer = Math.max(image.width, image.height);
  const aspect = longer / Math.max(1, Math.min(image.width, image.height));
  // A phone screenshot (1080 × 2340) at 960 px would leave the page 440 px wide: measured 70 % of
  // field strings read vs 84 % with 1.45 × the side.
  const side = aspect >= ELONGATED_ASPECT ? maxSide * ELONGATED_FACTOR : maxSide;
  const scale = Math.min(1, side / longer);
  const w = Math.max(32, Math.ceil((image.width * scale) / 32) * 32);
  const h = Math.max(32, Math.ceil((image.height * scale) / 32) * 32);
  const usedW = Math.round(image.width * scale);
  const usedH = Math.round(image.height * scale);
  const plane = w * h;
  const data = new Float32Array(3 * plane);
  // Padding is white, like paper.
  for (let c = 0; c < 3; c += 1) data.fill((1 - (MEAN[c] ?? 0)) / (STD[c] ?? 1), c * plane, (c + 1) * plane);
  const src = image.data;
  for (let y = 0; y < usedH; y += 1) {
    const sy = Math.min(image.height - 1, Math.floor(y / scale));
    for (let x = 0; x < usedW; x += 1) {
      const sx = Math.min(image.width - 1, Math.floor(x / scale));
      const s = (sy * image.width + sx) * 3;
      const d = y * w + x;
      data[d] = ((src[s] ?? 0) / 255 - MEAN[0]) / STD[0];
      data[plane + d] = ((src[s + 1] ?? 0) / 255 - MEAN[1]) / STD[1];
      data[2 * plane + d] = ((src[s + 2] ?? 0) / 255 - MEAN[2]) / STD[2];
    }
  }
  return { input: { data, dims: [1, 3, h, w] }, scale };
}

/** Regions of the binary map (8-connected), each as its boundary pixels and mean probability. */
function regions(prob: Float32Array, w: number, h: number, options: DetectionOptions): RotatedRect[] {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const rects: RotatedRect[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start += 1) {
    if (label[start] !== 0 || (prob[start] ?? 0) <= options.threshold) continue;
    next += 1;
    label[start] = next;
    let top = 0;
    stack[top++] = start;
    let count = 0;
    let sum = 0;
    // Row extremes are enough for the convex hull.
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    while (top > 0) {
      const i = stack[--top] ?? 0;
      const x = i % w;
      const y = (i - x) / w;
      count += 1;
      sum += prob[i] ?? 0;
      const lo = rowMin.get(y);
      if (lo === undefined || x < lo) rowMin.set(y, x);
      const hi = rowMax.get(y);
      if (hi === undefined || x > hi) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (label[j] === 0 && (prob[j] ?? 0) > options.threshold) {
            label[j] = next;
            stack[top++] = j;
          }
        }
      }
    }
    if (count < 6 || sum / count < options.boxThreshold) continue;
    const points: Point[] = [];
    for (const [y, x] of rowMin) points.push({ x, y });
    for (const [y, x] of rowMax) points.push({ x, y });
    const rect = minAreaRect(points);
    if (Math.min(rect.width, rect.height) < 2) continue;
    const grown = unclip(rect);
    if (Math.min(grown.width, grown.height) < 5) continue;
    rects.push(grown);
  }
  return rects;
}

/**
 * A lone narrow glyph (the quantity `1` of an item line) leaves the detector a kernel only a pixel
 * or two wide, and its unclipped box is smaller than the glyph itself (measured: 10 × 9 px for a
 * `1` 6 × 14 px tall on a page whose lines are 22 px), which the recogniser then reads as nothing.
 * Boxes much smaller than the page's line height are grown, about their centre, to that height
 * (and a narrow glyph's width); the page's line height is the median height of its line-shaped
 * boxes.
 */
export function growTinyBoxes(rects: RotatedRect[]): RotatedRect[] {
  const heights = rects
    .filter((r) => r.width >= 2 * r.height)
    .map((r) => r.height)
    .sort((a, b) => a - b);
  if (heights.length < 5) return rects;
  const line = heights[Math.floor(heights.length / 2)] ?? 0;
  return rects.map((r) =>
    r.width < 0.5 * line && r.height < 0.75 * line
      ? { ...r, width: Math.max(r.width, 0.6 * line), height: Math.max(r.height, line) }
      : r,
  );
}

/** Rotated rectangles of text in the image's own pixel coordinates. */
export async function detectText(
  detect: RunDetector,
  image: RgbImage,
  options: DetectionOptions = DEFAULT_DETECTION,
): Promise<RotatedRect[]> {
  const { input, scale } = detectorInput(image, options.maxSide);
  const output = await detect(input);
  const [, , h = 0, w = 0] = output.dims;
  const prob = output.data;
  if (prob.length < w * h) throw new Error('text detector output is smaller than its shape');
  // The map's pixels are centres; +0.5 maps them back to pixel edges of the input.
  return growTinyBoxes(
    regions(prob, w, h, options).map((r) => ({
      cx: (r.cx + 0.5) / scale,
      cy: (r.cy + 0.5) / scale,
      width: r.width / scale,
      height: r.height / scale,
      angle: r.angle,
    })),
  );
}
