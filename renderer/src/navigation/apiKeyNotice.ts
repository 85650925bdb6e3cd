import { useSyncExternalStore } from 'react';
import type { BridgeError } from '../bridge';
import { navigateTo } from './hashNavigation';

/**
 * Why the user was sent to 设置 to enter the key again (a 401, or cloud mode without a key). Main
 * clears nothing on a 401: the key stays stored until the user replaces or clears it.
 */
let notice: string | null = null;
const listeners = new Set<() => void>();

function publish(next: string | null): void {
  notice = next;
  for (const listener of listeners) listener();
}

export function askForApiKey(error: BridgeError): void {
  publish(
    error.type === 'key_missing'
      ? '云端模式需要 API Key：请在下方输入后继续'
      : `${error.message}：请重新输入 API Key`,
  );
  navigateTo('settings');
}

export function dismissApiKeyNotice(): void {
  publish(null);
}

export function useApiKeyNotice(): string | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => notice,
  );
}
