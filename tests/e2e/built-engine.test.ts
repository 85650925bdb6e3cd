import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invoiceRecordSchema } from '../../shared/api/invoice.js';
import { startBuiltEngine, type BuiltEngine } from './built-engine.js';

/** The demo invoices the app offers on first launch, with what they say. */
const demoDir = fileURLToPath(new URL('../../resources/demo-invoices/', import.meta.url));
const demos = z
  .array(z.object({ file: z.string(), invoice_number: z.string(), amount: z.string() }))
  .parse(JSON.parse(readFileSync(`${demoDir}index.json`, 'utf8')));

let engine: BuiltEngine;
beforeAll(async () => {
  engine = await startBuiltEngine();
});
afterAll(async () => {
  await engine.stop();
});

describe('the built engine (out/main/engine.js, as the desktop app ships it)', () => {
  // The bundle splits the OCR pool, its workers and the shared detector thread into chunks of
  // their own: only a run of the built output shows that they load (a clash between the bundler's
  // own `require` shim and one in the sources once broke every image there, and nowhere else).
  it.each(['digital-normal-courier.png', 'digital-vat-office-supplies.pdf', 'digital-normal-hotel.xml'])(
    'recognises the demo invoice %s',
    async (file) => {
      const truth = demos.find((d) => d.file === file);
      const answer = await engine.recognize(readFileSync(`${demoDir}${file}`), file);
      expect(answer.status, answer.body).toBe(200);
      const record = invoiceRecordSchema.parse(JSON.parse(answer.body));
      expect(record.invoice_number).toBe(truth?.invoice_number);
      expect(record.amount.toFixed(2)).toBe(truth?.amount);
    },
    120_000,
  );
});
