/**
 * Text recognition with the PP-OCRv4 CRNN model: each detected rectangle is sampled straight out
 * of the image (bilinear, following its rotation) at the recogniser's 48 px height, lines of
 * similar length are batched (four per run), and the CTC output is decoded greedily with a
 * per-line confidence (mean probability of the kept characters). The mobile classifier tells upright lines from lines
 * upside down.
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import type { RotatedRect } from './box-geometry.js';
import type { RgbImage } from './raster.js';

const REC_HEIGHT = 48;
/** Lines are cut at this width ratio; longer detections are rare on invoices. */
const MAX_RATIO = 40;
/**
 * Lines per recogniser run. Measured on the corpus (recogniser CPU per clean image, one
 * onnxruntime thread): 8 lines per run cost 2.0 s, 24 cost 6.8 s, 4 and 1 cost 1.3 s (larger
 * batches pad more and fall out of the caches); 4 keeps the per-run overhead low.
 */
const BATCH = 4;

export interface RecognisedLine {
  rect: RotatedRect;
  text: string;
  confidence: number;
}

/** Samples the rectangle into a normalised CHW float patch of the given size, in (x/255-0.5)/0.5. */
function samplePatch(
  image: RgbImage,
  rect: RotatedRect,
  outW: number,
  outH: number,
  target: Float32Array,
  offset: number,
  stride: number,
): void {
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  const stepU = rect.width / outW;
  const stepV = rect.height / outH;
  const { width: w, height: h, data } = image;
  const plane = outH * stride;
  for (let v = 0; v < outH; v += 1) {
    const dv = (v + 0.5) * stepV - rect.height / 2;
    for (let u = 0; u < outW; u += 1) {
      const du = (u + 0.5) * stepU - rect.width / 2;
      const sx = Math.min(w - 1.001, Math.max(0, rect.cx + du * cos - dv * sin - 0.5));
      const sy = Math.min(h - 1.001, Math.max(0, rect.cy + du * sin + dv * cos - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = (y0 * w + x0) * 3;
      const i10 = i00 + 3;
      const i01 = i00 + w * 3;
      const i11 = i01 + 3;
      const d = offset + v * stride + u;
      for (let c = 0; c < 3; c += 1) {
        const value =
          (data[i00 + c] ?? 0) * (1 - fx) * (1 - fy) +
          (data[i10 + c] ?? 0) * fx * (1 - fy) +
          (data[i01 + c] ?? 0) * (1 - fx) * fy +
          (data[i11 + c] ?? 0) * fx * fy;
        // PaddleOCR's models were trained on BGR input.
        target[d + (2 - c) * plane] = value / 127.5 - 1;
      }
    }
  }
}

function patchWidth(rect: RotatedRect): number {
  const ratio = Math.min(MAX_RATIO, Math.max(1, rect.width / Math.max(1, rect.height)));
  return Math.max(16, Math.round(REC_HEIGHT * ratio));
}

function decode(
  probs: Float32Array,
  steps: number,
  classes: number,
  base: number,
  dictionary: string[],
): { text: string; confidence: number } {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t += 1) {
    const row = base + t * classes;
    let best = 0;
    let bestP = -Infinity;
    for (let k = 0; k < classes; k += 1) {
      const p = probs[row + k] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      kept += 1;
    }
    previous = best;
  }
  return { text, confidence: kept > 0 ? sum / kept : 0 };
}

/** Recognises every rectangle; the result keeps the input order. */
export async function recogniseLines(
  session: InferenceSession,
  dictionary: string[],
  image: RgbImage,
  rects: RotatedRect[],
): Promise<RecognisedLine[]> {
  const order = rects.map((rect, index) => ({ rect, index, width: patchWidth(rect) }));
  order.sort((a, b) => a.width - b.width);
  const results: RecognisedLine[] = new Array<RecognisedLine>(rects.length);
  const inputName = session.inputNames[0] ?? 'x';
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const stride = Math.max(...batch.map((b) => b.width));
    const size = 3 * REC_HEIGHT * stride;
    const data = new Float32Array(batch.length * size);
    batch.forEach((b, i) => samplePatch(image, b.rect, b.width, REC_HEIGHT, data, i * size, stride));
    const outputs = await session.run({
      [inputName]: new Tensor('float32', data, [batch.length, 3, REC_HEIGHT, stride]),
    });
    const output = outputs[session.outputNames[0] ?? ''];
    if (!output) throw new Error('text recogniser returned no output');
    const [, steps = 0, classes = 0] = output.dims;
    const probs = output.data as Float32Array;
    batch.forEach((b, i) => {
      const { text, confidence } = decode(probs, steps, classes, i * steps * classes, dictionary);
      results[b.index] = { rect: b.rect, text, confidence };
    });
  }
  return results;
}

const CLS_WIDTH = 192;

/**
 * Probability that the lines are upside down, averaged over up to `sample` of the longest ones
 * (the classifier reads a 48×192 patch of each).
 */
export async function upsideDownScore(
  session: InferenceSession,
  image: RgbImage,
  rects: RotatedRect[],
  sample = 12,
): Promise<number> {
  const longest = [...rects]
    .filter((r) => r.width >= 2 * r.height)
    .sort((a, b) => b.width - a.width)
    .slice(0, sample);
  if (longest.length === 0) return 0;
  const size = 3 * REC_HEIGHT * CLS_WIDTH;
  const data = new Float32Array(longest.length * size);
  longest.forEach((rect, i) => {
    const w = Math.min(CLS_WIDTH, patchWidth(rect));
    // Patches narrower than the input stay zero-padded on the right, as the classifier was trained.
    samplePatch(image, rect, w, REC_HEIGHT, data, i * size, CLS_WIDTH);
  });
  const inputName = session.inputNames[0] ?? 'x';
  const outputs = await session.run({
    [inputName]: new Tensor('float32', data, [longest.length, 3, REC_HEIGHT, CLS_WIDTH]),
  });
  const output = outputs[session.outputNames[0] ?? ''];
  if (!output) throw new Error('line classifier returned no output');
  const probs = output.data as Float32Array;
  let sum = 0;
  for (let i = 0; i < longest.length; i += 1) sum += probs[i * 2 + 1] ?? 0;
  return sum / longest.length;
}
