import { describe, expect, test, vi } from 'vitest';
import { ApiError, errorEnvelope } from '../../../shared/api/errors.js';
import type { SettingsView } from '../../../shared/ipc.js';
import { KeyMissingError } from '../services/connection/key-missing-error.js';
import { createIpcRouter, type IpcHandlers } from './router.js';

const APP = 'app://zxe';
const view: SettingsView = {
  mode: 'local',
  cloudBaseUrl: 'https://api.zhangxiaoer.com',
  cloudKey: { set: false, last4: null },
  secretStorage: 'memory',
  engine: { state: 'running' },
  reachability: 'online',
};

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const fail = () => Promise.reject(new Error('not used'));
  return {
    listAccountSets: fail,
    listInvoices: fail,
    getInvoice: fail,
    getInvoiceFile: fail,
    getSettings: () => Promise.resolve(view),
    setConnection: fail,
    setApiKey: () => Promise.resolve(view),
    clearApiKey: fail,
    testConnection: fail,
    getReport: fail,
    getChart: fail,
    listVouchers: fail,
    createVoucher: fail,
    listOutbox: fail,
    retryOutboxItem: fail,
    confirmOutboxItem: fail,
    discardOutboxItem: fail,
    getTrialBalance: fail,
    getDetailLedger: fail,
    getUiState: fail,
    setUiState: fail,
    listPeriods: fail,
    closePeriod: fail,
    reopenPeriod: fail,
    getVoucher: fail,
    reverseVoucher: fail,
    saveVoucherDraft: fail,
    listVoucherDrafts: fail,
    deleteVoucherDraft: fail,
    listVoucherTemplates: fail,
    saveVoucherTemplate: fail,
    deleteVoucherTemplate: fail,
    printVoucher: fail,
    printStatement: fail,
    pickWatchedFolder: fail,
    getFolderWatch: fail,
    addWatchedFolder: fail,
    updateWatchedFolder: fail,
    removeWatchedFolder: fail,
    retryFolderWatchFailures: fail,
    recognizeInvoice: fail,
    ...overrides,
  };
}

function router(overrides: Partial<IpcHandlers> = {}, onError = vi.fn()) {
  return createIpcRouter({ handlers: handlers(overrides), isTrustedOrigin: (o) => o === APP, onError });
}

describe('IPC router', () => {
  test('answers a valid call from the app origin', async () => {
    await expect(router().dispatch('getSettings', {}, APP)).resolves.toEqual({ ok: true, data: view });
  });

  test('refuses a foreign sender origin before running anything', async () => {
    const getSettings = vi.fn(() => Promise.resolve(view));
    const result = await router({ getSettings }).dispatch('getSettings', {}, 'https://evil.example');
    expect(result).toEqual({
      ok: false,
      error: { code: 403, message: '拒绝访问：请求来源不受信任', type: 'permission_error' },
    });
    expect(getSettings).not.toHaveBeenCalled();
    await expect(router().dispatch('getSettings', {}, undefined)).resolves.toMatchObject({ ok: false });
  });

  test('rejects bad arguments with a 400-style error naming the field', async () => {
    const setApiKey = vi.fn(() => Promise.resolve(view));
    const r = router({ setApiKey });
    await expect(r.dispatch('setApiKey', { key: 'not-a-key' }, APP)).resolves.toMatchObject({
      ok: false,
      error: { code: 400, type: 'invalid_request_error', message: expect.stringContaining('key') as string },
    });
    await expect(r.dispatch('setApiKey', {}, APP)).resolves.toMatchObject({
      ok: false,
      error: { code: 400, message: '参数错误：key不能为空' },
    });
    await expect(r.dispatch('getSettings', { extra: 1 }, APP)).resolves.toMatchObject({
      ok: false,
      error: { code: 400 },
    });
    await expect(r.dispatch('setApiKey', 'sk_live_x', APP)).resolves.toMatchObject({ ok: false });
    expect(setApiKey).not.toHaveBeenCalled();
  });

  test('unknown calls are 404', async () => {
    await expect(router().dispatch('fetchAnyUrl', {}, APP)).resolves.toMatchObject({
      ok: false,
      error: { code: 404, type: 'not_found_error' },
    });
  });

  test('results are parsed with the contract, so stray fields (a key!) are dropped', async () => {
    const leaky = {
      ...view,
      apiKey: 'sk_live_SHOULDNOTLEAK',
      cloudKey: { set: true, last4: '9j2K', key: 'x' },
    };
    const result = await router({ getSettings: () => Promise.resolve(leaky) }).dispatch(
      'getSettings',
      {},
      APP,
    );
    expect(JSON.stringify(result)).not.toContain('SHOULDNOTLEAK');
    expect(result).toEqual({ ok: true, data: { ...view, cloudKey: { set: true, last4: '9j2K' } } });
  });

  test('API errors keep their envelope; unknown errors become a generic 500 without internals', async () => {
    const apiFailure = router({
      getSettings: () => Promise.reject(new ApiError(errorEnvelope(401, '未授权：API Key 无效或已过期'))),
    });
    await expect(apiFailure.dispatch('getSettings', {}, APP)).resolves.toEqual({
      ok: false,
      error: { code: 401, message: '未授权：API Key 无效或已过期', type: 'authentication_error' },
    });

    const onError = vi.fn();
    const crash = router(
      { getSettings: () => Promise.reject(new Error('SQLITE_CORRUPT at /home/x/db')) },
      onError,
    );
    const result = await crash.dispatch('getSettings', {}, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 500, type: 'internal_error' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(onError).toHaveBeenCalledOnce();

    const noKey = router({ getSettings: () => Promise.reject(new KeyMissingError()) });
    await expect(noKey.dispatch('getSettings', {}, APP)).resolves.toMatchObject({
      ok: false,
      error: { code: 401, type: 'key_missing' },
    });
  });
});
