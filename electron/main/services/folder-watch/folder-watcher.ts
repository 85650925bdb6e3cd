import { constants } from 'node:fs';
import { access, lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { z } from 'zod';
import { isIgnoredPath } from './ignored-paths.js';

/** What chokidar passes with a raw fs.watch event: the directory the name is relative to. */
const rawDetailsSchema = z.object({ watchedPath: z.string().min(1) });

export type FolderWatcherStatus = 'starting' | 'watching' | 'error';

export interface FolderWatcherOptions {
  root: string;
  recursive: boolean;
  /** How often the folder itself is checked (exists, readable), and retried after an error. */
  healthCheckMs: number;
  /** A file appeared or changed (not yet settled). */
  onTouched: (filePath: string) => void;
  /** A file went away (deleted, or renamed/moved out). */
  onRemoved: (filePath: string) => void;
  onStatus: (status: FolderWatcherStatus, message: string | null) => void;
  onWarning?: (detail: { root: string; error: string }) => void;
}

export const FOLDER_PROBLEMS = {
  missing: '文件夹不存在或已被移走，正在等待它恢复',
  notDirectory: '该路径不是文件夹',
  noPermission: '没有读取该文件夹的权限，正在重试',
  failed: '无法监控该文件夹，正在重试',
} as const;

/** Why a folder cannot be watched right now, or null when it can. */
export async function folderProblem(root: string): Promise<string | null> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) return FOLDER_PROBLEMS.notDirectory;
    await access(root, constants.R_OK | constants.X_OK);
    return null;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return FOLDER_PROBLEMS.missing;
    if (code === 'EACCES' || code === 'EPERM') return FOLDER_PROBLEMS.noPermission;
    return FOLDER_PROBLEMS.failed;
  }
}

/**
 * One watched folder: chokidar over it (symlinks are not followed, so a link loop cannot make the
 * walk endless; ignored names are skipped), plus a periodic look at the folder itself. A folder that
 * vanishes or becomes unreadable turns the status to `error` with a reason and is retried; when it
 * comes back, chokidar starts again and its initial scan finds what arrived meanwhile.
 */
export class FolderWatcher {
  readonly #options: FolderWatcherOptions;
  #watcher: FSWatcher | undefined;
  #health: NodeJS.Timeout | undefined;
  #status: FolderWatcherStatus = 'starting';
  #closed = false;
  #checking: Promise<void> | undefined;

  constructor(options: FolderWatcherOptions) {
    this.#options = options;
  }

  get status(): FolderWatcherStatus {
    return this.#status;
  }

  async start(): Promise<void> {
    this.#setStatus('starting', null);
    await this.check();
    this.#health = setInterval(() => void this.check(), this.#options.healthCheckMs);
    this.#health.unref();
  }

  /** Looks at the folder now: stops watching when it is gone, starts again when it is back. */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#health) clearInterval(this.#health);
    await this.#checking?.catch(() => undefined);
    await this.#stopWatching();
  }

  async #check(): Promise<void> {
    if (this.#closed) return;
    const problem = await folderProblem(this.#options.root);
    if (this.#isClosed()) return;
    if (problem) {
      await this.#stopWatching();
      this.#setStatus('error', problem);
      return;
    }
    if (!this.#watcher) await this.#startWatching();
  }

  async #startWatching(): Promise<void> {
    const { root } = this.#options;
    const watcher = watch(root, {
      ignored: (candidate: string) => isIgnoredPath(root, candidate),
      depth: this.#options.recursive ? 64 : 0,
      followSymlinks: false,
      ignoreInitial: false,
      // Chokidar would otherwise skip files without a read bit in silence; the reader reports them.
      ignorePermissionErrors: true,
      persistent: true,
    });
    this.#watcher = watcher;
    watcher.on('add', (filePath) => this.#options.onTouched(filePath));
    watcher.on('change', (filePath) => this.#options.onTouched(filePath));
    watcher.on('unlink', (filePath) => this.#options.onRemoved(filePath));
    watcher.on('unlinkDir', (dirPath) => {
      if (dirPath === root) void this.check();
    });
    watcher.on('error', (error) => {
      const err = error instanceof Error ? error : new Error(String(error));
      this.#options.onWarning?.({ root, error: err.message });
      // A file chokidar could not stat (a link loop, no permission) is still the user's file.
      const failedPath = 'path' in err && typeof err.path === 'string' ? err.path : undefined;
      if (failedPath && failedPath !== root && !isIgnoredPath(root, failedPath))
        this.#options.onTouched(failedPath);
      void this.check();
    });
    // Chokidar reports no event for links it cannot stat (a loop, a dangling link): the raw
    // events and one walk after the initial scan hand those to the reader, which says why.
    watcher.on('raw', (_event, name, details) => {
      const parsed = rawDetailsSchema.safeParse(details);
      if (!name || !parsed.success) return;
      void this.#touchIfSymlink(path.join(parsed.data.watchedPath, name));
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    if (this.#watcher !== watcher || this.#closed) return;
    this.#setStatus('watching', null);
    await this.#walkForSymlinks(root, 0);
  }

  async #touchIfSymlink(candidate: string): Promise<void> {
    const { root, recursive } = this.#options;
    if (isIgnoredPath(root, candidate)) return;
    const relative = path.relative(root, candidate);
    if (relative === '' || (!recursive && relative.includes(path.sep))) return;
    try {
      if ((await lstat(candidate)).isSymbolicLink()) this.#options.onTouched(candidate);
    } catch {
      // Gone again: nothing to report.
    }
  }

  async #walkForSymlinks(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (this.#closed) return;
      const full = path.join(dir, entry.name);
      if (isIgnoredPath(this.#options.root, full)) continue;
      if (entry.isSymbolicLink()) this.#options.onTouched(full);
      else if (entry.isDirectory() && this.#options.recursive && depth < 64)
        await this.#walkForSymlinks(full, depth + 1);
    }
  }

  async #stopWatching(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = undefined;
    await watcher?.close().catch(() => undefined);
  }

  /** A method, not the field: asked after an await, when close() may have run. */
  #isClosed(): boolean {
    return this.#closed;
  }

  #setStatus(status: FolderWatcherStatus, message: string | null): void {
    this.#status = status;
    this.#options.onStatus(status, message);
  }
}
