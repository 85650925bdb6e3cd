import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp, type EngineLoggerOptions } from './app.js';
import { openEngineDb, type EngineDb } from './db/engine-db.js';

export const ENGINE_DB_FILENAME = 'engine.db';

/** `<dataDir>/engine.db`, creating the folder (owner-only, 0700) on first use. */
export function openEngineDataDir(dataDir: string): EngineDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openEngineDb(path.join(dataDir, ENGINE_DB_FILENAME));
}

export interface RunningEngine {
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  url: string;
  /** Stops accepting requests, lets the open ones finish, then closes the database. */
  close(): Promise<void>;
}

export interface ListenOptions {
  host: string;
  port: number;
  logger?: boolean | EngineLoggerOptions;
}

/** Serves the API over `db` (which the returned engine then owns and closes). */
export async function listenEngine(db: EngineDb, options: ListenOptions): Promise<RunningEngine> {
  const app = buildApp({ db, logger: options.logger });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    db.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${host}:${String(port)}`,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

/**
 * Closes the engine on SIGINT/SIGTERM so that SQLite checkpoints its WAL and in-flight requests
 * finish, then exits. A second signal during shutdown exits at once. Returns the same shutdown for
 * other triggers.
 */
export function stopOnSignals(engine: RunningEngine, onStopped?: () => void): () => void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1);
    stopping = true;
    engine.close().then(
      () => {
        onStopped?.();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return stop;
}
