import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TextRun } from '../positioned-text.js';
import { decodeImage } from './image-input.js';
import { normaliseText, ocrRaster } from './ocr-engine.js';
import { loadPaddleModels, type PaddleModels } from './paddle-models.js';
import { drawSampleInvoice, type DrawnInvoice } from './testing/invoice-image.js';

/** Strings that carry fields; each must come back verbatim in one run. */
const KEY_STRINGS = [
  '发票号码：25437000000297554203',
  '开票日期：2025年10月13日',
  '名称：上海青禾文化传播有限公司',
  '统一社会信用代码/纳税人识别号：91310115MA1H7QXK3N',
  '统一社会信用代码/纳税人识别号：91330106MA2CFKJ83Q',
  '*办公用品*A4纸',
  '16.04',
  '¥0.96',
  '壹拾柒圆整',
  '（小写）¥17.00',
].map(normaliseText);

function runWith(runs: TextRun[], text: string): TextRun | undefined {
  return runs.find((r) => r.text === text) ?? runs.find((r) => r.text.includes(text));
}

let models: PaddleModels;
let invoice: DrawnInvoice;

beforeAll(async () => {
  [models, invoice] = await Promise.all([
    loadPaddleModels({ threads: 1, cacheDir: null }),
    drawSampleInvoice(1.5),
  ]);
});

async function ocrOf(png: Buffer) {
  return ocrRaster(models, (await decodeImage(png)).raster);
}

describe('OCR engine', () => {
  it('reads a clean invoice render: every key string verbatim, at the place it was drawn', async () => {
    const result = await ocrOf(invoice.png);
    expect(result.quarterTurns).toBe(0);
    expect([result.width, result.height]).toEqual([invoice.width, invoice.height]);
    for (const text of KEY_STRINGS) {
      const run = runWith(result.runs, text);
      expect(run, text).toBeDefined();
      if (!run) continue;
      expect(run.confidence).toBeGreaterThan(0.8);
      const drawn = invoice.strings.find((s) => normaliseText(s.text).includes(text));
      if (!drawn) throw new Error(`not drawn: ${text}`);
      // The run starts where the string was drawn (within one character) and covers its line.
      expect(Math.abs(run.x - drawn.x)).toBeLessThan(drawn.size * 1.2);
      expect(run.y).toBeLessThan(drawn.y + drawn.size * 0.6);
      expect(run.y + run.height).toBeGreaterThan(drawn.y + drawn.size * 0.6);
    }
  }, 120_000);

  it('turns a screenshot lying on its side or upside down upright', async () => {
    for (const degrees of [90, 180] as const) {
      const turned = await sharp(invoice.png).rotate(degrees).png().toBuffer();
      const result = await ocrOf(turned);
      expect(result.quarterTurns, `${String(degrees)}°`).toBe(degrees === 90 ? 3 : 2);
      const texts = result.runs.map((r) => r.text);
      expect(texts).toContain(normaliseText('发票号码：25437000000297554203'));
      expect(texts).toContain('16.04');
    }
  }, 120_000);

  it('reports a skewed photo in its deskewed frame, so one row keeps one y', async () => {
    const skewed = await sharp(invoice.png).rotate(5, { background: '#ffffff' }).png().toBuffer();
    const result = await ocrOf(skewed);
    expect(Math.abs(Math.abs((result.skew * 180) / Math.PI) - 5)).toBeLessThan(1);
    const row = ['项目名称', '金额', '税额'].map((t) => runWith(result.runs, t));
    const ys = row.map((r) => (r ? r.y + r.height / 2 : NaN));
    // Across ~1300 px a 5° tilt would move the row by ~115 px; deskewed it stays within a line.
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(15);
    expect(runWith(result.runs, normaliseText('（小写）¥17.00'))).toBeDefined();
  }, 120_000);
});
