/**
 * Bundles ocr-worker.ts to plain JavaScript the way the app build does (dependencies left
 * external), so tests and the bench can run the pool on built output rather than TypeScript
 * source. The file lands under node_modules/.cache so package resolution works from there.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');

/** Answers the OCR worker's URL; the shared detector thread's entry is bundled beside it. */
export async function buildOcrWorker(): Promise<URL> {
  const [worker] = await Promise.all([
    bundle(path.join(here, '..', 'ocr-worker.ts'), 'ocr-worker.mjs'),
    bundle(path.join(here, '..', 'detector-worker.ts'), 'detector-worker.mjs'),
  ]);
  return worker;
}

/** The bench's OCR-only process (ocr-process.ts), bundled the same way. */
export function buildOcrProcess(): Promise<URL> {
  return bundle(path.join(here, 'ocr-process.ts'), 'ocr-process.mjs');
}

async function bundle(entry: string, name: string): Promise<URL> {
  const outDir = path.join(root, 'node_modules/.cache/zxe-ocr-worker');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, name);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return pathToFileURL(outfile);
}
