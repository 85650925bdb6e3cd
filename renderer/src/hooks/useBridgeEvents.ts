import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IpcEvent, SettingsView } from '../../../shared/ipc';
import { bridge } from '../bridge';
import { queryKeys } from './queryKeys';

type UploadProgress = Extract<IpcEvent, { type: 'upload-progress' }>;

function refetchEngineData(queryClient: QueryClient): void {
  for (const queryKey of queryKeys.engineData) void queryClient.invalidateQueries({ queryKey });
}

function patchSettings(queryClient: QueryClient, patch: Partial<SettingsView>): void {
  queryClient.setQueryData<SettingsView>(queryKeys.settings, (settings) =>
    settings ? { ...settings, ...patch } : settings,
  );
}

/** Turns what main pushes into cache updates, so every page shows the current engine, data and queue. */
export function useBridgeEvents(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    let lastInvoiceRefresh = 0;
    return bridge.onEvent((event: IpcEvent) => {
      switch (event.type) {
        case 'engine-status':
          // Show the new state at once; the refetch below confirms it.
          patchSettings(queryClient, { engine: event.status });
          void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
          refetchEngineData(queryClient);
          break;
        case 'settings-changed':
          void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
          void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
          refetchEngineData(queryClient);
          break;
        case 'reachability':
          patchSettings(queryClient, { reachability: event.reachability });
          // A getSettings already in flight may answer with the old state and overwrite the patch;
          // invalidating cancels it and asks again.
          void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
          // Back online: what the pages show from the cache can be fetched live again.
          if (event.reachability === 'online') refetchEngineData(queryClient);
          break;
        case 'outbox-changed':
          void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
          // A queued voucher reaching the engine changes its voucher lists and statements.
          void queryClient.invalidateQueries({ queryKey: ['vouchers'] });
          void queryClient.invalidateQueries({ queryKey: ['reports'] });
          break;
        case 'upload-progress':
          queryClient.setQueryData<Record<string, UploadProgress>>(queryKeys.uploads, (uploads) => ({
            ...uploads,
            [event.uploadId]: event,
          }));
          break;
        case 'folder-watch-progress':
          // Folder watch uploads in the background: the 票据 list fills as its results arrive.
          if (Date.now() - lastInvoiceRefresh > 1_000) {
            lastInvoiceRefresh = Date.now();
            void queryClient.invalidateQueries({ queryKey: ['invoices', 'list'] });
          }
          break;
        case 'folder-watch-batch':
          void queryClient.invalidateQueries({ queryKey: ['invoices', 'list'] });
          break;
      }
    });
  }, [queryClient]);
}
