import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from './settings-store.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'zxe-settings-'));

describe('settings store', () => {
  test('defaults to local mode and persists updates', () => {
    const dir = tempDir();
    expect(new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
    new SettingsStore(dir).update({ mode: 'cloud', cloudBaseUrl: 'https://books.example.cn' });
    expect(new SettingsStore(dir).get()).toEqual({
      mode: 'cloud',
      cloudBaseUrl: 'https://books.example.cn',
      watchedFolders: [],
    });
  });

  test('a garbage or hand-mangled file gives defaults, field by field, never a crash', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), '{not json');
    expect(new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
    writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ mode: 'cloud', cloudBaseUrl: 'http://evil.example' }),
    );
    expect(new SettingsStore(dir).get()).toEqual({
      mode: 'cloud',
      cloudBaseUrl: DEFAULT_SETTINGS.cloudBaseUrl,
      watchedFolders: [],
    });
  });

  test('refuses a non-https cloud URL (loopback http is allowed)', () => {
    const store = new SettingsStore(tempDir());
    expect(() => store.update({ cloudBaseUrl: 'http://api.example.com' })).toThrow();
    expect(store.get().cloudBaseUrl).toBe(DEFAULT_SETTINGS.cloudBaseUrl);
    store.update({ cloudBaseUrl: 'http://127.0.0.1:8787' });
    expect(store.get().cloudBaseUrl).toBe('http://127.0.0.1:8787');
  });

  test('no secret ever lands in the settings file', () => {
    const dir = tempDir();
    new SettingsStore(dir).update({ mode: 'cloud' });
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as object)).toEqual([
      'mode',
      'cloudBaseUrl',
      'watchedFolders',
    ]);
  });

  test('watched folders are kept, and a damaged entry is dropped without losing the others', () => {
    const dir = tempDir();
    const folder = {
      id: 'wf_0123456789abcdef',
      path: '/home/user/发票',
      accountSetId: 'acc_demo1',
      recursive: true,
      paused: false,
      afterUpload: 'move' as const,
      addedAt: '2026-12-01T22:00:00.000Z',
    };
    new SettingsStore(dir).update({ watchedFolders: [folder] });
    expect(new SettingsStore(dir).get().watchedFolders).toEqual([folder]);
    const file = path.join(dir, 'settings.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...saved, watchedFolders: [{ id: 'x', path: 1 }, folder, 'junk'] }));
    expect(new SettingsStore(dir).get().watchedFolders).toEqual([folder]);
    writeFileSync(file, JSON.stringify({ ...saved, watchedFolders: 'not a list' }));
    expect(new SettingsStore(dir).get()).toEqual({ ...DEFAULT_SETTINGS, mode: saved.mode });
  });
});
