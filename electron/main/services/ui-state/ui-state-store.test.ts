import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_UI_STATE, UiStateStore } from './ui-state-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-ui-state-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('UiStateStore', () => {
  it('starts empty and keeps the account set and period across instances', () => {
    const dir = tempDir();
    expect(new UiStateStore(dir).get()).toEqual(EMPTY_UI_STATE);
    const period = { kind: 'quarter' as const, startDate: '2024-01-01', endDate: '2024-03-31' };
    new UiStateStore(dir).update({ accountSetId: 'acc_1', period });
    expect(new UiStateStore(dir).get()).toEqual({ accountSetId: 'acc_1', period });
    new UiStateStore(dir).update({ accountSetId: 'acc_2' });
    expect(new UiStateStore(dir).get()).toEqual({ accountSetId: 'acc_2', period });
  });

  it('refuses a reversed range and stores nothing', () => {
    const dir = tempDir();
    const store = new UiStateStore(dir);
    expect(() =>
      store.update({ period: { kind: 'custom', startDate: '2024-03-01', endDate: '2024-02-01' } }),
    ).toThrow();
    expect(store.get()).toEqual(EMPTY_UI_STATE);
  });

  it('keeps the good fields of a hand-mangled file', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'ui-state.json'),
      JSON.stringify({ accountSetId: 'acc_9', period: { kind: 'week', startDate: 'x' } }),
    );
    expect(new UiStateStore(dir).get()).toEqual({ accountSetId: 'acc_9', period: null });
    writeFileSync(path.join(dir, 'ui-state.json'), '{not json');
    expect(new UiStateStore(dir).get()).toEqual(EMPTY_UI_STATE);
    new UiStateStore(dir).update({ accountSetId: 'acc_3' });
    expect(JSON.parse(readFileSync(path.join(dir, 'ui-state.json'), 'utf8'))).toEqual({
      accountSetId: 'acc_3',
      period: null,
    });
  });
});
