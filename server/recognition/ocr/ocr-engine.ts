/**
 * OCR of one upright-or-not raster into positioned text runs: detect, find the page's orientation
 * (quarter turns from the shape of the detected lines, 0° vs 180° from the line classifier),
 * recognise, then report every run in the deskewed frame so that lines of one row share a y.
 */
import { dominantSkew, rectBounds, type RotatedRect } from './box-geometry.js';
import type { PaddleModels } from './paddle-models.js';
import { rotateQuarter, type RgbImage } from './raster.js';
import { DEFAULT_DETECTION, detectText, type DetectionOptions } from './text-detection.js';
import { recogniseLines, upsideDownScore, type RecogniseAssist } from './text-recognition.js';
import type { TextRun } from '../positioned-text.js';

export interface OcrOptions {
  detection?: Partial<DetectionOptions>;
  /** Try quarter turns when the lines look vertical, and 180° when the classifier says so. */
  autoRotate?: boolean;
  /** Runs below this confidence are dropped (noise, stamp fragments). */
  minConfidence?: number;
}

export interface OcrResult {
  runs: TextRun[];
  /** Size of the frame the runs are in (the input turned by `quarterTurns`). */
  width: number;
  height: number;
  /** Clockwise quarter turns applied to the input to make it upright. */
  quarterTurns: 0 | 1 | 2 | 3;
  /** Skew (radians) removed from the reported geometry. */
  skew: number;
}

/** Fraction of the text area in boxes clearly taller than wide (the page is on its side). */
function verticalShare(rects: RotatedRect[]): number {
  let vertical = 0;
  let total = 0;
  for (const r of rects) {
    const area = r.width * r.height;
    total += area;
    if (r.height >= 1.5 * r.width) vertical += area;
  }
  return total > 0 ? vertical / total : 0;
}

export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Rotates a rectangle's centre about the image centre by -skew, so skewed rows come out level. */
function deskewed(rect: RotatedRect, skew: number, cx: number, cy: number): RotatedRect {
  if (skew === 0) return rect;
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  const dx = rect.cx - cx;
  const dy = rect.cy - cy;
  return { ...rect, cx: cx + dx * cos - dy * sin, cy: cy + dx * sin + dy * cos, angle: rect.angle - skew };
}

export async function ocrRaster(
  models: PaddleModels,
  input: RgbImage,
  options: OcrOptions = {},
  assist?: RecogniseAssist,
): Promise<OcrResult> {
  const detection = { ...DEFAULT_DETECTION, ...options.detection };
  const autoRotate = options.autoRotate ?? true;
  let image = input;
  let quarterTurns: 0 | 1 | 2 | 3 = 0;
  let rects = await detectText(models.detect, image, detection);

  if (autoRotate && rects.length >= 3 && verticalShare(rects) > 0.5) {
    quarterTurns = 1;
    image = rotateQuarter(input, 1);
    rects = await detectText(models.detect, image, detection);
  }
  if (autoRotate && rects.length > 0 && (await upsideDownScore(models.classifier, image, rects)) > 0.7) {
    quarterTurns = quarterTurns === 1 ? 3 : 2;
    image = rotateQuarter(input, quarterTurns);
    rects = await detectText(models.detect, image, detection);
  }

  const lines = await recogniseLines(models.recognition, models.dictionary, image, rects, assist);
  const skew = dominantSkew(rects);
  const minConfidence = options.minConfidence ?? 0.5;
  const runs: TextRun[] = [];
  for (const line of lines) {
    const text = normaliseText(line.text);
    if (text === '' || line.confidence < minConfidence) continue;
    const bounds = rectBounds(deskewed(line.rect, skew, image.width / 2, image.height / 2));
    runs.push({
      text,
      x: Math.max(0, bounds.x),
      y: Math.max(0, bounds.y),
      width: bounds.width,
      height: bounds.height,
      confidence: Math.round(line.confidence * 1000) / 1000,
    });
  }
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  return { runs, width: image.width, height: image.height, quarterTurns, skew };
}
