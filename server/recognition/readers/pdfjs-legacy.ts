/**
 * pdfjs-dist's legacy build (the one for Node) carries core-js polyfills that replace a few
 * built-ins for the whole process on Node 20: `Array.prototype.push` (a JavaScript loop, because
 * of a V8 length quirk irrelevant to us), `JSON.parse` and `JSON.stringify`. Every array push and
 * every JSON answer of the engine would then run the slow copies (the push alone was a third of
 * the time of reading an invoice PDF). The natives are captured before
 * pdfjs is evaluated and put back right after; the methods it only *adds* (Promise.withResolvers,
 * Map.prototype.getOrInsertComputed, …) stay, as pdfjs needs them on Node 20.
 */
const natives = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Node has no worker for pdfjs: it runs its "fake worker" in this thread, loading the worker
// module lazily on the first document, polyfills included. Load it now, under the same guard,
// and hand it over the documented way (globalThis.pdfjsWorker).
const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const worker: unknown = await import(workerModule);
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

Object.defineProperty(Array.prototype, 'push', {
  value: natives.push,
  writable: true,
  configurable: true,
  enumerable: false,
});
Object.defineProperty(JSON, 'parse', {
  value: natives.parse,
  writable: true,
  configurable: true,
  enumerable: false,
});
Object.defineProperty(JSON, 'stringify', {
  value: natives.stringify,
  writable: true,
  configurable: true,
  enumerable: false,
});

export const { getDocument } = pdfjs;
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
