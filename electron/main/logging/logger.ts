import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { SecretRedactor } from './secret-redactor.js';

export type AppLogger = Logger;

/**
 * JSON lines in `<userData>/logs/main.log` (or stderr when no folder is given). Every line passes
 * through the redactor on its way out, whatever logged it.
 */
export function createLogger(options: {
  redactor: SecretRedactor;
  logDir?: string;
  level?: string;
}): AppLogger {
  let destination: pino.DestinationStream;
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    destination = pino.destination({ dest: path.join(options.logDir, 'main.log'), sync: true, mkdir: true });
  } else {
    destination = pino.destination(2);
  }
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      hooks: { streamWrite: (line) => options.redactor.scrub(line) },
      redact: { paths: ['apiKey', 'key', '*.apiKey', '*.key', 'headers.authorization'], censor: '[已隐藏]' },
    },
    destination,
  );
}
