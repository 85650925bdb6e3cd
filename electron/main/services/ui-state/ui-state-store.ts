import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { accountIdSchema } from '../../../../shared/api/common.js';
import { uiPeriodSchema, uiStateSchema, type UiState } from '../../../../shared/ipc.js';

/** Reading is forgiving field by field: a hand-edited file loses only its bad field. */
const uiStateFileSchema = z.object({
  accountSetId: accountIdSchema.nullable().catch(null),
  period: uiPeriodSchema.nullable().catch(null),
});

export const EMPTY_UI_STATE: UiState = { accountSetId: null, period: null };

/**
 * The workspace the user last had open (account set, period) in `<userData>/ui-state.json`, so the
 * app reopens where it was. Not a secret and not business data; writes are atomic.
 */
export class UiStateStore {
  readonly #file: string;
  #current: UiState;

  constructor(userDataDir: string) {
    this.#file = path.join(userDataDir, 'ui-state.json');
    this.#current = readUiState(this.#file);
  }

  get(): UiState {
    return { ...this.#current };
  }

  update(patch: { accountSetId?: string | null; period?: UiState['period'] }): UiState {
    const next = uiStateSchema.parse({
      accountSetId: patch.accountSetId === undefined ? this.#current.accountSetId : patch.accountSetId,
      period: patch.period === undefined ? this.#current.period : patch.period,
    });
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${String(process.pid)}.tmp`;
    writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.#file);
    this.#current = next;
    return this.get();
  }
}

function readUiState(file: string): UiState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...EMPTY_UI_STATE };
  }
  const parsed = uiStateFileSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...EMPTY_UI_STATE };
}
