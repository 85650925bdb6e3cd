import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Loaded on demand (a lazy chunk): pdf.js and its worker, served from the app's own origin.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders one page of a PDF into the canvas, fitted to `width` CSS pixels. */
export async function renderPdfPage(
  bytes: Uint8Array,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  width: number,
): Promise<{ pageCount: number }> {
  const task = getDocument({ data: bytes, isEvalSupported: false, enableXfa: false });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(Math.min(Math.max(1, pageNumber), doc.numPages));
    const unscaled = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${String(Math.floor(viewport.width / ratio))}px`;
    canvas.style.height = `${String(Math.floor(viewport.height / ratio))}px`;
    await page.render({ canvas, viewport }).promise;
    return { pageCount: doc.numPages };
  } finally {
    void doc.destroy();
  }
}
