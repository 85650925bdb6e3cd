import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngineDataDir } from '../engine-runtime.js';
import { openEngineDb } from './engine-db.js';

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zxe-engine-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}

describe('the engine database on disk', () => {
  it('syncs every commit (WAL + synchronous = FULL): an acknowledged voucher survives a power cut', () => {
    const db = openEngineDb(path.join(tempDir(), 'engine.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // SQLite's numbers: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('is created 0600 (with its WAL and SHM) in a 0700 folder, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = path.join(tempDir(), 'nested', 'engine');
      const db = openEngineDataDir(dataDir);
      db.prepare(
        "INSERT INTO tenants (id, name, created_at) VALUES ('ten_x', 'x', '2026-01-01T00:00:00Z')",
      ).run();
      try {
        expect(modeOf(dataDir)).toBe(0o700);
        for (const name of ['engine.db', 'engine.db-wal', 'engine.db-shm']) {
          expect(modeOf(path.join(dataDir, name)), name).toBe(0o600);
        }
      } finally {
        db.close();
      }
    } finally {
      process.umask(previous);
    }
  });
});
