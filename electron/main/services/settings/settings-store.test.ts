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
    expect(new SettingsStore(dir).get()).toEqual({ mode: 'cloud', cloudBaseUrl: 'https://books.example.cn' });
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
    ]);
  });
});
