import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IpcEvent, SettingsView } from '../../../shared/ipc';
import { bridge } from '../bridge';
import { queryKeys } from './queryKeys';

/** Turns what main pushes into cache updates, so every page shows the current engine and settings. */
export function useBridgeEvents(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    function refetchConnectionDependentData(): void {
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountSets });
    }

    return bridge.onEvent((event: IpcEvent) => {
      switch (event.type) {
        case 'engine-status':
          // Show the new state at once; the refetch below confirms it.
          queryClient.setQueryData<SettingsView>(queryKeys.settings, (settings) =>
            settings ? { ...settings, engine: event.status } : settings,
          );
          refetchConnectionDependentData();
          break;
        case 'settings-changed':
          refetchConnectionDependentData();
          break;
      }
    });
  }, [queryClient]);
}
