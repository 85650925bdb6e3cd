/**
 * Text recognition with the PP-OCRv4 CRNN model: each detected rectangle is sampled straight out
 * of the image (bilinear, following its rotation) at the recogniser's 48 px height, each line is
 * one run, and the CTC output is decoded greedily with a per-line confidence (mean probability of
 * the kept characters). The mobile classifier tells upright lines from lines upside down.
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import type { RotatedRect } from './box-geometry.js';
import type { RgbImage } from './raster.js';

const REC_HEIGHT = 48;
/** Lines are cut at this width ratio; longer detections are rare on invoices. */
const MAX_RATIO = 40;
/*
 * Every line runs alone. The model's cost is per pixel with little to amortise across a batch
 * (with the rewritten graph a run's fixed cost is ~1.7 ms: 4.7 ms for a 48 px line, 11.6 ms for
 * 160 px, one thread), batches' activations fall out of the caches, and a line zero-padded to its
 * batch's widest member is read differently from the same line alone: grouping short lines
 * changed which single glyphs (a quantity `8`) were read, depending on what else was on the
 * page. Measured on six clean renders: 1.20 s recogniser CPU per image in groups of up to 400 px,
 * 1.19 s one line per run; field accuracy on clean images 1090 → 1092 of 1099.
 */

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

/** Lines sampled into one recogniser input: `lines` patches of 3 × 48 × `width`, zero-padded. */
export interface LineBatch {
  lines: number;
  width: number;
  data: Float32Array<ArrayBuffer>;
}

export interface DecodedText {
  text: string;
  confidence: number;
}

/**
 * Recognises batches another worker sampled (see `RecogniseAssist`); the result is one entry per
 * line, batch after batch.
 */
export async function recogniseBatches(
  session: InferenceSession,
  dictionary: string[],
  batches: LineBatch[],
): Promise<DecodedText[]> {
  const out: DecodedText[] = [];
  for (const batch of batches) out.push(...(await runBatch(session, dictionary, batch)));
  return out;
}

async function runBatch(
  session: InferenceSession,
  dictionary: string[],
  batch: LineBatch,
): Promise<DecodedText[]> {
  const inputName = session.inputNames[0] ?? 'x';
  const outputs = await session.run({
    [inputName]: new Tensor('float32', batch.data, [batch.lines, 3, REC_HEIGHT, batch.width]),
  });
  const output = outputs[session.outputNames[0] ?? ''];
  if (!output) throw new Error('text recogniser returned no output');
  const [, steps = 0, classes = 0] = output.dims;
  const probs = output.data as Float32Array;
  const decoded: DecodedText[] = [];
  for (let i = 0; i < batch.lines; i += 1)
    decoded.push(decode(probs, steps, classes, i * steps * classes, dictionary));
  output.dispose();
  return decoded;
}

/**
 * Hands batches to another (idle) worker and resolves with their texts, or with null when no
 * worker is free or the helper failed; the caller then recognises them itself.
 */
export type RecogniseAssist = (batches: LineBatch[]) => Promise<DecodedText[] | null>;

/** A run's fixed cost, in pixels of line it is worth (~1.7 ms at ~0.06 ms per pixel column). */
const FIXED_COST_PIXELS = 30;

/** Below this many pixels of lines, a second worker costs more in messages than it saves. */
const MIN_ASSIST_PIXELS = 2000;

interface Group {
  members: { rect: RotatedRect; index: number; width: number }[];
  width: number;
  cost: number;
}

/**
 * Recognises every rectangle; the result keeps the input order. With `assist`, about half of the
 * recogniser's work (by pixels) is offered to another worker while this one reads the rest.
 */
export async function recogniseLines(
  session: InferenceSession,
  dictionary: string[],
  image: RgbImage,
  rects: RotatedRect[],
  assist?: RecogniseAssist,
): Promise<RecognisedLine[]> {
  // One run per line; a group is still the unit handed to an assisting worker.
  const groups: Group[] = rects.map((rect, index) => {
    const width = patchWidth(rect);
    return { members: [{ rect, index, width }], width, cost: width + FIXED_COST_PIXELS };
  });
  const local: Group[] = [];
  const remote: Group[] = [];
  const total = groups.reduce((sum, g) => sum + g.cost, 0);
  if (assist && total >= MIN_ASSIST_PIXELS) {
    // Widest first onto the lighter side: two halves of nearly equal cost.
    let localCost = 0;
    let remoteCost = 0;
    for (const group of [...groups].sort((x, y) => y.cost - x.cost)) {
      if (remoteCost < localCost) {
        remote.push(group);
        remoteCost += group.cost;
      } else {
        local.push(group);
        localCost += group.cost;
      }
    }
  } else local.push(...groups);

  const sample = (group: Group): LineBatch => {
    const size = 3 * REC_HEIGHT * group.width;
    const data = new Float32Array(group.members.length * size);
    group.members.forEach((m, i) =>
      samplePatch(image, m.rect, m.width, REC_HEIGHT, data, i * size, group.width),
    );
    return { lines: group.members.length, width: group.width, data };
  };
  const results: RecognisedLine[] = new Array<RecognisedLine>(rects.length);
  const store = (group: Group, decoded: DecodedText[]) =>
    group.members.forEach((m, i) => {
      const { text, confidence } = decoded[i] ?? { text: '', confidence: 0 };
      results[m.index] = { rect: m.rect, text, confidence };
    });

  const remoteBatches = remote.map(sample);
  const helped = remote.length > 0 && assist ? assist(remoteBatches) : Promise.resolve(null);
  for (const group of local) store(group, await runBatch(session, dictionary, sample(group)));
  const answer = await helped.catch(() => null);
  const expected = remote.reduce((sum, g) => sum + g.members.length, 0);
  if (answer && answer.length === expected) {
    let at = 0;
    for (const group of remote) {
      store(group, answer.slice(at, at + group.members.length));
      at += group.members.length;
    }
  } else {
    for (const [i, group] of remote.entries())
      store(group, await runBatch(session, dictionary, remoteBatches[i] ?? sample(group)));
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
