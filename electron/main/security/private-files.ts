/**
 * Files and folders this process creates (engine.db, cache.db, copies of invoices, settings, logs)
 * are the user's alone: 0600 files in 0700 folders. A umask covers every writer, SQLite's -wal and
 * -shm files included, without each call site having to pass a mode.
 */
export const PRIVATE_UMASK = 0o077;

export function keepNewFilesPrivate(): void {
  process.umask(PRIVATE_UMASK);
}
