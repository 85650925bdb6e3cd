import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The local engine runs in its own process (utilityProcess); it is bundled beside main.
          engine: resolve(root, 'server/engine-process.ts'),
          // OCR runs in worker threads of the engine; the pool loads ./ocr-worker.js beside it.
          'ocr-worker': resolve(root, 'server/recognition/ocr/ocr-worker.ts'),
          // The pool's shared text-detector thread, started beside the OCR workers.
          'detector-worker': resolve(root, 'server/recognition/ocr/detector-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
