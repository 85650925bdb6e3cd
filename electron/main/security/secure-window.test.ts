import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { constructSecureWindow, type SecureWindowOptions } from './secure-window.js';

class RecordingWindow {
  constructor(readonly options: SecureWindowOptions) {}
}

describe('the app window', () => {
  test('isolated, sandboxed, no Node integration anywhere, no webviews, no insecure content', () => {
    const { options } = constructSecureWindow(RecordingWindow, 'out/preload/index.cjs');
    expect(options.webPreferences).toEqual({
      preload: path.resolve('out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.show).toBe(false);
  });
});
