import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CLOUD_BASE_URL } from '../../../../shared/api/client.js';
import { watchedFolderSchema, type WatchedFolder } from '../../../../shared/folder-watch.js';
import { baseUrlSchema, connectionModeSchema, type ConnectionMode } from '../../../../shared/ipc.js';
import { readJsonFile, writeJsonFileAtomically } from '../json-file/json-file.js';

const settingsSchema = z.object({
  mode: connectionModeSchema,
  cloudBaseUrl: baseUrlSchema,
  watchedFolders: z.array(watchedFolderSchema),
});

/** Watched folders are read one by one: a damaged entry is dropped, the others kept. */
const watchedFoldersFileSchema = z
  .array(z.unknown())
  .catch([])
  .transform((entries) =>
    entries.flatMap((entry) => {
      const parsed = watchedFolderSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  );

/** Reading is forgiving field by field: a hand-edited file loses only its bad field. */
const settingsFileSchema = z.object({
  mode: connectionModeSchema.catch('local'),
  cloudBaseUrl: baseUrlSchema.catch(DEFAULT_CLOUD_BASE_URL),
  watchedFolders: z.unknown().optional().pipe(watchedFoldersFileSchema),
});

export type AppSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  mode: 'local',
  cloudBaseUrl: DEFAULT_CLOUD_BASE_URL,
  watchedFolders: [],
};

/**
 * Non-secret preferences in `<userData>/settings.json`. A missing, unreadable or hand-mangled file
 * gives the defaults (field by field where possible) instead of a crash; writes are atomic.
 */
export class SettingsStore {
  readonly #file: string;
  #current: AppSettings;

  constructor(userDataDir: string) {
    this.#file = path.join(userDataDir, 'settings.json');
    this.#current = readJsonFile(this.#file, settingsFileSchema, () => ({ ...DEFAULT_SETTINGS }));
  }

  get(): AppSettings {
    return { ...this.#current, watchedFolders: this.#current.watchedFolders.map((f) => ({ ...f })) };
  }

  update(patch: {
    mode?: ConnectionMode;
    cloudBaseUrl?: string;
    watchedFolders?: WatchedFolder[];
  }): AppSettings {
    const next = settingsSchema.parse({ ...this.#current, ...patch });
    writeJsonFileAtomically(this.#file, next);
    this.#current = next;
    return this.get();
  }
}
