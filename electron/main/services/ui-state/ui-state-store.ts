import path from 'node:path';
import { z } from 'zod';
import { accountIdSchema } from '../../../../shared/api/common.js';
import { uiPeriodSchema, uiStateSchema, type UiState } from '../../../../shared/ipc.js';
import { readJsonFile, writeJsonFileAtomically } from '../json-file/json-file.js';

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
    this.#current = readJsonFile(this.#file, uiStateFileSchema, () => ({ ...EMPTY_UI_STATE }));
  }

  get(): UiState {
    return { ...this.#current };
  }

  update(patch: { accountSetId?: string | null; period?: UiState['period'] }): UiState {
    const next = uiStateSchema.parse({
      accountSetId: patch.accountSetId === undefined ? this.#current.accountSetId : patch.accountSetId,
      period: patch.period === undefined ? this.#current.period : patch.period,
    });
    writeJsonFileAtomically(this.#file, next);
    this.#current = next;
    return this.get();
  }
}
