import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Main's small JSON files (settings.json, ui-state.json): read forgivingly — a missing, unreadable
 * or malformed file gives the fallback — and written atomically (a temp file renamed over the old
 * one, 0600), so a crash mid-write never leaves half a file.
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, fallback: () => T): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback();
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback();
}

export function writeJsonFileAtomically(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
