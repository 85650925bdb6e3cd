import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer alone (browser mode and end-to-end tests); the app build is electron.vite.config.ts. */
const rendererRoot = import.meta.dirname;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(rendererRoot, '../out/renderer-check'),
    emptyOutDir: true,
    // Loaded from disk by Electron, not over a network: one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
