/**
 * Raw OCR accuracy on the generated corpus (a sample of it: the bench runs all of it): the share
 * of ground-truth strings found verbatim in one OCR run, and the QR decode rate, for clean renders
 * at every resolution and for phone photos. Floors sit just under what was measured, so a
 * regression fails; the figures themselves are printed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInvoiceCorpus, type CorpusEntry } from '../../../tests/fixtures/invoices/corpus.js';
import { OcrPool, readInvoiceImage } from './index.js';
import { textAccuracy } from './testing/text-accuracy.js';

let corpus: CorpusEntry[];
let pool: OcrPool;

beforeAll(async () => {
  corpus = await ensureInvoiceCorpus();
  pool = new OcrPool({ size: 2, maxQueue: 100, timeoutMs: 300_000 });
}, 300_000);
afterAll(() => pool.close());

/** Every `step`-th entry of a path, images only. */
function sample(path: string, step: number): CorpusEntry[] {
  return corpus
    .filter((e) => e.truth.path === path && e.truth.format !== 'pdf')
    .filter((_, i) => i % step === 0);
}

async function measure(entries: CorpusEntry[]) {
  let found = 0;
  let total = 0;
  let qr = 0;
  const missing: string[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const reading = await readInvoiceImage(readFileSync(entry.path), { pool });
      const truth = entry.truth.invoices[0];
      if (!truth) throw new Error(`no truth for ${entry.truth.id}`);
      const accuracy = textAccuracy(truth, reading.page.runs);
      found += accuracy.found;
      total += accuracy.total;
      if (truth.qr && reading.qrPayloads.includes(truth.qr)) qr += 1;
      missing.push(...accuracy.missing.map((m) => `${entry.truth.id}:${m.field}`));
    }),
  );
  return { share: found / total, found, total, qr, files: entries.length, missing };
}

describe('OCR accuracy on the corpus', () => {
  it('reads clean renders (120–300 dpi): ≥ 95 % of field strings verbatim, every QR code', async () => {
    const result = await measure(sample('image-clean', 3));
    console.log('clean renders', result);
    expect(result.files).toBeGreaterThanOrEqual(5);
    expect(result.qr).toBe(result.files);
    expect(result.share).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it('reads phone photos (rotated, blurred, folded, low resolution): figures reported, floor kept', async () => {
    const result = await measure(sample('photo', 2));
    console.log('phone photos', result);
    expect(result.files).toBeGreaterThanOrEqual(5);
    expect(result.qr).toBeGreaterThanOrEqual(Math.ceil(result.files / 2));
    expect(result.share).toBeGreaterThanOrEqual(0.6);
  }, 600_000);
});
