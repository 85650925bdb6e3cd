import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, type AppLogger } from '../logging/logger.js';
import { SecretRedactor } from '../logging/secret-redactor.js';

/** The engine's process entry, run through tsx by the Node launcher. */
export const ENGINE_ENTRY = path.resolve(import.meta.dirname, '../../../server/engine-process.ts');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `zxe-${prefix}-`));
}

/** A real logger writing JSON lines into `<dir>/logs/main.log`, as the app does. */
export function fileLogger(dir: string, redactor = new SecretRedactor()): AppLogger {
  return createLogger({ redactor, logDir: path.join(dir, 'logs') });
}

/** Every line of every log file under `<dir>/logs`. */
export function logLines(dir: string): string[] {
  const logs = path.join(dir, 'logs');
  return readdirSync(logs).flatMap((file) =>
    readFileSync(path.join(logs, file), 'utf8').split('\n').filter(Boolean),
  );
}

/** Polls `probe` until it returns true (for hooks, where expect.poll is not available). */
export async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
