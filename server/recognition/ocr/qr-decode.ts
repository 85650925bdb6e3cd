/**
 * QR decoding with zxing-wasm, its WebAssembly loaded from node_modules (the library would
 * otherwise fetch it from a CDN: we hand it the bytes, so no network is ever attempted). Several
 * passes, cheapest first, until one finds a code: the whole image, another binarizer, each corner
 * enlarged (invoices print the code in a corner, small on photos), the image halved (noise).
 * Nothing found is an empty list, never an error.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { RgbImage } from './raster.js';

let ready: Promise<unknown> | null = null;

/** Instantiates the reader from the package's own .wasm file (idempotent). */
export function prepareQrReader(): Promise<unknown> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({
      overrides: {
        wasmBinary,
        locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file),
      },
      fireImmediately: true,
    });
  })();
  return ready;
}

interface Pixmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  colorSpace: 'srgb';
}

/** RGBA copy of a region of the raster, resampled by `scale` (nearest neighbour). */
function toPixmap(image: RgbImage, x0: number, y0: number, w: number, h: number, scale: number): Pixmap {
  const outW = Math.max(1, Math.round(w * scale));
  const outH = Math.max(1, Math.round(h * scale));
  const data = new Uint8ClampedArray(outW * outH * 4);
  for (let y = 0; y < outH; y += 1) {
    const sy = Math.min(image.height - 1, y0 + Math.floor(y / scale));
    for (let x = 0; x < outW; x += 1) {
      const sx = Math.min(image.width - 1, x0 + Math.floor(x / scale));
      const s = (sy * image.width + sx) * 3;
      const d = (y * outW + x) * 4;
      data[d] = image.data[s] ?? 255;
      data[d + 1] = image.data[s + 1] ?? 255;
      data[d + 2] = image.data[s + 2] ?? 255;
      data[d + 3] = 255;
    }
  }
  return { data, width: outW, height: outH, colorSpace: 'srgb' };
}

const BASE_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
};

async function read(pixmap: Pixmap, options: ReaderOptions): Promise<string[]> {
  // zxing-wasm takes any `{ data, width, height }` as image data (Node has no ImageData class).
  const results = await readBarcodes(pixmap, { ...BASE_OPTIONS, ...options });
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}

export interface QrDecodeResult {
  payloads: string[];
  /** Which pass found them (for diagnostics and the bench); null when none did. */
  pass: string | null;
}

export async function decodeQrCodes(image: RgbImage): Promise<QrDecodeResult> {
  await prepareQrReader();
  const { width: w, height: h } = image;
  // Work on at most ~1600 px for the whole-image passes.
  const fit = Math.min(1, 1600 / Math.max(w, h));
  const cornerW = Math.ceil(w * 0.45);
  const cornerH = Math.ceil(h * 0.55);
  const cornerScale = Math.min(2.5, Math.max(1, 900 / Math.max(cornerW, cornerH)));
  const passes: { name: string; run: () => Promise<string[]> }[] = [
    { name: 'whole', run: () => read(toPixmap(image, 0, 0, w, h, fit), {}) },
    {
      name: 'whole-global-histogram',
      run: () => read(toPixmap(image, 0, 0, w, h, fit), { binarizer: 'GlobalHistogram' }),
    },
    ...(
      [
        ['top-left', 0, 0],
        ['top-right', w - cornerW, 0],
        ['bottom-left', 0, h - cornerH],
        ['bottom-right', w - cornerW, h - cornerH],
      ] as const
    ).map(([name, x, y]) => ({
      name: `corner-${name}`,
      run: () => read(toPixmap(image, x, y, cornerW, cornerH, cornerScale), {}),
    })),
    { name: 'half', run: () => read(toPixmap(image, 0, 0, w, h, fit / 2), {}) },
  ];
  for (const pass of passes) {
    const payloads = [...new Set(await pass.run())];
    if (payloads.length > 0) return { payloads, pass: pass.name };
  }
  return { payloads: [], pass: null };
}
